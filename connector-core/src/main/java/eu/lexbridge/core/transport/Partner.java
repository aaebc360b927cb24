package eu.lexbridge.core.transport;

import eu.lexbridge.core.message.Party;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * Another connector we exchange with: its AS4 party, its access point and the certificate it signs and decrypts with.
 *
 * @param name a short name for people and logs, e.g. {@code de-court}
 * @param sealCertificate the certificate its evidences must be sealed with (or a renewal of it), or {@code null}
 *     when any seal by a trusted CA is taken
 * @param containerSealCertificate the certificate its e-CODEX containers and Trust OK tokens must be sealed with (or
 *     a renewal of it), or {@code null} when any seal by a trusted CA is taken
 */
public record Partner(String name, Party party, URI endpoint, X509Certificate certificate,
                      X509Certificate sealCertificate, X509Certificate containerSealCertificate) {
    public Partner {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(certificate, "certificate");
    }

    /** A partner whose seals are not pinned: any seal by a trusted CA is taken. */
    public Partner(String name, Party party, URI endpoint, X509Certificate certificate) {
        this(name, party, endpoint, certificate, null, null);
    }
}
