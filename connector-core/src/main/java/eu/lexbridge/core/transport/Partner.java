package eu.lexbridge.core.transport;

import eu.lexbridge.core.message.Party;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Set;

/**
 * Another connector we exchange with: its AS4 party, its access point and its AS4 certificates.
 *
 * @param certificate the certificate it signs AS4 messages with (in eDelivery AS4 1.x also the one it decrypts with)
 * @param name a short name for people and logs, e.g. {@code de-court}
 * @param sealCertificate the certificate its evidences must be sealed with (or a renewal of it), or {@code null}
 *     when any seal by a trusted CA is taken
 * @param containerSealCertificate the certificate its e-CODEX containers and Trust OK tokens must be sealed with (or
 *     a renewal of it), or {@code null} when any seal by a trusted CA is taken
 * @param services the service/action pairs it takes (its access point's PMode legs); empty: every pair this connector
 *     is configured for
 * @param as4Profile the eDelivery AS4 profile it speaks; {@code null}: {@link As4Profile#EDELIVERY_1}
 * @param encryptionCertificate the certificate messages to it are encrypted for: in 1.x its {@code certificate}
 *     ({@code null} means that one); in 2.0 a certificate of its own (X25519 or P-256), required
 */
public record Partner(String name, Party party, URI endpoint, X509Certificate certificate,
                      X509Certificate sealCertificate, X509Certificate containerSealCertificate,
                      Set<ServiceAction> services, As4Profile as4Profile, X509Certificate encryptionCertificate) {
    public Partner {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(certificate, "certificate");
        services = services == null ? Set.of() : Set.copyOf(services);
        as4Profile = as4Profile == null ? As4Profile.EDELIVERY_1 : as4Profile;
        if (!as4Profile.separateEncryptionKey()) {
            if (encryptionCertificate != null && !encryptionCertificate.equals(certificate)) {
                throw new IllegalArgumentException("partner " + name + ": an eDelivery AS4 1.x partner signs and "
                        + "decrypts with one certificate; give no encryption certificate of its own");
            }
            encryptionCertificate = certificate;
        } else if (encryptionCertificate == null) {
            throw new IllegalArgumentException("partner " + name + ": eDelivery AS4 " + as4Profile.label()
                    + " needs the partner's encryption certificate besides its signing certificate");
        }
    }

    /** An eDelivery AS4 1.x partner, its seals pinned or not ({@code null}), taking the given services. */
    public Partner(String name, Party party, URI endpoint, X509Certificate certificate,
                   X509Certificate sealCertificate, X509Certificate containerSealCertificate,
                   Set<ServiceAction> services) {
        this(name, party, endpoint, certificate, sealCertificate, containerSealCertificate, services,
                As4Profile.EDELIVERY_1, null);
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

    /**
     * The same partner speaking another AS4 profile: for 2.0 with {@code encryptionCertificate} beside its signing
     * {@link #certificate()}; for 1.x with {@code null}.
     */
    public Partner withAs4Profile(As4Profile profile, X509Certificate encryptionCertificate) {
        return new Partner(name, party, endpoint, certificate, sealCertificate, containerSealCertificate, services,
                Objects.requireNonNull(profile, "profile"), encryptionCertificate);
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
