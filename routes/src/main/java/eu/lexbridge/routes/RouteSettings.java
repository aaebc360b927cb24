package eu.lexbridge.routes;

import eu.lexbridge.core.port.Hop;
import java.time.Duration;
import java.util.Objects;

/**
 * How the routes reach their queues and how hard they try.
 *
 * @param jmsComponent the name of the Camel JMS component, set up for local JMS transactions
 * @param concurrentConsumers consumers per queue; message groups keep each conversation in order among them
 * @param sweepInterval how often stalled work is looked for
 * @param maxPrepareAttempts deliveries of a submitted message to its preparation before it is rejected; fewer than the
 *     broker's max delivery attempts, so that the message gets its SUBMISSION_REJECTION rather than the dead-letter
 *     queue
 * @param evidenceRelayInterval how often the outbox is read for evidences to offer to the back-ends; the longest an
 *     evidence waits before it is queued
 * @param backendBackOff how the back-end hops wait before a redelivered message is offered to its back-end again
 *     (the broker redelivers them at once, to keep each conversation in order)
 */
public record RouteSettings(String jmsComponent, int concurrentConsumers, Duration sweepInterval,
                            int maxPrepareAttempts, Duration evidenceRelayInterval, BackOff backendBackOff) {
    public RouteSettings {
        Objects.requireNonNull(jmsComponent, "jmsComponent");
        if (concurrentConsumers < 1) {
            throw new IllegalArgumentException("concurrentConsumers must be at least 1");
        }
        Objects.requireNonNull(sweepInterval, "sweepInterval");
        if (maxPrepareAttempts < 1) {
            throw new IllegalArgumentException("maxPrepareAttempts must be at least 1");
        }
        if (evidenceRelayInterval.isNegative() || evidenceRelayInterval.isZero()) {
            throw new IllegalArgumentException("evidenceRelayInterval must be positive");
        }
        Objects.requireNonNull(backendBackOff, "backendBackOff");
    }

    /** The transacted consumer endpoint of a hop. */
    String from(Hop hop) {
        return jmsComponent + ":queue:" + hop.queue() + "?transacted=true&concurrentConsumers=" + concurrentConsumers;
    }

    /** The producer endpoint of a hop; inside a transacted route it joins the consumer's transaction. */
    String to(Hop hop) {
        return jmsComponent + ":queue:" + hop.queue();
    }
}
