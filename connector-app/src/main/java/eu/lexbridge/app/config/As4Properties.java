package eu.lexbridge.app.config;

import eu.lexbridge.core.flow.PayloadLimits;
import eu.lexbridge.gateway.as4.InboundLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The embedded AS4 access point. The AS4 key is not the TLS key: each purpose has its own (Annex I 5.3).
 *
 * @param keyStore PKCS#12 with our AS4 signing and decryption key; required
 * @param keyStorePassword its password; required
 * @param keyAlias the key's alias in the key store
 * @param keyPassword the key's password; default: the key store password
 * @param trustStore PKCS#12 with the CAs trusted for partners' AS4 signatures; required
 * @param trustStorePassword its password; required
 * @param tlsTrustStore PKCS#12 with the CAs trusted for partners' HTTPS endpoints; required
 * @param tlsTrustStorePassword its password; required
 * @param connectTimeout how long a send waits for a partner's endpoint to accept the connection
 * @param responseTimeout how long to wait for a partner's receipt
 * @param maxConnectionsPerRoute kept-alive HTTPS connections per partner
 * @param path where the receiving servlet listens
 * @param maxRequestSize the largest AS4 request body (SOAP envelope and all attachments, as sent: encrypted, possibly
 *     compressed); a larger one is refused with 413 while it is read, or at once when its Content-Length says so.
 *     Default: the largest container of {@code lexbridge.connector.max-message-size} (4 GB, plus deflate's worst
 *     case of 0.03 % and 1 MB for the container's frame) plus 16 MB for the envelope, the business content's and
 *     token's parts and MIME headers: about 4.02 GB. The request is spooled to {@code <data-directory>/as4} as it is
 *     read, before its signature is checked: lower this where partners send less
 * @param maxEnvelopeSize the largest SOAP envelope (the first MIME part, or a plain SOAP body); phase4 holds it in the
 *     heap as a DOM (about 20 × its size), so keep it small: real eDelivery envelopes are 10–50 KB; 413 above it. Must
 *     not exceed {@code max-request-size}
 * @param maxConcurrentMessages how many received requests phase4 processes at once; the others, already on disk, wait
 *     their turn. Bounds the heap the envelopes' DOMs take
 * @param waitForTurn how long a received request waits for its turn; then 503 with {@code Retry-After: 60} (the
 *     sender's access point sends again)
 * @param edelivery2 our eDelivery AS4 2.0 keys, for partners whose {@code as4-profile} is {@code 2.0} or
 *     {@code 2.0-ecdsa}; without it the connector speaks 1.x only, and such a partner stops the start
 */
@Validated
@ConfigurationProperties("lexbridge.as4")
public record As4Properties(
        @NotNull Path keyStore,
        @NotNull char[] keyStorePassword,
        @NotBlank @DefaultValue("as4") String keyAlias,
        char[] keyPassword,
        @NotNull Path trustStore,
        @NotNull char[] trustStorePassword,
        @NotNull Path tlsTrustStore,
        @NotNull char[] tlsTrustStorePassword,
        @NotNull @DefaultValue("10s") Duration connectTimeout,
        @NotNull @DefaultValue("5m") Duration responseTimeout,
        @Min(1) @DefaultValue("20") int maxConnectionsPerRoute,
        @NotBlank @DefaultValue("/as4") String path,
        DataSize maxRequestSize,
        @NotNull @DefaultValue("512KB") DataSize maxEnvelopeSize,
        @Min(1) @DefaultValue("8") int maxConcurrentMessages,
        @NotNull @DefaultValue("60s") Duration waitForTurn,
        @Valid Edelivery2 edelivery2) {

    /** Beside the container: the SOAP envelope, the token XML, MIME headers, encryption's few bytes per part. */
    private static final long BESIDE_THE_CONTAINER = 16L << 20;

    public As4Properties {
        if (maxRequestSize != null && maxRequestSize.toBytes() < 1) {
            throw new IllegalArgumentException("lexbridge.as4.max-request-size must be positive, was " + maxRequestSize);
        }
        if (maxEnvelopeSize != null && maxEnvelopeSize.toBytes() < 1) {
            throw new IllegalArgumentException("lexbridge.as4.max-envelope-size must be positive, was "
                    + maxEnvelopeSize);
        }
    }

    /** The AS4 endpoint's limits; the request limit defaults from the largest message. */
    public InboundLimits inboundLimits(PayloadLimits payloads) {
        long request = maxRequestSize != null ? maxRequestSize.toBytes()
                : Math.addExact(payloads.maxContainerBytes(), BESIDE_THE_CONTAINER);
        if (maxEnvelopeSize.toBytes() > request) {
            throw new IllegalArgumentException("lexbridge.as4.max-envelope-size (" + maxEnvelopeSize
                    + ") must not be larger than lexbridge.as4.max-request-size (" + request + " bytes)");
        }
        return new InboundLimits(request, maxEnvelopeSize.toBytes(), maxConcurrentMessages, waitForTurn);
    }

    /**
     * Our eDelivery AS4 2.0 keys, in one PKCS#12 file: a 2.0 party signs with one key and decrypts with another (a
     * key-agreement key cannot sign), as Domibus 5.1's ECC security profile has a sign and a decrypt alias.
     *
     * @param keyStore PKCS#12 with the 2.0 keys, each with its certificate; required
     * @param keyStorePassword its password; required
     * @param keyPassword the keys' password; default: the key store password
     * @param signingAlias the Ed25519 signing key (Common Usage Profile, {@code as4-profile: 2.0})
     * @param decryptionAlias the X25519 decryption (key agreement) key of that profile
     * @param ecSigningAlias optional: the ECDSA P-256 signing key, for partners on the EC option
     *     ({@code as4-profile: 2.0-ecdsa}); with {@code ec-decryption-alias}
     * @param ecDecryptionAlias optional: the ECDH P-256 decryption key of the EC option; with {@code ec-signing-alias}
     */
    public record Edelivery2(@NotNull Path keyStore, @NotNull char[] keyStorePassword, char[] keyPassword,
                             @NotBlank @DefaultValue("as4-sign") String signingAlias,
                             @NotBlank @DefaultValue("as4-decrypt") String decryptionAlias,
                             String ecSigningAlias, String ecDecryptionAlias) {

        public Edelivery2 {
            if ((ecSigningAlias == null || ecSigningAlias.isBlank())
                    != (ecDecryptionAlias == null || ecDecryptionAlias.isBlank())) {
                throw new IllegalArgumentException("lexbridge.as4.edelivery2.ec-signing-alias and"
                        + " lexbridge.as4.edelivery2.ec-decryption-alias go together: set both for the EC option"
                        + " (2.0-ecdsa), or neither");
            }
        }

        /** The key password defaults to the key store password. */
        public char[] effectiveKeyPassword() {
            return keyPassword == null ? keyStorePassword : keyPassword;
        }

        /** Whether the EC option's keys are set. */
        public boolean ecOption() {
            return ecSigningAlias != null && !ecSigningAlias.isBlank();
        }

        @Override
        public String toString() {
            return "Edelivery2[keyStore=" + keyStore + ", signingAlias=" + signingAlias + ", decryptionAlias="
                    + decryptionAlias + ", ecSigningAlias=" + ecSigningAlias + ", ecDecryptionAlias="
                    + ecDecryptionAlias + "]"; // never the passwords
        }
    }

    /** The key password defaults to the key store password, as PKCS#12 files usually have one for both. */
    public char[] effectiveKeyPassword() {
        return keyPassword == null ? keyStorePassword : keyPassword;
    }

    @Override
    public String toString() {
        return "As4Properties[keyStore=" + keyStore + ", trustStore=" + trustStore + ", tlsTrustStore="
                + tlsTrustStore + ", path=" + path + ", maxRequestSize=" + maxRequestSize + ", maxEnvelopeSize="
                + maxEnvelopeSize + ", maxConcurrentMessages=" + maxConcurrentMessages + ", waitForTurn=" + waitForTurn
                + ", edelivery2=" + edelivery2 + "]"; // never the passwords
    }
}
