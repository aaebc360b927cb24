package eu.lexbridge.app.config;

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
 * @param trustStore PKCS#12 with the CAs (or seal certificates) trusted for partners' evidence and container seals
 * @param revocation whether the revocation of partners' seal certificates is checked: CRL by default (the
 *     distribution points in the certificates); a revoked seal refuses the evidence or container, an unreachable CRL
 *     is noted and does not
 * @param revocationFetchTimeout the connect and read timeout of each CRL or OCSP fetch
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
        @NotNull char[] trustStorePassword,
        @NotNull @DefaultValue("CRL") RevocationChecking revocation,
        @NotNull @DefaultValue("5s") Duration revocationFetchTimeout) {

    /** How partners' seal certificates are checked for revocation. */
    public RevocationSettings revocationSettings() {
        return RevocationSettings.of(revocation).withFetchTimeout(revocationFetchTimeout);
    }

    /**
     * A seal key (evidence or container seal): from a PKCS#12 file, or from a PKCS#11 token (an HSM) where the key
     * never leaves the device. Exactly one of {@code key-store} and {@code pkcs11} is set.
     *
     * @param keyStore the PKCS#12 file
     * @param keyStorePassword its password
     * @param pkcs11 the PKCS#11 token instead of a file
     * @param keyAlias the key's alias in the file or on the token
     * @param keyPassword the key's password in a PKCS#12 file, when it is not the file's
     * @param referenceDigest SHA1 by default, as the official connector hard-codes it for its evidences
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
     * @param library the PKCS#11 module, e.g. {@code /usr/lib/softhsm/libsofthsm2.so}
     * @param slot the slot id, or {@code index:N} for the N-th slot of the library's list
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
        return "EvidenceProperties[relayTimeout=" + relayTimeout + ", deliveryTimeout=" + deliveryTimeout
                + ", retrievalTimeout=" + retrievalTimeout + ", seal=" + seal + ", trustStore=" + trustStore
                + ", revocation=" + revocation + "]";
    }
}
