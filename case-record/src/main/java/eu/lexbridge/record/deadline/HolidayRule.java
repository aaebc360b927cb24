package eu.lexbridge.record.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * How one public holiday falls in a given year: a fixed date, a day relative to Easter, the n-th weekday of a month,
 * or a date a national law computes otherwise. A rule may hold only for some years (a holiday introduced or abolished)
 * and may be substituted: when it falls on a Saturday or Sunday, the next weekday that is no holiday is one too.
 */
public final class HolidayRule {

    private final String name;
    private final IntFunction<LocalDate> date;
    private final int fromYear;
    private final int untilYear;
    private final Set<Integer> exceptYears;
    private final boolean substituted;

    private HolidayRule(String name, IntFunction<LocalDate> date, int fromYear, int untilYear,
                        Set<Integer> exceptYears, boolean substituted) {
        this.name = Objects.requireNonNull(name, "name");
        this.date = Objects.requireNonNull(date, "date");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A holiday rule needs a name.");
        }
        if (fromYear > untilYear) {
            throw new IllegalArgumentException("The holiday '" + name + "' would hold from " + fromYear + " until "
                    + untilYear + ", which is no year at all.");
        }
        this.fromYear = fromYear;
        this.untilYear = untilYear;
        this.exceptYears = Set.copyOf(exceptYears);
        this.substituted = substituted;
    }

    /** The same date every year, e.g. 1 May. */
    public static HolidayRule fixed(String name, int month, int dayOfMonth) {
        LocalDate.of(2000, month, dayOfMonth); // rejects an impossible date now rather than on first use
        return computed(name, year -> LocalDate.of(year, month, dayOfMonth));
    }

    /** A day relative to western Easter Sunday: -2 Good Friday, +1 Easter Monday, +39 Ascension, +60 Corpus Christi. */
    public static HolidayRule easter(String name, int daysAfterEaster) {
        return computed(name, year -> Easter.western(year).plusDays(daysAfterEaster));
    }

    /** A day relative to Orthodox Easter Sunday: -48 Clean Monday, -2 Good Friday, +50 Whit (Holy Spirit) Monday. */
    public static HolidayRule orthodoxEaster(String name, int daysAfterEaster) {
        return computed(name, year -> Easter.orthodox(year).plusDays(daysAfterEaster));
    }

    /** The n-th given weekday of a month (1 to 4), or its last one for {@code n = -1}: e.g. the first Monday in May. */
    public static HolidayRule nthWeekday(String name, int month, int n, DayOfWeek weekday) {
        Objects.requireNonNull(weekday, "weekday");
        if (n != -1 && (n < 1 || n > 4)) {
            throw new IllegalArgumentException("The holiday '" + name + "' is the 1st to 4th or the last (-1) "
                    + weekday + " of its month, not number " + n + ".");
        }
        return computed(name, year -> LocalDate.of(year, month, 1)
                .with(TemporalAdjusters.dayOfWeekInMonth(n, weekday)));
    }

    /** The first given weekday on or after a date: e.g. Midsummer Day, the Saturday between 20 and 26 June. */
    public static HolidayRule firstWeekdayFrom(String name, int month, int dayOfMonth, DayOfWeek weekday) {
        Objects.requireNonNull(weekday, "weekday");
        return computed(name, year -> LocalDate.of(year, month, dayOfMonth)
                .with(TemporalAdjusters.nextOrSame(weekday)));
    }

    /** A date a national law computes in its own way; the function gets the year and returns that year's date. */
    public static HolidayRule computed(String name, IntFunction<LocalDate> date) {
        return new HolidayRule(name, date, Integer.MIN_VALUE, Integer.MAX_VALUE, Set.of(), false);
    }

    /** The same rule, holding only from the given year on (a holiday a law introduced). */
    public HolidayRule from(int year) {
        return new HolidayRule(name, date, year, untilYear, exceptYears, substituted);
    }

    /** The same rule, holding only up to and including the given year (a holiday a law abolished). */
    public HolidayRule until(int year) {
        return new HolidayRule(name, date, fromYear, year, exceptYears, substituted);
    }

    /** The same rule, suspended in the given years (a law made it a working day for those years only). */
    public HolidayRule except(int... years) {
        Set<Integer> skipped = Arrays.stream(years).boxed().collect(Collectors.toSet());
        skipped.addAll(exceptYears);
        return new HolidayRule(name, date, fromYear, untilYear, skipped, substituted);
    }

    /** The same rule, whose date on a Saturday or Sunday also makes the next free weekday a holiday. */
    public HolidayRule substitutedOnWeekend() {
        return new HolidayRule(name, date, fromYear, untilYear, exceptYears, true);
    }

    public String name() {
        return name;
    }

    public boolean substituted() {
        return substituted;
    }

    /** The holiday's date in the year, or empty when the rule does not hold that year. */
    public Optional<LocalDate> dateIn(int year) {
        if (year < fromYear || year > untilYear || exceptYears.contains(year)) {
            return Optional.empty();
        }
        LocalDate day = date.apply(year);
        if (day.getYear() != year) {
            throw new IllegalStateException("The holiday '" + name + "' computed " + day + " for the year " + year
                    + ".");
        }
        return Optional.of(day);
    }

    @Override
    public String toString() {
        return name;
    }
}
