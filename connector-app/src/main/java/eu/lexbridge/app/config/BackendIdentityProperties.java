package eu.lexbridge.app.config;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The back-ends' certificates, one identity on every back-end API: a back-end that proves itself with its certificate
 * (WS-Security on the SOAP API, mutual TLS on the REST API) is known by the same certificate on each.
 *
 * @param certificates each back-end's X.509 certificate (a PEM or DER file), by back-end name (the {@code backendName}
 *     its messages carry: 1 to 64 letters, digits, '.', '_' or '-'), e.g.
 *     {@code lexbridge.backend-identity.certificates.court: config/court.pem}. A certificate is matched exactly; two
 *     back-ends with one certificate stop the start
 */
@Validated
@ConfigurationProperties("lexbridge.backend-identity")
public record BackendIdentityProperties(
        Map<@Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}",
                message = "must be 1 to 64 letters, digits, '.', '_' or '-'") String, @NotNull Path> certificates) {

    public BackendIdentityProperties {
        certificates = certificates == null ? Map.of() : Map.copyOf(certificates);
    }
}
