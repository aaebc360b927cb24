package eu.lexbridge.app.trust;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The CAs (or seal certificates) trusted for partners' evidence and container seals, read once from
 * {@code lexbridge.evidence.trust-store}: the evidence verifier, the container reader and, unless it has a trust store
 * of its own, the document validator share them.
 */
public record PartnerTrustAnchors(List<X509Certificate> certificates) {
    public PartnerTrustAnchors {
        certificates = List.copyOf(certificates);
    }
}
