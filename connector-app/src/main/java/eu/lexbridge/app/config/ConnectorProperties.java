package eu.lexbridge.app.config;

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
 *     is refused (LB-1007) with the advice to send it by an alternative channel. AS4 streams attachments from file to
 *     file (measured: 2 GB between two access points at -Xmx512m, about 31 MB of live heap each); raising this also
 *     needs {@code spring.servlet.multipart.max-file-size} (200MB) and {@code max-request-size} (1GB) for REST uploads
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
        @NotNull @DefaultValue("200MB") DataSize maxPayloadSize,
        @NotBlank @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE) String defaultBackend,
        Path payloadDirectory) {

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
}
