package eu.lexbridge.core.record;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A time during which one running connector (an instance: a process on a host) found its readiness the same, from the
 * look that found it changed to the last look that still found it so. A gap between two spells of a host is time
 * nobody looked: the process was stopped or gone.
 *
 * @param id given by the store when the spell is kept (0 before)
 * @param instance the running connector that looked, e.g. {@code lexbridge-0/5f2c9a01}
 * @param status what readiness said
 * @param since the look that found it so
 * @param until the last look that still found it so
 * @param failedChecks the readiness checks that were not UP (names only), in the order first seen
 * @param outageNotice the draft notice of an unexpected outage, when one was drafted for this spell
 */
public record ReadinessSpell(long id, String instance, Status status, Instant since, Instant until,
                             List<String> failedChecks, String outageNotice) {

    /** Readiness as the availability counts it: UP takes traffic, DOWN does not. */
    public enum Status { UP, DOWN }

    public ReadinessSpell {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        if (until.isBefore(since)) {
            throw new IllegalArgumentException("a spell ends at or after its start");
        }
        failedChecks = List.copyOf(failedChecks);
    }
}
