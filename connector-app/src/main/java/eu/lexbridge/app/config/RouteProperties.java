package eu.lexbridge.app.config;

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
 * @param concurrentConsumers consumers per queue
 * @param maxSendAttempts AS4 send attempts before RELAY_REMMD_FAILURE; below the broker's max delivery attempts
 * @param firstRetryDelay the broker's first redelivery delay; it doubles up to {@code maxRetryDelay}
 * @param maxRetryDelay the longest redelivery delay
 * @param sweepInterval how often stalled work is looked for
 * @param stalledAfter how long a message may rest in one state before it is queued again
 */
@Validated
@ConfigurationProperties("lexbridge.routes")
public record RouteProperties(
        @Min(1) @Max(64) @DefaultValue("2") int concurrentConsumers,
        @Min(1) @Max(50) @DefaultValue("6") int maxSendAttempts,
        @NotNull @DefaultValue("2s") Duration firstRetryDelay,
        @NotNull @DefaultValue("5m") Duration maxRetryDelay,
        @NotNull @DefaultValue("1m") Duration sweepInterval,
        @NotNull @DefaultValue("15m") Duration stalledAfter) {
}
