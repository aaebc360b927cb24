package eu.lexbridge.trust.port;

import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.evidence.Reason;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.port.EvidenceFactory;
import eu.lexbridge.trust.evidence.EvidenceSealer;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes evidence documents and seals them: the {@link EvidenceFactory} to wire where evidences leave this connector,
 * in place of the unsealed {@link eu.lexbridge.trust.evidence.RemEvidenceFactory}.
 */
public final class SealedEvidenceFactory implements EvidenceFactory {

    private static final Logger LOG = LoggerFactory.getLogger(SealedEvidenceFactory.class);

    private final EvidenceFactory documents;
    private final EvidenceSealer sealer;

    /**
     * @param documents writes the unsealed documents, normally a {@link eu.lexbridge.trust.evidence.RemEvidenceFactory}
     * @param sealer seals them with the evidence-seal key
     */
    public SealedEvidenceFactory(EvidenceFactory documents, EvidenceSealer sealer) {
        this.documents = Objects.requireNonNull(documents, "documents");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
    }

    @Override
    public byte[] create(EvidenceType type, UUID evidenceId, ConnectorMessage subject, Instant at, Reason reason) {
        byte[] document = documents.create(type, evidenceId, subject, at, reason);
        long started = System.nanoTime();
        byte[] sealed = sealer.seal(document);
        LOG.debug("Sealed {} evidence {} in {} ms", type, evidenceId, (System.nanoTime() - started) / 1_000_000);
        return sealed;
    }

    @Override
    public String sealDescription() {
        return sealer.description();
    }
}
