package eu.lexbridge.core.transport;

import eu.lexbridge.core.message.Party;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Set;

/**
 * Another connector we exchange with: its AS4 party, its access point and the certificate it signs and decrypts with.
 *
 * @param name a short name for people and logs, e.g. {@code de-court}
 * @param sealCertificate the certificate its evidences must be sealed with (or a renewal of it), or {@code null}
 *     when any seal by a trusted CA is taken
 * @param containerSealCertificate the certificate its e-CODEX containers and Trust OK tokens must be sealed with (or
 *     a renewal of it), or {@code null} when any seal by a trusted CA is taken
 * @param services the service/action pairs it takes (its access point's PMode legs); empty: every pair this connector
 *     is configured for
 */
public record Partner(String name, Party party, URI endpoint, X509Certificate certificate,
                      X509Certificate sealCertificate, X509Certificate containerSealCertificate,
                      Set<ServiceAction> services) {
    public Partner {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(certificate, "certificate");
        services = services == null ? Set.of() : Set.copyOf(services);
    }

    /** A partner that takes every service, its seals pinned or not ({@code null}). */
    public Partner(String name, Party party, URI endpoint, X509Certificate certificate,
                   X509Certificate sealCertificate, X509Certificate containerSealCertificate) {
        this(name, party, endpoint, certificate, sealCertificate, containerSealCertificate, Set.of());
    }

    /** A partner whose seals are not pinned (any seal by a trusted CA is taken), that takes every service. */
    public Partner(String name, Party party, URI endpoint, X509Certificate certificate) {
        this(name, party, endpoint, certificate, null, null, Set.of());
    }

    /** Whether a message of this service (its value) and action may go to it. */
    public boolean takes(String service, String action) {
        return services.isEmpty() || services.contains(new ServiceAction(service, action));
    }

    /** A service (its value, as the message carries it) and an action. */
    public record ServiceAction(String service, String action) {
        public ServiceAction {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(action, "action");
        }
    }
}
