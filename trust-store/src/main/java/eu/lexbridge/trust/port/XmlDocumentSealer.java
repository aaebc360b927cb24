package eu.lexbridge.trust.port;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.MimeType;
import eu.europa.esig.dss.model.DigestDocument;
import eu.lexbridge.core.port.Sealer;
import eu.lexbridge.trust.container.DetachedSeal;
import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.signature.XmlSealer;
import java.time.Clock;
import java.util.List;

/**
 * Seals the connector's own record documents (a transmission made outside the system) as evidences are sealed:
 * enveloped XAdES-BASELINE-B with the evidence-seal key, but with SHA-256 references throughout, as no official
 * connector layout asks for SHA-1 here; and the export of a case, an ASiC-E, with one detached seal over its files.
 */
public final class XmlDocumentSealer implements Sealer {

    private final XmlSealer sealer;

    public XmlDocumentSealer(SealKey key, Clock clock) {
        this.sealer = new XmlSealer(key, DigestAlgorithm.SHA256, clock);
    }

    @Override
    public byte[] sealXml(byte[] document, String what) {
        return sealer.seal(document, what);
    }

    @Override
    public byte[] sealFiles(List<SealedFile> files, String what) {
        return DetachedSeal.sealFiles(sealer, files.stream().map(file -> new DigestDocument(DigestAlgorithm.SHA256,
                file.sha256(), file.name(), MimeType.fromMimeTypeString(file.mimeType()))).toList(), what);
    }

    @Override
    public String description() {
        return sealer.description();
    }
}
