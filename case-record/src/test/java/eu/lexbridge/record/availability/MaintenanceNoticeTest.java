package eu.lexbridge.record.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.record.availability.MaintenanceNotice.Notice;
import eu.lexbridge.record.deadline.WorkingCalendars;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Implementing Regulation (EU) 2026/101 Annex I 6.3–6.4, in the Member State's working days. */
class MaintenanceNoticeTest {

    private static final WorkingCalendars CALENDARS = WorkingCalendars.standard();
    private static final ZonedDateTime MONDAY_EVENING = ZonedDateTime.parse("2026-12-14T21:00+01:00[Europe/Vienna]");

    @Test
    void theNoticeFollowsTheDowntimeAtTheLimitsOfFourAndTwelveHours() {
        assertThat(notice(Duration.ofHours(4))).isEqualTo(Notice.FIVE_WORKING_DAYS);
        assertThat(notice(Duration.ofHours(4).plusMinutes(1))).isEqualTo(Notice.TEN_WORKING_DAYS);
        assertThat(notice(Duration.ofHours(12))).isEqualTo(Notice.TEN_WORKING_DAYS);
        assertThat(notice(Duration.ofHours(12).plusMinutes(1))).isEqualTo(Notice.THIRTY_WORKING_DAYS);
    }

    /** 8 December is a public holiday in Austria, not in Germany: the same plan is due a day earlier there. */
    @Test
    void theLastDayToAnnounceCountsTheMemberStatesWorkingDays() {
        var austria = MaintenanceNotice.plan(MONDAY_EVENING, Duration.ofHours(3), CALENDARS.forState("AT"),
                Instant.parse("2026-12-01T09:00:00Z"));
        var germany = MaintenanceNotice.plan(MONDAY_EVENING, Duration.ofHours(3), CALENDARS.forState("DE"),
                Instant.parse("2026-12-01T09:00:00Z"));

        assertThat(austria.announceBy()).isEqualTo(LocalDate.parse("2026-12-04"));
        assertThat(germany.announceBy()).isEqualTo(LocalDate.parse("2026-12-07"));
        assertThat(austria.late()).isFalse();
        assertThat(austria.workingDaysLeft()).as("1, 2, 3 and 4 December").isEqualTo(4);
        assertThat(austria.end()).isEqualTo(ZonedDateTime.parse("2026-12-15T00:00+01:00[Europe/Vienna]"));
    }

    @Test
    void aPlanAskedAfterItsLastDayIsLate() {
        var late = MaintenanceNotice.plan(MONDAY_EVENING, Duration.ofHours(3), CALENDARS.forState("AT"),
                Instant.parse("2026-12-06T09:00:00Z"));
        var lastDay = MaintenanceNotice.plan(MONDAY_EVENING, Duration.ofHours(3), CALENDARS.forState("AT"),
                Instant.parse("2026-12-04T22:30:00Z")); // 23:30 in Vienna: still the 4th

        assertThat(late.late()).isTrue();
        assertThat(late.workingDaysLeft()).isZero();
        assertThat(lastDay.late()).isFalse();
        assertThat(lastDay.workingDaysLeft()).isEqualTo(1);
    }

    @Test
    void thePreferredHoursAreNightsOfWorkingDaysAndWholeDaysThatAreNot() {
        assertThat(preferred("2026-12-14T21:00+01:00[Europe/Vienna]", 10)).as("Monday 21:00 to Tuesday 07:00")
                .isTrue();
        assertThat(preferred("2026-12-14T21:00+01:00[Europe/Vienna]", 11)).as("until 08:00").isFalse();
        assertThat(preferred("2026-12-14T10:00+01:00[Europe/Vienna]", 1)).as("Monday morning").isFalse();
        assertThat(preferred("2026-12-12T10:00+01:00[Europe/Vienna]", 30)).as("Saturday and Sunday").isTrue();
        assertThat(preferred("2026-12-08T10:00+01:00[Europe/Vienna]", 2)).as("a public holiday in Austria")
                .isTrue();
    }

    @Test
    void aDowntimeOfNothingOrOfMoreThanTwoWeeksIsNotPlanned() {
        assertThatThrownBy(() -> MaintenanceNotice.plan(MONDAY_EVENING, Duration.ZERO, CALENDARS.forState("AT"),
                Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MaintenanceNotice.plan(MONDAY_EVENING, Duration.ofDays(15),
                CALENDARS.forState("AT"), Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Notice notice(Duration downtime) {
        return MaintenanceNotice.plan(MONDAY_EVENING, downtime, CALENDARS.forState("AT"), Instant.EPOCH).notice();
    }

    private static boolean preferred(String start, int hours) {
        return MaintenanceNotice.plan(ZonedDateTime.parse(start), Duration.ofHours(hours), CALENDARS.forState("AT"),
                Instant.EPOCH).preferredHours();
    }
}
