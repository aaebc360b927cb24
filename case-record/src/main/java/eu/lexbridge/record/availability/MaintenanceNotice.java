package eu.lexbridge.record.availability;

import eu.lexbridge.record.deadline.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * What a planned maintenance of a Member State's components requires (Implementing Regulation (EU) 2026/101 Annex I
 * 6.3–6.4): advance notice to the Commission and the other Member States of 5 working days for a downtime of up to
 * 4 hours, 10 for up to 12 hours, 30 beyond; preferably outside working days, or on working days between 20:00 and
 * 07:00 CET.
 *
 * @param start when the downtime may begin
 * @param duration how long it may last
 * @param notice the notice it needs
 * @param announceBy the last day to announce it: {@code notice} working days of the Member State before the day it
 *     starts
 * @param late whether that day had passed at the time of asking
 * @param workingDaysLeft the working days from the time of asking until {@code announceBy}, that day included; 0 when
 *     late
 * @param preferredHours whether the whole downtime lies in the preferred hours
 */
public record MaintenanceNotice(ZonedDateTime start, Duration duration, Notice notice, LocalDate announceBy,
                                boolean late, int workingDaysLeft, boolean preferredHours) {

    /** CET/CEST, the time Annex I 6.3 names for the preferred hours. */
    static final ZoneId CET = ZoneId.of("Europe/Brussels");
    private static final LocalTime EVENING = LocalTime.of(20, 0);
    private static final LocalTime MORNING = LocalTime.of(7, 0);
    /** A window is looked at minute by minute; a maintenance of more than this is not one to plan with this. */
    static final Duration LONGEST = Duration.ofDays(14);

    /** The notice classes of Annex I 6.4. */
    public enum Notice {
        FIVE_WORKING_DAYS(5, "a downtime of up to 4 hours"),
        TEN_WORKING_DAYS(10, "a downtime of more than 4 and up to 12 hours"),
        THIRTY_WORKING_DAYS(30, "a downtime of more than 12 hours");

        private final int workingDays;
        private final String applies;

        Notice(int workingDays, String applies) {
            this.workingDays = workingDays;
            this.applies = applies;
        }

        public int workingDays() {
            return workingDays;
        }

        /** For what downtime it applies, in words. */
        public String applies() {
            return applies;
        }

        static Notice of(Duration downtime) {
            if (downtime.compareTo(Duration.ofHours(4)) <= 0) {
                return FIVE_WORKING_DAYS;
            }
            return downtime.compareTo(Duration.ofHours(12)) <= 0 ? TEN_WORKING_DAYS : THIRTY_WORKING_DAYS;
        }
    }

    public MaintenanceNotice {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(notice, "notice");
        Objects.requireNonNull(announceBy, "announceBy");
    }

    /**
     * The notice a maintenance from {@code start} for {@code duration} needs, counted in the working days of
     * {@code calendar} (the Member State that announces it), as of {@code now}.
     *
     * @throws IllegalArgumentException when the duration is not positive or longer than two weeks
     */
    public static MaintenanceNotice plan(ZonedDateTime start, Duration duration, WorkingCalendar calendar,
                                         Instant now) {
        if (duration.isZero() || duration.isNegative() || duration.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("a maintenance lasts more than nothing and at most " + LONGEST.toDays()
                    + " days");
        }
        Notice notice = Notice.of(duration);
        LocalDate day = start.withZoneSameInstant(calendar.zone()).toLocalDate();
        for (int counted = 0; counted < notice.workingDays(); ) {
            day = day.minusDays(1);
            if (calendar.isWorkingDay(day)) {
                counted++;
            }
        }
        LocalDate today = now.atZone(calendar.zone()).toLocalDate();
        boolean late = today.isAfter(day);
        int left = 0;
        for (LocalDate d = today; !late && !d.isAfter(day); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                left++;
            }
        }
        return new MaintenanceNotice(start, duration, notice, day, late, left,
                inPreferredHours(start, duration, calendar));
    }

    /** Every minute of the downtime on a day that is not a working day, or between 20:00 and 07:00 CET. */
    private static boolean inPreferredHours(ZonedDateTime start, Duration duration, WorkingCalendar calendar) {
        ZonedDateTime end = start.plus(duration);
        for (ZonedDateTime at = start; at.isBefore(end); at = at.plusMinutes(1)) {
            ZonedDateTime cet = at.withZoneSameInstant(CET);
            LocalTime time = cet.toLocalTime();
            boolean night = !time.isBefore(EVENING) || time.isBefore(MORNING);
            if (!night && calendar.isWorkingDay(at.withZoneSameInstant(calendar.zone()).toLocalDate())) {
                return false;
            }
        }
        return true;
    }

    public ZonedDateTime end() {
        return start.plus(duration);
    }
}
