package eu.lexbridge.trust.container;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.model.DigestDocument;
import eu.lexbridge.trust.signature.RevocationSettings;
import eu.lexbridge.trust.signature.XmlSealer;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
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
        return sealFiles(sealer, List.of(new DigestDocument(DigestAlgorithm.SHA256, sha256, signedObject,
                MimeTypeEnum.JSON)), signedObject);
    }

    /**
     * Seals several files by their SHA-256 at once, one reference each by its name in the container: the
     * {@code META-INF/signatures.xml} of an ASiC-E (ETSI EN 319 162-1 4.4.3).
     */
    public static byte[] sealFiles(XmlSealer sealer, List<DigestDocument> files, String what) {
        return sealer.sealDetached(files, EcodexContainerBuilder::signaturesRoot, what);
    }

    public ContainerVerification verify(byte[] signaturesXml, String signedObject, byte[] sha256) {
        return verifier.verify(signaturesXml, signedObject, Map.of(DigestAlgorithm.SHA256, sha256), null);
    }
}
