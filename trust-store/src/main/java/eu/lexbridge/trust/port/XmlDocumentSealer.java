package eu.lexbridge.trust.port;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.lexbridge.core.port.Sealer;
import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.signature.XmlSealer;
import java.time.Clock;

/**
 * Seals the connector's own record documents (a transmission made outside the system) as evidences are sealed:
 * enveloped XAdES-BASELINE-B with the evidence-seal key, but with SHA-256 references throughout, as no official
 * connector layout asks for SHA-1 here.
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
    public String description() {
        return sealer.description();
    }
}
