package eu.lexbridge.app.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The security log and the audit log, each also a file of its own, so that they can be kept longer than the
 * connector's log and shipped elsewhere (a SIEM, an audit trail) without the rest.
 *
 * @param directory the folder of {@code security.log} and {@code audit.log}; {@code logs} in
 *     {@code lexbridge.connector.data-directory} when empty
 * @param security whether security events (logger {@code lexbridge.security}: refused AS4 messages, evidences,
 *     containers and documents, refused back-end and management calls, unsafe input) are also written to
 *     {@code security.log}
 * @param audit whether audit events (logger {@code lexbridge.audit}: which back-end read which payload, which operator
 *     held, released, resent, replayed or discarded what) are also written to {@code audit.log}
 * @param maxHistory how many days of files are kept: each file rolls over at midnight (UTC) into one compressed file
 *     per day, 1 to 3650
 */
@Validated
@ConfigurationProperties("lexbridge.logs")
public record LogFilesProperties(Path directory, @DefaultValue("true") boolean security,
                                 @DefaultValue("true") boolean audit,
                                 @DefaultValue("400") @Min(1) @Max(3650) int maxHistory) {
}
