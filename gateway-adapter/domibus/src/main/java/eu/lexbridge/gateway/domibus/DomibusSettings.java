package eu.lexbridge.gateway.domibus;

import java.net.URI;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How the connector reaches the Domibus WS plugin.
 *
 * @param pluginAddress the plugin's endpoint, e.g. {@code https://ap.example/domibus/services/wsplugin}
 * @param username the Domibus plugin user (HTTP Basic); {@code null} when Domibus allows calls without one
 *     ({@code domibus.auth.unsecureLoginAllowed}, single-tenant test set-ups only)
 * @param password the plugin user's password; required with a username
 * @param tlsTrust the certificates an {@code https} plugin address is trusted by; {@code null}: the JVM's default
 * @param connectTimeout how long to wait for the TCP (and TLS) connection
 * @param receiveTimeout how long to wait for Domibus's answer once the request is sent: a large payload is stored by
 *     Domibus before it answers
 */
public record DomibusSettings(URI pluginAddress, String username, String password, KeyStore tlsTrust,
                              Duration connectTimeout, Duration receiveTimeout) {

    public DomibusSettings {
        Objects.requireNonNull(pluginAddress, "pluginAddress");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(receiveTimeout, "receiveTimeout");
        String scheme = pluginAddress.getScheme() == null ? "" : pluginAddress.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || pluginAddress.getHost() == null) {
            throw new IllegalArgumentException("the Domibus plugin address must be an http or https URL, not '"
                    + pluginAddress + "'");
        }
        if (username != null && (username.isBlank() || password == null)) {
            throw new IllegalArgumentException("a Domibus plugin user needs a non-blank name and a password");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || receiveTimeout.isNegative()
                || receiveTimeout.isZero()) {
            throw new IllegalArgumentException("the Domibus timeouts must be positive");
        }
    }

    /** The password never goes into a log line or an exception message. */
    @Override
    public String toString() {
        return "DomibusSettings[pluginAddress=" + pluginAddress + ", username=" + username + ", password="
                + (password == null ? "none" : "****") + ", tlsTrust=" + (tlsTrust == null ? "JVM default" : "set")
                + ", connectTimeout=" + connectTimeout + ", receiveTimeout=" + receiveTimeout + "]";
    }
}
