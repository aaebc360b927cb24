package eu.lexbridge.app.config;

import eu.lexbridge.messaging.QueueSettings;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the routes consume and retry.
 *
 * @param concurrentConsumers consumers per queue (message groups keep each conversation in order); 1 to 64
 * @param maxSendAttempts AS4 send attempts before RELAY_REMMD_FAILURE; 1 to 50
 * @param firstRetryDelay the broker's first redelivery delay; it doubles each time, up to {@code max-retry-delay}
 * @param maxRetryDelay the longest redelivery delay
 * @param sweepInterval how often stalled work is looked for
 * @param stalledAfter how long a message may rest in one state before it is queued again
 * @param maxPrepareAttempts deliveries of a submitted message to its preparation (document check, container) before
 *     it gets SUBMISSION_REJECTION instead of another retry; 1 to 50 and at most {@code max-send-attempts + 2}, below
 *     the broker's max delivery attempts ({@code max-send-attempts + 4}), so it never ends in the dead-letter queue
 * @param maxRequeues how often the stalled-work sweep queues one SUBMITTED or ACCEPTED message again (each requeue is
 *     on its timeline) before it ends it with SUBMISSION_REJECTION or RELAY_REMMD_FAILURE; 1 to 100
 */
@Validated
@ConfigurationProperties("lexbridge.routes")
public record RouteProperties(
        @Min(1) @Max(64) @DefaultValue("2") int concurrentConsumers,
        @Min(1) @Max(50) @DefaultValue("6") int maxSendAttempts,
        @NotNull @DefaultValue("2s") Duration firstRetryDelay,
        @NotNull @DefaultValue("5m") Duration maxRetryDelay,
        @NotNull @DefaultValue("1m") Duration sweepInterval,
        @NotNull @DefaultValue("15m") Duration stalledAfter,
        @Min(1) @Max(50) @DefaultValue("3") int maxPrepareAttempts,
        @Min(1) @Max(100) @DefaultValue("3") int maxRequeues) {

    /**
     * The broker's side of the same policy: redelivery as the routes retry, and four deliveries more than the routes
     * attempt, so that a route always gives up with its negative evidence before the broker dead-letters the message.
     */
    public QueueSettings queueSettings() {
        return new QueueSettings(firstRetryDelay, maxRetryDelay, maxSendAttempts + 4);
    }

    @AssertTrue(message = "max-prepare-attempts must be at most max-send-attempts + 2 (the broker's max delivery "
            + "attempts are max-send-attempts + 4)")
    public boolean isMaxPrepareAttemptsBelowTheBrokers() {
        return maxPrepareAttempts <= maxSendAttempts + 2;
    }
}
