package eu.lexbridge.core.flow;

import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceCheck;
import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.message.TimelineEntry;
import eu.lexbridge.core.port.EvidenceVerifier;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.port.PartnerDirectory;
import eu.lexbridge.core.port.SecurityEvents;
import java.time.Clock;
import java.util.UUID;

/**
 * Takes in evidences the other side sealed: checks one for the partner that sent it and records it. The one place that
 * decides whether a received evidence is kept, for an evidence message ({@link EvidenceCorrelation}) and for the
 * sender's own evidence that travels inside a business message ({@link #keepSendersEvidences}, for
 * {@link InboundAcceptance}).
 */
final class EvidenceIntake {

    private final MessageStore store;
    private final PartnerDirectory partners;
    private final EvidenceVerifier verifier;
    private final SecurityEvents security;
    private final Clock clock;

    EvidenceIntake(MessageStore store, PartnerDirectory partners, EvidenceVerifier verifier, SecurityEvents security,
                   Clock clock) {
        this.store = store;
        this.partners = partners;
        this.verifier = verifier;
        this.security = security;
        this.clock = clock;
    }

    /**
     * What a received evidence document turned out to be.
     *
     * @param check what the verifier found (for an unknown sender: unusable, and the verifier was not asked)
     * @param problem why the evidence is refused, or {@code null} when it is kept
     */
    record Verdict(EvidenceCheck check, String problem) {
        boolean acceptable() {
            return problem == null;
        }
    }

    /**
     * Checks a document: sealed intact by a signer trusted for the sending partner, of the type it travels as and,
     * when {@code aboutEbmsMessageId} is given, about that message.
     *
     * @param aboutEbmsMessageId the ebMS id the evidence must be about, or {@code null} when not checked
     */
    Verdict verify(PayloadRef document, EvidenceType travelsAs, String senderPartyId, String aboutEbmsMessageId) {
        var sender = partners.byPartyId(senderPartyId);
        EvidenceCheck check = sender.isPresent() ? verifier.check(document, sender.get())
                : EvidenceCheck.unusable("the sending party is not a configured partner");
        String problem = !check.acceptable() ? check.finding()
                : check.type() != travelsAs ? "the document is " + check.type() + " but travels as " + travelsAs
                : aboutEbmsMessageId != null && check.aboutEbmsMessageId() != null
                        && !check.aboutEbmsMessageId().equals(aboutEbmsMessageId)
                ? "the document is about " + check.aboutEbmsMessageId() + ", the AS4 message about " + aboutEbmsMessageId
                : null;
        return new Verdict(check, problem);
    }

    /**
     * Records a kept evidence about {@code subjectId}, once: a repeat (this type from the other side is recorded
     * already) writes nothing.
     *
     * @param carrierId the received AS4 message that carried it
     * @param subjectState the state the subject reaches, or {@code null}
     */
    void record(UUID subjectId, EvidenceType type, PayloadRef document, UUID carrierId, MessageState subjectState,
                String cause) {
        if (store.findEvidence(subjectId, type, EvidenceOrigin.RECEIVED).isEmpty()) {
            store.recordEvidence(new Evidence(UUID.randomUUID(), subjectId, type, EvidenceOrigin.RECEIVED, document,
                    carrierId, clock.instant(), null), null, subjectState, cause);
        }
    }

    /**
     * The sender's own evidences in a received business message (its SUBMISSION_ACCEPTANCE): each kept if its seal
     * holds, else refused, which is a security event and a line on the message's timeline. Its state does not move
     * either way: the message is taken in whatever its sender's evidence is worth.
     */
    void keepSendersEvidences(ConnectorMessage message) {
        UUID id = message.connectorMessageId();
        for (PayloadRef payload : message.payloads()) {
            var type = EvidenceType.fromPayloadDescription(payload.name());
            if (payload.kind() != PayloadKind.EVIDENCE || type.isEmpty()
                    || store.findEvidence(id, type.get(), EvidenceOrigin.RECEIVED).isPresent()) {
                continue;
            }
            Verdict verdict = verify(payload, type.get(), message.from().partyId(), null);
            if (verdict.acceptable()) {
                record(id, type.get(), payload, id, null, type.get() + " received with the message; "
                        + verdict.check().finding());
            } else {
                security.record(SecurityEvents.Kind.EVIDENCE_REFUSED, type.get() + " in message "
                        + message.ebmsMessageId() + " refused: " + verdict.problem());
                store.note(TimelineEntry.evidence(id, clock.instant(), type.get(), EvidenceOrigin.RECEIVED,
                        "refused: " + verdict.problem()));
            }
        }
    }
}
