package eu.lexbridge.core.flow;

import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceCheck;
import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.message.TimelineEntry;
import eu.lexbridge.core.port.EvidenceVerifier;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.port.PartnerDirectory;
import eu.lexbridge.core.port.SecurityEvents;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Matches a received evidence message to the message we sent, checks its seal, and moves that message's state. An
 * evidence that refers to nothing we sent, comes from a party we did not send to, or whose seal or signer fails,
 * changes no state and is a security event; the subject's timeline says why it was refused.
 */
public final class EvidenceCorrelation {


    private final MessageStore store;
    private final PartnerDirectory partners;
    private final EvidenceVerifier verifier;
    private final SecurityEvents security;
    private final Clock clock;

    public EvidenceCorrelation(MessageStore store, PartnerDirectory partners, EvidenceVerifier verifier,
                               SecurityEvents security, Clock clock) {
        this.security = security;
        this.store = store;
        this.partners = partners;
        this.verifier = verifier;
        this.clock = clock;
    }

    public void correlate(UUID carrierId) {
        ConnectorMessage carrier = store.find(carrierId).orElse(null);
        if (carrier == null || carrier.state() != MessageState.RECEIVED) {
            return;
        }
        Optional<PayloadRef> document = carrier.payload(PayloadKind.EVIDENCE);
        Optional<EvidenceType> type = document.flatMap(d -> EvidenceType.fromPayloadDescription(d.name()));
        if (type.isEmpty()) {
            refuse(carrier, "it carries no evidence document");
            return;
        }
        Optional<ConnectorMessage> subject = store.findByEbmsId(carrier.refToMessageId(), Direction.OUTBOUND);
        if (subject.isEmpty()) {
            refuse(carrier, "it refers to " + carrier.refToMessageId() + ", which we did not send");
            return;
        }
        if (!subject.get().to().partyId().equals(carrier.from().partyId())) {
            refuse(carrier, "it comes from party " + carrier.from().partyId() + ", not from the recipient "
                    + subject.get().to().partyId());
            return;
        }
        UUID subjectId = subject.get().connectorMessageId();
        var sender = partners.byPartyId(carrier.from().partyId());
        EvidenceCheck check = sender.isPresent() ? verifier.check(document.get(), sender.get())
                : EvidenceCheck.unusable("the sending party is not a configured partner");
        String problem = !check.acceptable() ? check.finding()
                : check.type() != type.get() ? "the document is " + check.type() + " but travels as " + type.get()
                : check.aboutEbmsMessageId() != null && !check.aboutEbmsMessageId().equals(carrier.refToMessageId())
                ? "the document is about " + check.aboutEbmsMessageId() + ", the AS4 message about "
                + carrier.refToMessageId()
                : null;
        if (problem != null) {
            store.note(TimelineEntry.evidence(subjectId, clock.instant(), type.get(), EvidenceOrigin.RECEIVED,
                    "refused, state unchanged: " + problem));
            refuse(carrier, type.get() + " about message " + subjectId + ": " + problem);
            return;
        }
        if (store.findEvidence(subjectId, type.get(), EvidenceOrigin.RECEIVED).isEmpty()) {
            store.recordEvidence(new Evidence(UUID.randomUUID(), subjectId, type.get(), EvidenceOrigin.RECEIVED,
                    document.get(), carrierId, clock.instant(), null), null, type.get().outboundState(),
                    type.get() + " received from party " + carrier.from().partyId() + "; " + check.finding());
        }
        store.advance(carrierId, MessageState.AVAILABLE_TO_BACKEND,
                "evidence about message " + subjectId + " recorded", clock.instant());
    }

    private void refuse(ConnectorMessage carrier, String why) {
        security.record(SecurityEvents.Kind.EVIDENCE_REFUSED, "evidence message " + carrier.ebmsMessageId()
                + " from party " + carrier.from().partyId() + " refused: " + why);
        store.advance(carrier.connectorMessageId(), MessageState.NOT_DELIVERED_TO_BACKEND, "refused: " + why,
                clock.instant());
    }
}
