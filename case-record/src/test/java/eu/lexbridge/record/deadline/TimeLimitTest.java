package eu.lexbridge.record.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Counting by Regulation (EEC, Euratom) No 1182/71, on real 2026 dates. */
class TimeLimitTest {

    private static final WorkingCalendars CALENDARS = WorkingCalendars.standard();
    private static final WorkingCalendar AT = CALENDARS.forState("AT");
    private static final WorkingCalendar DE = CALENDARS.forState("DE");

    private static Instant t(String instant) {
        return Instant.parse(instant);
    }

    @Test
    void tenDaysSkipTheEventDayAndEndAtTheLastLocalMidnight() {
        // Sunday 1 March 10:15 Vienna: the period runs 2 to 11 March and ends 12 March 00:00 Vienna (CET, UTC+1).
        assertThat(TimeLimit.calendarDays(10).endFrom(t("2026-03-01T09:15:00Z"), AT))
                .isEqualTo(t("2026-03-11T23:00:00Z"));
    }

    @Test
    void aLastDayOnEasterMondayMovesToTheNextWorkingDay() {
        // From Friday 27 March the 10th day is Monday 6 April, Easter Monday in Germany: the period ends with Tuesday.
        assertThat(TimeLimit.calendarDays(10).endFrom(t("2026-03-27T10:00:00Z"), DE))
                .isEqualTo(t("2026-04-07T22:00:00Z"));
        // In Greece 6 April 2026 is an ordinary Monday (Orthodox Easter Monday is 13 April): no extension, EEST.
        assertThat(TimeLimit.calendarDays(10).endFrom(t("2026-03-27T10:00:00Z"), CALENDARS.forState("EL")))
                .isEqualTo(t("2026-04-06T21:00:00Z"));
    }

    @Test
    void aLastDayOnSaturdayMovesToMonday() {
        // From Wednesday 4 March the 10th day is Saturday 14 March: the period ends with Monday 16 March.
        assertThat(TimeLimit.calendarDays(10).endFrom(t("2026-03-04T10:00:00Z"), DE))
                .isEqualTo(t("2026-03-16T23:00:00Z"));
    }

    @Test
    void hoursStartWithTheNextFullHour() {
        // 10:15 UTC (11:15 Berlin): the hour 11:00-12:00 does not count; 8 hours from 12:00 Berlin end at 20:00.
        assertThat(TimeLimit.hours(8).endFrom(t("2026-03-06T10:15:00Z"), DE)).isEqualTo(t("2026-03-06T19:00:00Z"));
        // An event on the full hour still lies in that hour.
        assertThat(TimeLimit.hours(8).endFrom(t("2026-03-06T10:00:00Z"), DE)).isEqualTo(t("2026-03-06T19:00:00Z"));
    }

    @Test
    void hoursAreNotExtendedOverAWeekend() {
        // Friday 19:15 Berlin: 8 hours from 20:00 end on Saturday 04:00 Berlin, a Saturday and it stays.
        assertThat(TimeLimit.hours(8).endFrom(t("2026-03-06T18:15:00Z"), DE)).isEqualTo(t("2026-03-07T03:00:00Z"));
        assertThat(TimeLimit.hours(96).endFrom(t("2026-03-06T18:15:00Z"), DE))
                .isEqualTo(t("2026-03-10T19:00:00Z"));
    }

    @Test
    void workingDaysSkipTheWeekendAndAHoliday() {
        // Thursday 30 April: Friday 1 May is Labour Day, then the weekend; days 1-5 are 4 to 8 May (CEST, UTC+2).
        assertThat(TimeLimit.workingDays(5).endFrom(t("2026-04-30T08:00:00Z"), DE))
                .isEqualTo(t("2026-05-08T22:00:00Z"));
    }

    @Test
    void daysAcrossTheChangeToSummerTimeEndAtLocalMidnight() {
        // 20 March (CET) + 10 days: the last day is Monday 30 March, after the change on Sunday 29 March: CEST.
        assertThat(TimeLimit.calendarDays(10).endFrom(t("2026-03-20T10:00:00Z"), AT))
                .isEqualTo(t("2026-03-30T22:00:00Z"));
    }

    @Test
    void hoursAcrossTheChangeToSummerTimeAreElapsedHours() {
        // 00:30 CET on 29 March: from 01:00 CET (00:00 UTC) 8 real hours end at 08:00 UTC, 10:00 CEST.
        assertThat(TimeLimit.hours(8).endFrom(t("2026-03-28T23:30:00Z"), AT)).isEqualTo(t("2026-03-29T08:00:00Z"));
    }

    @Test
    void aPeriodOfTwoDaysIncludesTwoWorkingDays() {
        // Art 3(5): from Friday 6 March, 2 days would be the weekend; the period takes in Monday and Tuesday.
        assertThat(TimeLimit.calendarDays(2).endFrom(t("2026-03-06T10:00:00Z"), DE))
                .isEqualTo(t("2026-03-10T23:00:00Z"));
        // A single day is not a period of two days or more: only Art 3(4) moves it from Saturday to Monday.
        assertThat(TimeLimit.calendarDays(1).endFrom(t("2026-03-06T10:00:00Z"), DE))
                .isEqualTo(t("2026-03-09T23:00:00Z"));
    }

    @Test
    void anAddedHolidayExtendsThePeriod() {
        // 12 March 2026 made a holiday: the 10 days from 2 March end with Friday 13 March instead.
        WorkingCalendar withExtra = AT.withExtraHolidays(java.util.Set.of(java.time.LocalDate.parse("2026-03-12")));
        assertThat(TimeLimit.calendarDays(10).endFrom(t("2026-03-02T08:30:00Z"), AT))
                .isEqualTo(t("2026-03-12T23:00:00Z"));
        assertThat(TimeLimit.calendarDays(10).endFrom(t("2026-03-02T08:30:00Z"), withExtra))
                .isEqualTo(t("2026-03-13T23:00:00Z"));
    }

    @Test
    void aLimitIsPositive() {
        assertThatThrownBy(() -> TimeLimit.hours(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not 0");
        assertThat(TimeLimit.workingDays(5)).hasToString("5 working days");
    }
}
