package eu.lexbridge.record.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A time limit as an EU act states it, and how it ends. Counting follows Regulation (EEC, Euratom) No 1182/71
 * determining the rules applicable to periods, dates and time limits, which EU acts apply unless they say otherwise:
 * <ul>
 *   <li>Art 3(1): the hour, or the day, in which the starting event occurs does not count. A period in hours starts at
 *       the beginning of the next full hour; a period in days starts on the next day.</li>
 *   <li>Art 3(2)(b)/(c): a period in days starts at the beginning of the first hour of its first day and ends with the
 *       expiry of the last hour of its last day: 10 days from 1 March 10:15 end on 12 March 00:00.</li>
 *   <li>Art 3(3): a period in calendar days includes Saturdays, Sundays and public holidays.</li>
 *   <li>Art 3(4): a period expressed other than in hours whose last day is a Saturday, Sunday or public holiday ends
 *       with the expiry of the last hour of the following working day. Periods in hours are never extended.</li>
 *   <li>Art 3(5): a period of two days or more includes at least two working days.</li>
 *   <li>Art 2(2): working days are all days other than Saturdays, Sundays and public holidays.</li>
 * </ul>
 * Day and hour boundaries are those of the given calendar's Member State, in its local time; hours are elapsed time,
 * so an 8-hour limit across a daylight-saving change still lasts 8 real hours.
 *
 * @param amount how many units, at least 1
 * @param unit hours, calendar days or working days
 */
public record TimeLimit(long amount, LimitUnit unit) {

    /** Longer limits are a configuration mistake, and would make counting working days loop for long. */
    static final long MAX_AMOUNT = 10_000;

    public TimeLimit {
        Objects.requireNonNull(unit, "unit");
        if (amount < 1 || amount > MAX_AMOUNT) {
            throw new IllegalArgumentException("A time limit is between 1 and " + MAX_AMOUNT + " units, not " + amount
                    + ".");
        }
    }

    public static TimeLimit hours(long amount) {
        return new TimeLimit(amount, LimitUnit.HOURS);
    }

    public static TimeLimit calendarDays(long amount) {
        return new TimeLimit(amount, LimitUnit.CALENDAR_DAYS);
    }

    public static TimeLimit workingDays(long amount) {
        return new TimeLimit(amount, LimitUnit.WORKING_DAYS);
    }

    /**
     * When this limit, started by an event at {@code event}, expires in the given calendar.
     *
     * @return the first instant after the period: an act at this instant or later is late
     */
    public Instant endFrom(Instant event, WorkingCalendar calendar) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(calendar, "calendar");
        ZonedDateTime local = event.atZone(calendar.zone());
        return switch (unit) {
            case HOURS -> local.truncatedTo(ChronoUnit.HOURS).plusHours(1).plusHours(amount).toInstant();
            case CALENDAR_DAYS -> endOfDay(lastCalendarDay(local.toLocalDate(), calendar), calendar);
            case WORKING_DAYS -> endOfDay(lastWorkingDay(local.toLocalDate(), calendar), calendar);
        };
    }

    private LocalDate lastCalendarDay(LocalDate eventDay, WorkingCalendar calendar) {
        LocalDate last = eventDay.plusDays(amount);
        // Art 3(5): a period of two days or more includes at least two working days.
        if (amount >= 2) {
            while (workingDaysBetween(eventDay.plusDays(1), last, calendar) < 2) {
                last = last.plusDays(1);
            }
        }
        // Art 3(4): a last day that is a Saturday, Sunday or public holiday moves to the next working day.
        while (!calendar.isWorkingDay(last)) {
            last = last.plusDays(1);
        }
        return last;
    }

    private LocalDate lastWorkingDay(LocalDate eventDay, WorkingCalendar calendar) {
        LocalDate day = eventDay;
        for (long counted = 0; counted < amount; ) {
            day = day.plusDays(1);
            if (calendar.isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    private static long workingDaysBetween(LocalDate first, LocalDate last, WorkingCalendar calendar) {
        long count = 0;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    private static Instant endOfDay(LocalDate last, WorkingCalendar calendar) {
        return last.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
    }

    @Override
    public String toString() {
        return amount + switch (unit) {
            case HOURS -> amount == 1 ? " hour" : " hours";
            case CALENDAR_DAYS -> amount == 1 ? " calendar day" : " calendar days";
            case WORKING_DAYS -> amount == 1 ? " working day" : " working days";
        };
    }
}
