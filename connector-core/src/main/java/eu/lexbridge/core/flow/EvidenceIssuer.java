package eu.lexbridge.core.flow;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.evidence.Reason;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.MessageKind;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.EvidenceFactory;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.port.PartnerDirectory;
import eu.lexbridge.core.port.PayloadStore;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Issues evidences about messages: writes the document, records it, and creates the AS4 message that carries it. */
public final class EvidenceIssuer {

    private static final long MAX_EVIDENCE_BYTES = 1024 * 1024;

    private final ConnectorIdentity identity;
    private final EvidenceFactory factory;
    private final PayloadStore payloads;
    private final MessageStore store;
    private final PartnerDirectory partners;
    private final Clock clock;

    public EvidenceIssuer(ConnectorIdentity identity, EvidenceFactory factory, PayloadStore payloads,
                          MessageStore store, PartnerDirectory partners, Clock clock) {
        this.identity = identity;
        this.factory = factory;
        this.payloads = payloads;
        this.store = store;
        this.partners = partners;
        this.clock = clock;
    }

    /** How an issued evidence travels. */
    public enum Route {
        /** Inside the business message itself (SUBMISSION_ACCEPTANCE). */
        WITH_SUBJECT,
        /** As an AS4 message of its own back to the party the subject came from. */
        OWN_MESSAGE,
        /** To our back-end only (e.g. a local timeout or send failure). */
        BACKEND_ONLY
    }

    /**
     * Issues {@code type} about {@code subject} once; a repeated call returns the evidence issued the first time.
     *
     * @param subjectState the state the subject reaches, or {@code null}
     * @param reason why, for negative evidences; {@code null} for positive ones
     */
    public Evidence issue(ConnectorMessage subject, EvidenceType type, Route route, MessageState subjectState,
                          Reason reason) {
        UUID subjectId = subject.connectorMessageId();
        var existing = store.findEvidence(subjectId, type, EvidenceOrigin.ISSUED);
        if (existing.isPresent()) {
            return existing.get();
        }
        var at = clock.instant();
        UUID evidenceId = UUID.randomUUID();
        byte[] document = factory.create(type, evidenceId, subject, at, reason);
        PayloadRef ref = payloads.write(PayloadKind.EVIDENCE, type.payloadDescription(), "text/xml",
                new ByteArrayInputStream(document), MAX_EVIDENCE_BYTES);
        boolean recorded = false;
        boolean mayBeRecorded = false;
        try {
            ConnectorMessage carrier = route == Route.OWN_MESSAGE ? carrierFor(subject, type, ref) : null;
            UUID carrierId = switch (route) {
                case WITH_SUBJECT -> subjectId;
                case OWN_MESSAGE -> carrier.connectorMessageId();
                case BACKEND_ONLY -> null;
            };
            String because = reason == null ? null : reason.text();
            var evidence = new Evidence(evidenceId, subjectId, type, EvidenceOrigin.ISSUED, ref, carrierId, at,
                    because);
            String cause = type + " issued, " + factory.sealDescription() + (because == null ? "" : ": " + because);
            mayBeRecorded = true;
            recorded = store.recordEvidence(evidence, carrier, subjectState, cause);
            mayBeRecorded = false;
            // when not recorded, another delivery of the same step won the race
            return recorded ? evidence : store.findEvidence(subjectId, type, EvidenceOrigin.ISSUED).orElseThrow();
        } finally {
            // When not recorded, no evidence refers to it: a lost race, or a failure every retry would repeat. A
            // recording that failed may have committed all the same (the connection broke before the answer): its
            // document stays, an orphan at worst, never an evidence without its document.
            if (!recorded && !mayBeRecorded) {
                payloads.delete(ref);
            }
        }
    }

    /** Evidence messages go back the way the subject came: addressing reversed, service kept (ecodex-wire.md §3.3). */
    private ConnectorMessage carrierFor(ConnectorMessage subject, EvidenceType type, PayloadRef ref) {
        var partyId = subject.direction() == Direction.INBOUND ? subject.from().partyId() : subject.to().partyId();
        var partner = partners.byPartyId(partyId).orElseThrow(() -> new ConnectorException(
                ErrorCode.AS4_UNKNOWN_PARTNER, "party " + partyId + " is not a configured partner"));
        return ConnectorMessage.builder()
                .kind(MessageKind.EVIDENCE)
                .direction(Direction.OUTBOUND)
                .state(MessageState.ACCEPTED)
                .backendName(subject.backendName())
                .ebmsMessageId(identity.newEbmsMessageId())
                .conversationId(subject.conversationId())
                .refToMessageId(subject.ebmsMessageId())
                .service(subject.service())
                .action(type.as4Action())
                .from(identity.home())
                .to(partner.party())
                .originalSender(subject.finalRecipient())
                .finalRecipient(subject.originalSender())
                .createdAt(clock.instant())
                .payloads(List.of(ref))
                .build();
    }
}
