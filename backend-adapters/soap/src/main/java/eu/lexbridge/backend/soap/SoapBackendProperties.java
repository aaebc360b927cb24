package eu.lexbridge.backend.soap;

import eu.lexbridge.backend.soap.auth.AlgorithmSuite;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The official connector's back-end web service, under {@code lexbridge.soap}: served at {@code <cxf.path>/backend}
 * (6.x/7.x namespaces) and {@code <cxf.path>/backend-4} (4.x namespaces), with LexBridge's case-record service at
 * {@code <cxf.path>/case-record} beside them, authenticated alike. A back-end is identified by the certificate
 * that signed its request (WS-Security), the one it has under {@code lexbridge.backend-identity.certificates}; a
 * back-end without WS-Security may be given an HTTP Basic password instead ({@code password-sha256}).
 *
 * @param enabled whether the SOAP API is served at all
 * @param backends per back-end name (the {@code backendName} its messages carry: 1 to 64 letters, digits, '.', '_'
 *     or '-'), each optional: {@code password-sha256}, the opt-in HTTP Basic fallback for a back-end without
 *     WS-Security (the hex SHA-256 of its password, {@code printf %s "$PASSWORD" | sha256sum}); {@code push-address},
 *     where it serves DomibusConnectorBackendDeliveryWebService, to have its messages and evidences pushed there
 *     instead of pulled; {@code generation}, the namespaces that service speaks: 6 (connector.ecodex.eu, the default)
 *     or 4 (connector.domibus.eu)
 * @param attachmentDirectory where MTOM attachments larger than {@code attachment-memory-threshold} are spooled while
 *     a request is read; empty: the Java temporary directory
 * @param attachmentMemoryThreshold the largest attachment held in memory while a request is read; larger ones go to
 *     {@code attachment-directory}, so a payload never lies whole in the heap
 * @param maxAttachmentSize the largest payload a request may carry (an MTOM attachment, or inline base64); a larger one
 *     is refused with {@code LB-1007} while it is read, before anything is stored
 *     ({@code lexbridge.connector.max-payload-size} applies too). With WS-Security the payloads are encrypted into the
 *     Body and read into memory for the signature check: this then bounds their sum, and the heap needs about three
 *     times this per concurrent request; send very large payloads through REST or JMS, which stream
 * @param keyStore the connector's own key for WS-Security (PKCS#12): it decrypts requests and signs answers and
 *     pushes; empty: WS-Security is off and only back-ends with a {@code password-sha256} can call
 * @param keyStorePassword the key store's password
 * @param keyAlias the alias of the key entry in {@code key-store}
 * @param keyPassword the key's password; empty: {@code key-store-password}
 * @param algorithmSuite MODERN (default: RSA-SHA256, AES-256-GCM, RSA-OAEP with SHA-256) or BASIC256 (what the
 *     official connector's policy names: RSA-SHA1, AES-256-CBC, RSA-OAEP-MGF1P), for what the connector sends; what it
 *     receives may use either
 * @param timestampTtl how old a request's WS-Security timestamp may be, and how long the connector's are valid
 * @param pushConnectTimeout how long a push waits to connect to a back-end
 * @param pushTimeout how long a push waits for the back-end's answer
 */
@Validated
@ConfigurationProperties("lexbridge.soap")
public record SoapBackendProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull Map<@Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}",
                message = "must be 1 to 64 letters, digits, '.', '_' or '-'") String, @NotNull @Valid Backend> backends,
        Path attachmentDirectory,
        @NotNull @DefaultValue("64KB") DataSize attachmentMemoryThreshold,
        @NotNull @DefaultValue("200MB") DataSize maxAttachmentSize,
        Path keyStore,
        String keyStorePassword,
        String keyAlias,
        String keyPassword,
        @NotNull @DefaultValue("MODERN") AlgorithmSuite algorithmSuite,
        @NotNull @DefaultValue("5m") Duration timestampTtl,
        @NotNull @DefaultValue("5s") Duration pushConnectTimeout,
        @NotNull @DefaultValue("60s") Duration pushTimeout) {

    public SoapBackendProperties {
        backends = backends == null ? Map.of() : Map.copyOf(backends);
    }

    @AssertTrue(message = "attachment-memory-threshold must be between 1 byte and 16MB")
    public boolean isThresholdSensible() {
        return attachmentMemoryThreshold == null || (attachmentMemoryThreshold.toBytes() > 0
                && attachmentMemoryThreshold.toBytes() <= DataSize.ofMegabytes(16).toBytes());
    }

    @AssertTrue(message = "max-attachment-size must be between 1KB and 1GB")
    public boolean isMaxAttachmentSizeSensible() {
        return maxAttachmentSize == null || (maxAttachmentSize.toBytes() >= 1024
                && maxAttachmentSize.toBytes() <= DataSize.ofGigabytes(1).toBytes());
    }

    @AssertTrue(message = "key-store needs key-store-password and key-alias")
    public boolean isKeyStoreComplete() {
        return keyStore == null || (keyStorePassword != null && keyAlias != null && !keyAlias.isBlank());
    }

    @AssertTrue(message = "timestamp-ttl, push-connect-timeout and push-timeout must be between 1 second and 1 hour")
    public boolean isDurationsSensible() {
        return sensible(timestampTtl) && sensible(pushConnectTimeout) && sensible(pushTimeout);
    }

    private static boolean sensible(Duration d) {
        return d == null || (d.toMillis() >= 1000 && d.compareTo(Duration.ofHours(1)) <= 0);
    }

    /**
     * One back-end's settings on the SOAP API; every one optional.
     *
     * @param passwordSha256 the opt-in HTTP Basic fallback for a back-end without WS-Security: the hex SHA-256 of
     *     its password ({@code printf %s "$PASSWORD" | sha256sum}); empty: the back-end must sign
     * @param pushAddress where the back-end serves {@code DomibusConnectorBackendDeliveryWebService}: messages and
     *     evidences for it are pushed there ({@code deliverMessage}); empty: it pulls them
     * @param generation the namespace generation the back-end's delivery service speaks: 6 (6.x/7.x,
     *     connector.ecodex.eu; the default) or 4 (4.x, connector.domibus.eu)
     */
    public record Backend(
            @Pattern(regexp = "[0-9a-fA-F]{64}",
                    message = "must be the hex SHA-256 of the password (64 hex digits)") String passwordSha256,
            URI pushAddress,
            @DefaultValue("6") int generation) {

        @AssertTrue(message = "generation must be 6 (connector.ecodex.eu) or 4 (connector.domibus.eu)")
        public boolean isGenerationKnown() {
            return generation == 6 || generation == 4;
        }

        @AssertTrue(message = "push-address must be an http or https URL")
        public boolean isPushAddressUsable() {
            return pushAddress == null || ("http".equals(pushAddress.getScheme())
                    || "https".equals(pushAddress.getScheme())) && pushAddress.getHost() != null;
        }
    }
}
