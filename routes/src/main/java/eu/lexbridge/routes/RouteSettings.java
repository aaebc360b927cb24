package eu.lexbridge.routes;

import eu.lexbridge.core.port.Hop;
import java.time.Duration;
import java.util.Objects;

/**
 * How the routes reach their queues and how hard they try.
 *
 * @param jmsComponent the name of the Camel JMS component, set up for local JMS transactions
 * @param concurrentConsumers consumers per queue; message groups keep each conversation in order among them
 * @param maxSendAttempts AS4 send attempts (broker redeliveries with back-off) before RELAY_REMMD_FAILURE
 * @param sweepInterval how often stalled work is looked for
 * @param maxPrepareAttempts deliveries of a submitted message to its preparation before it is rejected; fewer than the
 *     broker's max delivery attempts, so that the message gets its SUBMISSION_REJECTION rather than the dead-letter
 *     queue
 */
public record RouteSettings(String jmsComponent, int concurrentConsumers, int maxSendAttempts, Duration sweepInterval,
                            int maxPrepareAttempts) {
    public RouteSettings {
        Objects.requireNonNull(jmsComponent, "jmsComponent");
        if (concurrentConsumers < 1) {
            throw new IllegalArgumentException("concurrentConsumers must be at least 1");
        }
        if (maxSendAttempts < 1) {
            throw new IllegalArgumentException("maxSendAttempts must be at least 1");
        }
        Objects.requireNonNull(sweepInterval, "sweepInterval");
        if (maxPrepareAttempts < 1) {
            throw new IllegalArgumentException("maxPrepareAttempts must be at least 1");
        }
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
