package eu.lexbridge.core.evidence;

import eu.lexbridge.core.message.PayloadRef;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One evidence about one message, kept as the original XML document.
 *
 * @param evidenceId our id
 * @param subjectMessageId the message the evidence is about
 * @param type the evidence type
 * @param origin issued here or received
 * @param document the evidence XML in the payload store
 * @param carrierMessageId the AS4 message that carries it (the business message itself for SUBMISSION_ACCEPTANCE),
 *     or {@code null} when it travels to the back-end only
 * @param at when it was issued or received
 * @param reason why, for negative evidences; may be {@code null}
 */
public record Evidence(UUID evidenceId, UUID subjectMessageId, EvidenceType type, EvidenceOrigin origin,
                       PayloadRef document, UUID carrierMessageId, Instant at, String reason) {
    public Evidence {
        Objects.requireNonNull(evidenceId, "evidenceId");
        Objects.requireNonNull(subjectMessageId, "subjectMessageId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(at, "at");
    }
}
