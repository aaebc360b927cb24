package eu.lexbridge.core.port;

import eu.lexbridge.core.evidence.EvidenceCheck;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.transport.Partner;

/** Checks a received evidence: its seal, whether its signer is trusted for the partner that sent it, and its content. */
public interface EvidenceVerifier {

    /** Never throws for a bad evidence: the check says what is wrong. */
    EvidenceCheck check(PayloadRef document, Partner sender);
}
