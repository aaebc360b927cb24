package eu.lexbridge.app.config;

import eu.lexbridge.trust.evidence.ReferenceDigest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
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
 * @param seal the key our evidences are sealed with: a key of its own, not the AS4 or TLS key (Annex I 5.3)
 * @param trustStore PKCS#12 with the CAs (or seal certificates) trusted for partners' evidence seals
 */
@Validated
@ConfigurationProperties("lexbridge.evidence")
public record EvidenceProperties(
        @DefaultValue("12h") Duration relayTimeout,
        @DefaultValue("24h") Duration deliveryTimeout,
        Duration retrievalTimeout,
        @NotNull @DefaultValue("5m") Duration checkInterval,
        @NotNull @Valid Seal seal,
        @NotNull Path trustStore,
        @NotNull char[] trustStorePassword) {

    /**
     * The evidence seal key.
     *
     * @param referenceDigest SHA1 by default, as the official connector hard-codes it for its evidences
     */
    public record Seal(@NotNull Path keyStore, @NotNull char[] keyStorePassword,
                       @NotBlank @DefaultValue("seal") String keyAlias, char[] keyPassword,
                       @NotNull @DefaultValue("SHA1") ReferenceDigest referenceDigest) {

        public char[] effectiveKeyPassword() {
            return keyPassword == null ? keyStorePassword : keyPassword;
        }

        @Override
        public String toString() {
            return "Seal[keyStore=" + keyStore + ", keyAlias=" + keyAlias + ", referenceDigest=" + referenceDigest
                    + "]";
        }
    }

    @Override
    public String toString() {
        return "EvidenceProperties[relayTimeout=" + relayTimeout + ", deliveryTimeout=" + deliveryTimeout
                + ", retrievalTimeout=" + retrievalTimeout + ", seal=" + seal + ", trustStore=" + trustStore + "]";
    }
}
