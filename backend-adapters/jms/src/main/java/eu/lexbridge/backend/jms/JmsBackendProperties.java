package eu.lexbridge.backend.jms;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The JMS back-end API, under {@code lexbridge.jms}: four queues per back-end on the embedded broker,
 * {@code lexbridge.backend.<name>.submit|confirm} (back-end to connector) and {@code .deliver|.reply} (connector to
 * back-end), reached by the back-ends over a TLS acceptor with a user per back-end.
 *
 * @param enabled whether the JMS API is on; it turns the embedded broker's security on
 * @param backends the back-ends allowed on the broker, by name (the {@code backendName} their messages carry and its
 *     broker user name: 1 to 64 letters, digits, '_' or '-'), each with {@code password-sha256}: the hex SHA-256 of
 *     its broker password ({@code printf %s "$PASSWORD" | sha256sum}; empty: it logs in with its certificate from
 *     {@code lexbridge.backend-identity.certificates} only), and {@code deliver} (default true): whether its received
 *     messages and evidences are put on its {@code .deliver} queue (false: it fetches them through another API)
 * @param maxMessageSize the largest submission body (the ZIP) accepted; each payload in it is also held to the
 *     connector's {@code max-payload-size}
 * @param spoolDirectory where a submission body is spooled while it is read; empty: the Java temporary directory
 * @param acceptor the TLS network acceptor the back-ends connect to
 */
@Validated
@ConfigurationProperties("lexbridge.jms")
public record JmsBackendProperties(
        @DefaultValue("false") boolean enabled,
        @NotNull Map<@Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}",
                message = "must be 1 to 64 letters, digits, '_' or '-'") String, @NotNull @Valid Backend> backends,
        @NotNull @DefaultValue("200MB") DataSize maxMessageSize,
        Path spoolDirectory,
        @NotNull @Valid @DefaultValue Acceptor acceptor) {

    public JmsBackendProperties {
        backends = backends == null ? Map.of() : Map.copyOf(backends);
    }

    @AssertTrue(message = "max-message-size must be positive")
    public boolean isMaxMessageSizePositive() {
        return maxMessageSize == null || maxMessageSize.toBytes() > 0;
    }

    /**
     * One back-end on the broker.
     *
     * @param passwordSha256 the hex SHA-256 of the password its broker user (named as the back-end) logs in with
     *     ({@code printf %s "$PASSWORD" | sha256sum}); empty: it can log in with its certificate only
     *     ({@code lexbridge.backend-identity.certificates.<name>}, over an acceptor that asks for one)
     * @param deliver whether its received messages and evidences are pushed to its {@code .deliver} queue; false: it
     *     fetches them through another API
     */
    public record Backend(
            @Pattern(regexp = "[0-9a-fA-F]{64}",
                    message = "must be the hex SHA-256 of the password (64 hex digits)") String passwordSha256,
            @DefaultValue("true") boolean deliver) {
    }

    /**
     * The network acceptor (Artemis core protocol over TLS). On loopback by default: open it wider on purpose.
     *
     * @param enabled false: the back-ends cannot reach the broker from outside the process
     * @param host the address it listens on
     * @param port the port it listens on
     * @param keyStore the acceptor's TLS key store (its own key, not the AS4 or evidence keys)
     * @param keyStorePassword its password
     * @param keyStoreType {@code PKCS12} or {@code JKS}
     * @param trustStore the CAs of back-end certificates, to log back-ends in by certificate; empty: by password only
     * @param trustStorePassword its password
     */
    public record Acceptor(
            @DefaultValue("true") boolean enabled,
            @NotBlank @DefaultValue("127.0.0.1") String host,
            @Min(1) @Max(65535) @DefaultValue("61617") int port,
            Path keyStore,
            String keyStorePassword,
            @NotBlank @DefaultValue("PKCS12") String keyStoreType,
            Path trustStore,
            String trustStorePassword) {

        @AssertTrue(message = "acceptor.key-store and acceptor.key-store-password are needed when the acceptor is on")
        public boolean isKeyStoreGiven() {
            return !enabled || keyStore != null && keyStorePassword != null;
        }
    }
}
