package eu.lexbridge.app.config;

import eu.lexbridge.messaging.QueueSettings;
import eu.lexbridge.trust.evidence.ReferenceDigest;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.signature.RevocationChecking;
import eu.lexbridge.trust.signature.RevocationSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When a sent message's evidence is overdue. Each timeout counts from the submission; an empty value switches it off.
 *
 * @param relayTimeout RELAY_REMMD_FAILURE ({@code E301 RELAY_REMMD_TIMEOUT}) when no relay evidence came within it;
 *     until then a send the partner's access point could not take is tried again with the broker's back-off
 *     ({@code lexbridge.routes.first-retry-delay}, {@code max-retry-delay}); at most 7 days; empty: off (a send is
 *     then dead-lettered after 7 days of attempts, for an operator)
 * @param relayTimeouts a relay timeout of their own for some partners, by partner name (e.g. {@code de-court: 48h}),
 *     at most 7 days each
 * @param deliveryTimeout NON_DELIVERY ({@code E300 DELIVERY_EVIDENCE_TIMEOUT}) when no delivery evidence came within
 *     it; empty: off
 * @param retrievalTimeout NON_RETRIEVAL ({@code E302}) when no retrieval evidence came within it; off by default,
 *     because most back-ends never report retrieval
 * @param checkInterval how often overdue evidences are looked for
 * @param seal the key our evidences are sealed with: a key of its own, not the AS4 or TLS key (Annex I 5.3)
 * @param trustStore PKCS#12 with the CAs (or seal certificates) trusted for partners' evidence and container seals;
 *     required
 * @param trustStorePassword its password; required
 * @param revocation whether partners' evidence-seal and container-seal certificates (and the CAs above them) are
 *     checked for revocation: {@code OFF} (nothing fetched, status NOT_CHECKED), {@code CRL} (the CRL distribution
 *     points named in the certificates) or {@code OCSP_AND_CRL}; {@code file:}, {@code http:} and {@code https:}
 *     only, never AIA. A revoked seal refuses the evidence (EVIDENCE_REFUSED) or the container (NON_DELIVERY); an
 *     unreachable CRL makes the status UNKNOWN and the evidence or container is still accepted
 * @param revocationFetchTimeout connect and read timeout of each CRL or OCSP fetch for those seals; must be positive
 */
@Validated
@ConfigurationProperties("lexbridge.evidence")
public record EvidenceProperties(
        @DefaultValue("12h") Duration relayTimeout,
        @DefaultValue Map<String, Duration> relayTimeouts,
        @DefaultValue("24h") Duration deliveryTimeout,
        Duration retrievalTimeout,
        @NotNull @DefaultValue("5m") Duration checkInterval,
        @NotNull @Valid Seal seal,
        @NotNull Path trustStore,
        @NotNull char[] trustStorePassword,
        @NotNull @DefaultValue("CRL") RevocationChecking revocation,
        @NotNull @DefaultValue("5s") Duration revocationFetchTimeout) {

    @AssertTrue(message = "relay-timeout and each of relay-timeouts must be positive and at most 7 days (the longest "
            + "the broker keeps a send going)")
    public boolean isRelayTimeoutWithinTheSendSpan() {
        return Stream.concat(Stream.ofNullable(relayTimeout),
                relayTimeouts.values().stream()).allMatch(t -> t != null && !t.isNegative() && !t.isZero()
                && t.compareTo(QueueSettings.SEND_SPAN) <= 0);
    }

    /** How partners' seal certificates are checked for revocation. */
    public RevocationSettings revocationSettings() {
        return RevocationSettings.of(revocation).withFetchTimeout(revocationFetchTimeout);
    }

    /**
     * A seal key (evidence or container seal): from a PKCS#12 file, or from a PKCS#11 token (an HSM) where the key
     * never leaves the device. Exactly one of {@code key-store} and {@code pkcs11} is set.
     *
     * @param keyStore PKCS#12 with the seal key: a key of its own, not the AS4 or TLS key; set either it or
     *     {@code pkcs11}
     * @param keyStorePassword its password; required with {@code key-store}
     * @param pkcs11 the PKCS#11 token instead of a file
     * @param keyAlias the key's alias in the file, or its label on the token
     * @param keyPassword the key's password in the file; default: the key store password (PKCS#12 only)
     * @param referenceDigest digest of the evidence seal's references: {@code SHA1} is what the official connector
     *     writes and expects, {@code SHA256} or {@code SHA512} when all partners accept it; the signature itself is
     *     RSA-SHA256. The container seal does not use it
     */
    public record Seal(Path keyStore, char[] keyStorePassword, @Valid Pkcs11 pkcs11,
                       @NotBlank @DefaultValue("seal") String keyAlias, char[] keyPassword,
                       @NotNull @DefaultValue("SHA1") ReferenceDigest referenceDigest) {

        @AssertTrue(message = "set either key-store (a PKCS#12 file, with key-store-password) or pkcs11 (library, "
                + "slot, pin), not both")
        public boolean isOneKeySource() {
            return keyStore == null ? pkcs11 != null : pkcs11 == null && keyStorePassword != null;
        }

        /** Opens the key store or the token; a wrong password, PIN or slot stops start-up with the reason. */
        public SealKey open() {
            if (pkcs11 != null) {
                return SealKey.fromKeyStore(KeyStores.loadPkcs11(pkcs11.library(), pkcs11.slot(), pkcs11.pin()),
                        keyAlias, pkcs11.pin());
            }
            return SealKey.fromKeyStore(KeyStores.loadPkcs12(keyStore, keyStorePassword), keyAlias,
                    keyPassword == null ? keyStorePassword : keyPassword);
        }

        @Override
        public String toString() {
            return "Seal[" + (pkcs11 != null ? pkcs11 : "keyStore=" + keyStore) + ", keyAlias=" + keyAlias
                    + ", referenceDigest=" + referenceDigest + "]";
        }
    }

    /**
     * A PKCS#11 token.
     *
     * @param library instead of {@code key-store}: the PKCS#11 module of an HSM or token, e.g.
     *     {@code /usr/lib/softhsm/libsofthsm2.so}
     * @param slot the slot id (e.g. {@code 0}), or {@code index:N} for the N-th slot of the library's list
     * @param pin the user PIN; never logged
     */
    public record Pkcs11(@NotNull Path library, @NotBlank String slot, @NotNull char[] pin) {
        @Override
        public String toString() {
            return "Pkcs11[library=" + library + ", slot=" + slot + "]";
        }
    }

    @Override
    public String toString() {
        return "EvidenceProperties[relayTimeout=" + relayTimeout + ", relayTimeouts=" + relayTimeouts
                + ", deliveryTimeout=" + deliveryTimeout
                + ", retrievalTimeout=" + retrievalTimeout + ", seal=" + seal + ", trustStore=" + trustStore
                + ", revocation=" + revocation + "]";
    }
}
