package eu.lexbridge.core.flow;

import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.MessageStore;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches a received evidence message to the message we sent and moves that message's state. An evidence that refers
 * to nothing we sent, or comes from a party we did not send to, changes no state and is a security event.
 */
public final class EvidenceCorrelation {

    private static final Logger SECURITY = LoggerFactory.getLogger("lexbridge.security");

    private final MessageStore store;
    private final Clock clock;

    public EvidenceCorrelation(MessageStore store, Clock clock) {
        this.store = store;
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
        if (store.findEvidence(subjectId, type.get(), EvidenceOrigin.RECEIVED).isEmpty()) {
            store.recordEvidence(new Evidence(UUID.randomUUID(), subjectId, type.get(), EvidenceOrigin.RECEIVED,
                    document.get(), carrierId, clock.instant(), null), null, type.get().outboundState(),
                    type.get() + " received from party " + carrier.from().partyId());
        }
        store.advance(carrierId, MessageState.AVAILABLE_TO_BACKEND,
                "evidence about message " + subjectId + " recorded", clock.instant());
    }

    private void refuse(ConnectorMessage carrier, String why) {
        SECURITY.warn("evidence message {} refused: {}", carrier.ebmsMessageId(), why);
        store.advance(carrier.connectorMessageId(), MessageState.NOT_DELIVERED_TO_BACKEND, "refused: " + why,
                clock.instant());
    }
}
