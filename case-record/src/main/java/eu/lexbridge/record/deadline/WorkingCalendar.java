package eu.lexbridge.record.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The working days of one Member State: its time zone (whose local midnight separates days), the weekend (Saturday
 * and Sunday, as Regulation (EEC, Euratom) No 1182/71 Art 2(2) names them), its nationwide public holidays generated
 * from rules for any year, the dates an operator adds as holidays (regional holidays, days a government declares off,
 * bridge days) and the dates an operator declares working (removing a generated holiday, e.g. one a recent law
 * abolished). A declared working date never makes a Saturday or Sunday a working day: 1182/71 excludes them by name.
 *
 * <p>Immutable; the holidays of a year are computed once and kept (a deterministic cache, safe to share).
 */
public final class WorkingCalendar {

    private static final String EXTRA = "holiday added by configuration";

    private final String state;
    private final ZoneId zone;
    private final List<HolidayRule> rules;
    private final Set<LocalDate> extraHolidays;
    private final Set<LocalDate> workingDates;
    private final Map<Integer, SortedMap<LocalDate, String>> nationalByYear = new ConcurrentHashMap<>();

    private WorkingCalendar(String state, ZoneId zone, List<HolidayRule> rules, Set<LocalDate> extraHolidays,
                            Set<LocalDate> workingDates) {
        this.state = Objects.requireNonNull(state, "state");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.rules = List.copyOf(rules);
        this.extraHolidays = Set.copyOf(extraHolidays);
        this.workingDates = Set.copyOf(workingDates);
    }

    /** A calendar of the given state (an ISO 3166-1 code), its zone and its holiday rules, with no dates added. */
    public static WorkingCalendar of(String state, ZoneId zone, List<HolidayRule> rules) {
        return new WorkingCalendar(state, zone, rules, Set.of(), Set.of());
    }

    /** This calendar with the given dates added as public holidays, on top of those it already has. */
    public WorkingCalendar withExtraHolidays(Set<LocalDate> dates) {
        Set<LocalDate> all = new HashSet<>(extraHolidays);
        all.addAll(Objects.requireNonNull(dates, "dates"));
        return new WorkingCalendar(state, zone, rules, all, workingDates);
    }

    /** This calendar with the given dates declared working: a generated or added holiday on them no longer counts. */
    public WorkingCalendar withWorkingDays(Set<LocalDate> dates) {
        Set<LocalDate> all = new HashSet<>(workingDates);
        all.addAll(Objects.requireNonNull(dates, "dates"));
        return new WorkingCalendar(state, zone, rules, extraHolidays, all);
    }

    /** The Member State, as an ISO 3166-1 alpha-2 code (GR for Greece). */
    public String state() {
        return state;
    }

    /** The Member State's time zone: days begin at its local midnight. */
    public ZoneId zone() {
        return zone;
    }

    public boolean isWeekend(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
    }

    public boolean isPublicHoliday(LocalDate day) {
        return publicHolidays(day.getYear()).containsKey(day);
    }

    /** A working day in the sense of 1182/71 Art 2(2): neither Saturday, Sunday nor public holiday. */
    public boolean isWorkingDay(LocalDate day) {
        return !isWeekend(day) && !isPublicHoliday(day);
    }

    /** The holidays the national rules give for the year, by date, with their names; no configured dates. */
    public SortedMap<LocalDate, String> nationalHolidays(int year) {
        return nationalByYear.computeIfAbsent(year, this::generate);
    }

    /** The public holidays that count in the year: the national ones and the added ones, less the declared working. */
    public SortedMap<LocalDate, String> publicHolidays(int year) {
        if (extraHolidays.isEmpty() && workingDates.isEmpty()) {
            return nationalHolidays(year);
        }
        TreeMap<LocalDate, String> all = new TreeMap<>(nationalHolidays(year));
        extraHolidays.stream().filter(day -> day.getYear() == year).forEach(day -> all.putIfAbsent(day, EXTRA));
        all.keySet().removeAll(workingDates);
        return Collections.unmodifiableSortedMap(all);
    }

    private SortedMap<LocalDate, String> generate(int year) {
        // A substitute day may follow a holiday of the year before (e.g. a late-December one), so start there.
        TreeMap<LocalDate, HolidayRule> raw = new TreeMap<>();
        for (int y = year - 1; y <= year; y++) {
            for (HolidayRule rule : rules) {
                int ruleYear = y;
                rule.dateIn(ruleYear).ifPresent(day -> raw.putIfAbsent(day, rule));
            }
        }
        TreeMap<LocalDate, String> holidays = new TreeMap<>();
        raw.forEach((day, rule) -> holidays.put(day, rule.name()));
        raw.forEach((day, rule) -> {
            if (rule.substituted() && isWeekend(day)) {
                LocalDate substitute = day.plusDays(1);
                while (isWeekend(substitute) || holidays.containsKey(substitute)) {
                    substitute = substitute.plusDays(1);
                }
                holidays.put(substitute, rule.name() + " (substitute day)");
            }
        });
        holidays.keySet().removeIf(day -> day.getYear() != year);
        return Collections.unmodifiableSortedMap(holidays);
    }

    @Override
    public String toString() {
        return "WorkingCalendar[" + state + ", " + zone + "]";
    }
}
