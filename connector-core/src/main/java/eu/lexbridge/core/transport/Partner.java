package eu.lexbridge.core.transport;

import eu.lexbridge.core.message.Party;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * Another connector we exchange with: its AS4 party, its access point and the certificate it signs and decrypts with.
 *
 * @param name a short name for people and logs, e.g. {@code de-court}
 */
public record Partner(String name, Party party, URI endpoint, X509Certificate certificate) {
    public Partner {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(certificate, "certificate");
    }
}
