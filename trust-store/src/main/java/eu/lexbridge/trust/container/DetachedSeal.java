package eu.lexbridge.trust.container;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.model.DigestDocument;
import eu.lexbridge.trust.signature.RevocationSettings;
import eu.lexbridge.trust.signature.XmlSealer;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/**
 * The seal of a published file in an ASiC-S container, such as a directory snapshot: {@code META-INF/signatures.xml},
 * a detached XAdES-BASELINE-B signature over the file's SHA-256, made and checked as the e-CODEX container's is.
 * Checking trusts the publishers' certificates (or the CAs that issue them) and nothing else.
 */
public final class DetachedSeal {

    private final ContainerSignatureVerifier verifier;

    /** @param publishers the certificates trusted to seal: the publishers' own or their CAs' */
    public DetachedSeal(Collection<X509Certificate> publishers, Clock clock) {
        if (Objects.requireNonNull(publishers, "publishers").isEmpty()) {
            throw new IllegalArgumentException("at least one publisher certificate is needed to check a seal");
        }
        this.verifier = new ContainerSignatureVerifier(publishers, RevocationSettings.OFF, clock);
    }

    /** Seals {@code signedObject} by its SHA-256: the {@code signatures.xml} to put beside it. */
    public static byte[] seal(XmlSealer sealer, String signedObject, byte[] sha256) {
        DigestDocument document = new DigestDocument(DigestAlgorithm.SHA256, sha256, signedObject,
                MimeTypeEnum.JSON);
        return sealer.sealDetached(document, EcodexContainerBuilder::signaturesRoot, signedObject);
    }

    public ContainerVerification verify(byte[] signaturesXml, String signedObject, byte[] sha256) {
        return verifier.verify(signaturesXml, signedObject, Map.of(DigestAlgorithm.SHA256, sha256), null);
    }
}
