package eu.lexbridge.record.deadline;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * The working calendars of the 27 Member States, by ISO 3166-1 alpha-2 code. The EU's own code for Greece, EL, is
 * accepted and means GR. Operators add regional holidays and days declared off with {@link #of(Map)} or
 * {@link #withExtraHolidays(Map)}, and correct a generated holiday a law has since abolished with
 * {@link #withWorkingDays(Map)}. Immutable.
 */
public final class WorkingCalendars {

    private final Map<String, WorkingCalendar> byState;

    private WorkingCalendars(Map<String, WorkingCalendar> byState) {
        this.byState = Map.copyOf(byState);
    }

    /** The national calendars with nothing added. */
    public static WorkingCalendars standard() {
        return new WorkingCalendars(MemberStateHolidays.calendars());
    }

    /** The national calendars with the given extra holidays per state (code, EL or GR for Greece). */
    public static WorkingCalendars of(Map<String, Set<LocalDate>> extraHolidays) {
        return standard().withExtraHolidays(extraHolidays);
    }

    /** These calendars with the given dates added as holidays in the given states. */
    public WorkingCalendars withExtraHolidays(Map<String, Set<LocalDate>> extraHolidays) {
        return with(extraHolidays, WorkingCalendar::withExtraHolidays);
    }

    /** These calendars with the given dates declared working in the given states. */
    public WorkingCalendars withWorkingDays(Map<String, Set<LocalDate>> workingDays) {
        return with(workingDays, WorkingCalendar::withWorkingDays);
    }

    private WorkingCalendars with(Map<String, Set<LocalDate>> dates,
                                  BiFunction<WorkingCalendar, Set<LocalDate>, WorkingCalendar> change) {
        Objects.requireNonNull(dates, "dates");
        Map<String, WorkingCalendar> changed = new TreeMap<>(byState);
        dates.forEach((state, days) -> {
            WorkingCalendar calendar = forState(state);
            changed.put(calendar.state(), change.apply(calendar, Objects.requireNonNull(days, "dates of " + state)));
        });
        return new WorkingCalendars(changed);
    }

    /**
     * The calendar of a Member State.
     *
     * @param code ISO 3166-1 alpha-2 (any case); EL is taken for GR
     * @throws IllegalArgumentException for a code that is no EU Member State
     */
    public WorkingCalendar forState(String code) {
        String state = normalise(code);
        WorkingCalendar calendar = byState.get(state);
        if (calendar == null) {
            throw new IllegalArgumentException("There is no working calendar for '" + code
                    + "': give the ISO 3166-1 alpha-2 code of an EU Member State (EL or GR for Greece).");
        }
        return calendar;
    }

    /** The codes known, GR for Greece, in alphabetical order. */
    public SortedSet<String> states() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(byState.keySet()));
    }

    /** The code as the calendars know it: trimmed, upper case, EL read as GR. */
    public static String normalise(String code) {
        Objects.requireNonNull(code, "state code");
        String upper = code.strip().toUpperCase(Locale.ROOT);
        return upper.equals("EL") ? "GR" : upper;
    }
}
