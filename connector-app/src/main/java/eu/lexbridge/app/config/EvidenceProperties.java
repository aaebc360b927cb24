package eu.lexbridge.app.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When a sent message's evidence is overdue. Each timeout counts from the submission; an empty value switches it off.
 *
 * @param relayTimeout RELAY_REMMD_FAILURE when no relay evidence came within it
 * @param deliveryTimeout NON_DELIVERY when no delivery evidence came within it
 * @param retrievalTimeout NON_RETRIEVAL when no retrieval evidence came within it; off by default, because most
 *     back-ends never report retrieval
 * @param checkInterval how often overdue evidences are looked for
 */
@Validated
@ConfigurationProperties("lexbridge.evidence")
public record EvidenceProperties(
        @DefaultValue("12h") Duration relayTimeout,
        @DefaultValue("24h") Duration deliveryTimeout,
        Duration retrievalTimeout,
        @NotNull @DefaultValue("5m") Duration checkInterval) {
}
