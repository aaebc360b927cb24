package eu.lexbridge.backend.soap;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The official connector's back-end web service, under {@code lexbridge.soap}: served at {@code <cxf.path>/backend}
 * (6.x/7.x namespaces) and {@code <cxf.path>/backend-4} (4.x namespaces). Until WS-Security identifies a back-end by
 * its certificate, a caller is identified by HTTP Basic authentication: its user name is the back-end's name, and only
 * the SHA-256 of its password is configured.
 *
 * @param enabled whether the SOAP API is served at all
 * @param backends the back-ends allowed to call, by name (the {@code backendName} their messages carry: 1 to 64
 *     letters, digits, '.', '_' or '-'), each with {@code password-sha256}: the hex SHA-256 of its HTTP Basic password
 *     ({@code printf %s "$PASSWORD" | sha256sum}); none: every call is refused
 * @param attachmentDirectory where MTOM attachments larger than {@code attachment-memory-threshold} are spooled while
 *     a request is read; empty: the Java temporary directory
 * @param attachmentMemoryThreshold the largest attachment held in memory while a request is read; larger ones go to
 *     {@code attachment-directory}, so a payload never lies whole in the heap
 */
@Validated
@ConfigurationProperties("lexbridge.soap")
public record SoapBackendProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull Map<@Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}",
                message = "must be 1 to 64 letters, digits, '.', '_' or '-'") String, @NotNull @Valid Backend> backends,
        Path attachmentDirectory,
        @NotNull @DefaultValue("64KB") DataSize attachmentMemoryThreshold) {

    public SoapBackendProperties {
        backends = backends == null ? Map.of() : Map.copyOf(backends);
    }

    @AssertTrue(message = "attachment-memory-threshold must be between 1 byte and 16MB")
    public boolean isThresholdSensible() {
        return attachmentMemoryThreshold == null || (attachmentMemoryThreshold.toBytes() > 0
                && attachmentMemoryThreshold.toBytes() <= DataSize.ofMegabytes(16).toBytes());
    }

    /**
     * One back-end's credentials.
     *
     * @param passwordSha256 the hex SHA-256 of the HTTP Basic password the back-end sends
     */
    public record Backend(
            @NotNull @Pattern(regexp = "[0-9a-fA-F]{64}",
                    message = "must be the hex SHA-256 of the password (64 hex digits)") String passwordSha256) {
    }
}
