package eu.lexbridge.core.port;

import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.evidence.Reason;
import eu.lexbridge.core.message.ConnectorMessage;
import java.time.Instant;
import java.util.UUID;

/** Writes ETSI TS 102 640 v2 evidence documents. */
public interface EvidenceFactory {

    /**
     * @param subject the business message the evidence is about
     * @param reason why, for a negative evidence; {@code null} for a positive one
     * @return the evidence XML document
     */
    byte[] create(EvidenceType type, UUID evidenceId, ConnectorMessage subject, Instant at, Reason reason);

    /** How the documents are sealed, for the message timeline: e.g. the signature form and the sealing party. */
    default String sealDescription() {
        return "not sealed";
    }
}
