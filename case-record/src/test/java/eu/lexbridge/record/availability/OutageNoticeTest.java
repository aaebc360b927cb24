package eu.lexbridge.record.availability;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.record.availability.MaintenanceWindows.Planned;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Annex I 6.6: an unexpected outage is notified without delay, with the expected recovery time. */
class OutageNoticeTest {

    private static final Instant SINCE = Instant.parse("2026-11-14T09:12:00Z");
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void theNoticeNamesTheComponentTheStartTheChecksAndLeavesTheRecoveryTimeToAPerson() {
        String text = new OutageNotice("the e-CODEX connector of at-prosecutor", SINCE, List.of("db", "jms")).text();

        assertThat(text).contains("Annex I 6.6").contains("the e-CODEX connector of at-prosecutor")
                .contains("since 2026-11-14T09:12:00Z (2026-11-14 10:12 CET)").contains("Checks failing: db, jms.")
                .contains(OutageNotice.RECOVERY_PLACEHOLDER);
    }

    @Test
    void anOutageIsDueItsNoticeOnceItHasLastedTheThresholdOutsideTheWindows() {
        assertThat(OutageNotice.due(SINCE, SINCE.plus(Duration.ofMinutes(4)), MaintenanceWindows.NONE, FIVE_MINUTES))
                .isFalse();
        assertThat(OutageNotice.due(SINCE, SINCE.plus(FIVE_MINUTES), MaintenanceWindows.NONE, FIVE_MINUTES)).isTrue();

        // a window 09:00-09:15: the outage began inside it and has run 4 minutes past it
        var windows = new MaintenanceWindows(List.of(), List.of(new Planned(
                OffsetDateTime.parse("2026-11-14T09:00:00Z"), Duration.ofMinutes(15))));
        assertThat(OutageNotice.due(SINCE, Instant.parse("2026-11-14T09:14:00Z"), windows, FIVE_MINUTES))
                .as("inside the window").isFalse();
        assertThat(OutageNotice.due(SINCE, Instant.parse("2026-11-14T09:19:00Z"), windows, FIVE_MINUTES)).isFalse();
        assertThat(OutageNotice.due(SINCE, Instant.parse("2026-11-14T09:20:00Z"), windows, FIVE_MINUTES)).isTrue();
        assertThat(OutageNotice.unplanned(SINCE, Instant.parse("2026-11-14T09:20:00Z"), windows))
                .isEqualTo(FIVE_MINUTES);
    }
}
