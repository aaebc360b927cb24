package eu.lexbridge.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.record.CaseDeadline.Status;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Due soon: running, not yet ended, and ending within the warning; the one rule the watch and the alerts follow. */
class CaseDeadlineTest {

    private static final Instant DUE = Instant.parse("2026-03-02T17:00:00Z");

    private static CaseDeadline limit(Status status, Instant dueAt) {
        return new CaseDeadline("D5", "produce the data within 8 hours", "Reg (EU) 2023/1543 Art 10(4)",
                "addressee", "epoc", DUE.minus(Duration.ofHours(8)), dueAt, status, null, false);
    }

    @Test
    void aRunningLimitEndingWithinTheWarningIsDueSoonUntilItEnds() {
        CaseDeadline running = limit(Status.RUNNING, DUE);

        assertThat(running.dueWithin(Duration.ofHours(6), DUE.minus(Duration.ofHours(7)))).isFalse();
        assertThat(running.dueWithin(Duration.ofHours(6), DUE.minus(Duration.ofHours(6)))).as("at the edge").isTrue();
        assertThat(running.dueWithin(Duration.ofHours(6), DUE.minusSeconds(1))).isTrue();
        assertThat(running.dueWithin(Duration.ofHours(6), DUE)).as("ended: missed, not due soon").isFalse();
    }

    @Test
    void aLimitNotRunningOrWithoutAnEndIsNeverDueSoon() {
        Instant now = DUE.minusSeconds(60);
        for (Status status : Status.values()) {
            if (status != Status.RUNNING) {
                assertThat(limit(status, DUE).dueWithin(Duration.ofHours(6), now)).as(status.name()).isFalse();
            }
        }
        assertThat(limit(Status.RUNNING, null).dueWithin(Duration.ofHours(6), now)).isFalse();
    }
}
