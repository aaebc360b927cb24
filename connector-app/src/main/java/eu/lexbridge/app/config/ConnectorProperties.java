package eu.lexbridge.app.config;

import eu.lexbridge.core.flow.PayloadLimits;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Who this connector is and where it keeps its data.
 *
 * @param partyId our AS4 party id; required
 * @param partyIdType its ebCore type
 * @param role the ebMS role we play
 * @param ebmsIdDomain the right-hand side of the ebMS ids we generate ({@code uuid@domain}); required
 * @param dataDirectory the database (H2), the queue journal, payloads and phase4's data live below it
 * @param maxPayloadSize the largest single payload accepted from a back-end or over AS4; must be positive. A larger one
 *     is refused (LB-1007) with the advice to send it by an alternative channel. Payloads stream from file to file:
 *     2 GiB measured back-end to back-end at -Xmx512m on each connector (docs/performance.md). Disk: the sender keeps
 *     the payload and its container, the receiver the container and the payload, and while it receives the request
 *     and the decrypted part too. Raising this also needs {@code spring.servlet.multipart.max-file-size} (2GB) and
 *     {@code max-request-size} (4GB) for REST uploads
 * @param maxMessageSize the most bytes of one message's payloads together: the e-CODEX container carries them in one
 *     AS4 part, which the receiving connector holds to this (plus the container's own bytes); a submission over it is
 *     refused (LB-1007) naming the payload that crosses it. At least {@code max-payload-size}. Default: 2 ×
 *     {@code max-payload-size} (4 GB). Keep it equal on both sides of an exchange
 * @param defaultBackend the back-end that receives an inbound message no routing rule ({@code lexbridge.backend-routing}),
 *     no conversation and no original message claims; required
 * @param payloadDirectory where payload bytes are kept (default {@code payloads} below the data directory); replicas of
 *     one connector share it (a shared volume), as they share the database and the broker
 */
@Validated
@ConfigurationProperties("lexbridge.connector")
public record ConnectorProperties(
        @NotBlank @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE) String partyId,
        @NotBlank @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE)
        @DefaultValue("urn:oasis:names:tc:ebcore:partyid-type:unregistered") String partyIdType,
        @NotBlank @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE) @DefaultValue("GW") String role,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9.-]+", message = "must be a domain name") String ebmsIdDomain,
        @NotNull @DefaultValue("data") Path dataDirectory,
        @NotNull @DefaultValue("2GB") DataSize maxPayloadSize,
        DataSize maxMessageSize,
        @NotBlank @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE) String defaultBackend,
        Path payloadDirectory) {

    /** A message carries several payloads; the default room for them together, in payloads at the limit. */
    private static final int PAYLOADS_PER_MESSAGE = 2;

    /** {@code max-payload-size} and {@code max-message-size} (by default 2 × the first). */
    public PayloadLimits payloadLimits() {
        long payload = maxPayloadSize.toBytes();
        return new PayloadLimits(payload, maxMessageSize != null ? maxMessageSize.toBytes()
                : Math.multiplyExact(payload, PAYLOADS_PER_MESSAGE));
    }

    /** Where payload bytes live: {@code payload-directory}, or {@code payloads} below the data directory. */
    public Path payloads() {
        return payloadDirectory != null ? payloadDirectory : dataDirectory.resolve("payloads");
    }

    /** These values go into ebMS headers, ids and log lines: no control characters (a line break would forge one). */
    static final String PRINTABLE = "[^\\p{Cntrl}\\u2028\\u2029]+";
    static final String PRINTABLE_MESSAGE = "must not contain control characters or line breaks";

    @AssertTrue(message = "max-payload-size must be positive")
    boolean isMaxPayloadSizePositive() {
        return maxPayloadSize == null || maxPayloadSize.toBytes() > 0;
    }

    @AssertTrue(message = "max-message-size must not be smaller than max-payload-size")
    boolean isMaxMessageSizeAtLeastThePayloadSize() {
        return maxMessageSize == null || maxPayloadSize == null || maxMessageSize.toBytes() >= maxPayloadSize.toBytes();
    }
}
