package eu.lexbridge.tools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code maintenance plan}: the notice of Implementing Regulation (EU) 2026/101 Annex I 6.4, on time or late. */
class MaintenanceCommandTest {

    @Test
    void aThreeHourNightMaintenanceNeedsFiveAustrianWorkingDays() {
        CliRun run = CliRun.of("maintenance", "plan", "--start", "2026-12-14T21:00+01:00", "--duration", "3h",
                "--country", "AT", "--now", "2026-12-01T09:00:00Z");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("notice       5 working days ahead: a downtime of up to 4 hours")
                .contains("announce by  2026-12-04 (working days of AT)")
                .contains("status       on time: 4 working day(s) left")
                .contains("hours        in the preferred hours");
    }

    @Test
    void aLongDaytimeMaintenanceAnnouncedTooLateIsExitOne() {
        CliRun run = CliRun.of("maintenance", "plan", "--start", "2026-12-14T09:00+01:00", "--duration", "PT13H",
                "--country", "DE", "--now", "2026-12-01T09:00:00Z");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("notice       30 working days ahead: a downtime of more than 12 hours")
                .contains("status       LATE: the announcement was due by 2026-11-02")
                .contains("partly outside the preferred hours");
    }

    @Test
    void unusableInputIsExitTwoWithASentence() {
        CliRun noOffset = CliRun.of("maintenance", "plan", "--start", "2026-12-14 21:00", "--duration", "3h",
                "--country", "AT");
        CliRun notAMemberState = CliRun.of("maintenance", "plan", "--start", "2026-12-14T21:00+01:00", "--duration",
                "3h", "--country", "CH");

        assertThat(noOffset.exit()).isEqualTo(2);
        assertThat(noOffset.err()).contains("--start must be a date and time with its offset");
        assertThat(notAMemberState.exit()).isEqualTo(2);
        assertThat(notAMemberState.err()).contains("CH");
    }
}
