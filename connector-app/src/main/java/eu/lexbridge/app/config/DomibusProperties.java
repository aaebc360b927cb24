package eu.lexbridge.app.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Domibus as the access point ({@code lexbridge.gateway.kind: domibus}), through its default WS plugin.
 *
 * @param url the WS plugin's endpoint, e.g. {@code https://ap.example/domibus/services/wsplugin}; required
 * @param username the Domibus plugin user the connector submits as (HTTP Basic); leave it out only where Domibus allows
 *     calls without one ({@code domibus.auth.unsecureLoginAllowed}, single-tenant test set-ups)
 * @param password the plugin user's password; required with a username
 * @param trustStore PKCS#12 with the CAs an {@code https} url is trusted by; default: the JVM's trusted CAs
 * @param trustStorePassword its password; required with a trust store
 * @param connectTimeout how long a submission waits for the connection to Domibus
 * @param receiveTimeout how long a submission waits for Domibus's answer: Domibus stores the payloads before it answers
 * @param pushPath where Domibus pushes received messages and send reports ({@code wsplugin.push.rules.*.endpoint}),
 *     relative to the CXF servlet ({@code cxf.path})
 * @param pushUsername the user Domibus pushes with ({@code wsplugin.push.auth.username}); required
 * @param pushPassword its password ({@code wsplugin.push.auth.password}); required
 * @param pullInterval how often the connector also fetches the messages Domibus holds for it: those whose push failed
 *     (Domibus's push retries are over) or was never configured
 * @param pullBatch the most messages fetched in one pull
 */
@Validated
@ConfigurationProperties("lexbridge.gateway.domibus")
public record DomibusProperties(
        @NotNull URI url,
        String username,
        char[] password,
        Path trustStore,
        char[] trustStorePassword,
        @NotNull @DefaultValue("10s") Duration connectTimeout,
        @NotNull @DefaultValue("5m") Duration receiveTimeout,
        @NotBlank @DefaultValue("/domibus-push") String pushPath,
        @NotBlank String pushUsername,
        @NotNull char[] pushPassword,
        @NotNull @DefaultValue("5m") Duration pullInterval,
        @Min(1) @DefaultValue("100") int pullBatch) {

    public DomibusProperties {
        if (url != null) {
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
                throw new IllegalArgumentException("lexbridge.gateway.domibus.url must be an http or https URL, was '"
                        + url + "'");
            }
        }
        if (username != null && password == null) {
            throw new IllegalArgumentException("lexbridge.gateway.domibus.password is required with "
                    + "lexbridge.gateway.domibus.username");
        }
        if (trustStore != null && trustStorePassword == null) {
            throw new IllegalArgumentException("lexbridge.gateway.domibus.trust-store-password is required with "
                    + "lexbridge.gateway.domibus.trust-store");
        }
        if (pullInterval != null && (pullInterval.isNegative() || pullInterval.isZero())) {
            throw new IllegalArgumentException("lexbridge.gateway.domibus.pull-interval must be positive, was "
                    + pullInterval);
        }
        if (pushPath != null && !pushPath.startsWith("/")) {
            throw new IllegalArgumentException("lexbridge.gateway.domibus.push-path must start with '/', was '"
                    + pushPath + "'");
        }
    }

    @Override
    public String toString() {
        return "DomibusProperties[url=" + url + ", username=" + username + ", trustStore=" + trustStore
                + ", pushPath=" + pushPath + ", pushUsername=" + pushUsername + ", pullInterval=" + pullInterval
                + "]"; // never the passwords
    }
}
