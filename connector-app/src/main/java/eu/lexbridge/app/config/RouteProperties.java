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
 * @param firstRetryDelay the broker's first redelivery delay; it doubles each time, up to {@code max-retry-delay}. A
 *     send is redelivered so until its relay timeout ({@code lexbridge.evidence.relay-timeout}) has passed
 * @param maxRetryDelay the longest redelivery delay
 * @param sweepInterval how often stalled work is looked for
 * @param stalledAfter how long a message may rest in one state before it is queued again
 * @param maxPrepareAttempts deliveries of a submitted message to its preparation (document check, container) before
 *     it gets SUBMISSION_REJECTION instead of another retry; 1 to 50, below the broker's max delivery attempts (the
 *     larger of 10 and {@code max-prepare-attempts + 4}), so it never ends in the dead-letter queue
 * @param maxRequeues how often the stalled-work sweep queues one SUBMITTED or ACCEPTED message again (each requeue is
 *     on its timeline) before it ends it with SUBMISSION_REJECTION or RELAY_REMMD_FAILURE; 1 to 100
 * @param evidenceRelayInterval how often the outbox is read for evidences to offer to the back-ends of their messages
 *     (pushed to push back-ends, held for the others' change feed); the longest an evidence waits to be queued
 * @param backendFirstRetryDelay the back-end hops (delivery and evidences to push back-ends): the wait before the
 *     second offer to a back-end that could not be reached; it doubles each time, up to
 *     {@code backend-max-retry-delay}. The broker redelivers these hops at once and the route waits, so that a
 *     conversation's next message never overtakes the one waiting
 * @param backendMaxRetryDelay the longest wait between two offers to a push back-end that is down
 * @param backendMaxAttempts offers of one message or evidence to a push back-end that is down before it goes to the
 *     dead-letter queue ({@code DLQ.lexbridge.backend.*}, for an operator to replay); 1 to 100000. With the defaults
 *     (2s doubling up to 5m, 300 attempts) a back-end may be down for about 24 hours
 * @param fetchLease how long a message a pull back-end fetched and did not acknowledge is left out of its pending
 *     list; after that it is offered again (the official connector's "pull with acknowledgement")
 */
@Validated
@ConfigurationProperties("lexbridge.routes")
public record RouteProperties(
        @Min(1) @Max(64) @DefaultValue("2") int concurrentConsumers,
        @NotNull @DefaultValue("2s") Duration firstRetryDelay,
        @NotNull @DefaultValue("5m") Duration maxRetryDelay,
        @NotNull @DefaultValue("1m") Duration sweepInterval,
        @NotNull @DefaultValue("15m") Duration stalledAfter,
        @Min(1) @Max(50) @DefaultValue("3") int maxPrepareAttempts,
        @Min(1) @Max(100) @DefaultValue("3") int maxRequeues,
        @NotNull @DefaultValue("1s") Duration evidenceRelayInterval,
        @NotNull @DefaultValue("2s") Duration backendFirstRetryDelay,
        @NotNull @DefaultValue("5m") Duration backendMaxRetryDelay,
        @Min(1) @Max(100_000) @DefaultValue("300") int backendMaxAttempts,
        @NotNull @DefaultValue("5m") Duration fetchLease) {

    /**
     * The broker's side of the same policy: redelivery as the routes retry, and four deliveries more than the routes
     * attempt, so that a route always gives up with its negative evidence before the broker dead-letters the message.
     * Sends are kept going for the longest relay timeout a partner may have ({@link QueueSettings#SEND_SPAN}); their
     * route ends each at its own.
     */
    public QueueSettings queueSettings() {
        return new QueueSettings(firstRetryDelay, maxRetryDelay, Math.max(10, maxPrepareAttempts + 4),
                QueueSettings.deliveriesWithin(QueueSettings.SEND_SPAN, firstRetryDelay, maxRetryDelay) + 4,
                backendMaxAttempts);
    }

    @AssertTrue(message = "evidence-relay-interval and fetch-lease must be positive, and backend-max-retry-delay at "
            + "least backend-first-retry-delay, which must not be negative")
    public boolean isBackendTimingSound() {
        return positive(evidenceRelayInterval) && positive(fetchLease) && backendFirstRetryDelay != null && !backendFirstRetryDelay.isNegative()
                && backendMaxRetryDelay != null && backendMaxRetryDelay.compareTo(backendFirstRetryDelay) >= 0;
    }

    private static boolean positive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }

    @AssertTrue(message = "first-retry-delay must be positive, and max-retry-delay at least first-retry-delay and "
            + "at least 1s")
    public boolean isRetryDelaySound() {
        return positive(firstRetryDelay) && maxRetryDelay != null && maxRetryDelay.compareTo(firstRetryDelay) >= 0
                && maxRetryDelay.compareTo(Duration.ofSeconds(1)) >= 0;
    }
}
