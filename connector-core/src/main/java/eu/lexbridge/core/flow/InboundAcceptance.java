package eu.lexbridge.core.flow;

import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.flow.EvidenceIssuer.Route;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.MessageStore;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes a received business message in: keeps the sender's SUBMISSION_ACCEPTANCE and answers RELAY_REMMD_ACCEPTANCE,
 * which travels back as an AS4 message of its own.
 */
public final class InboundAcceptance {

    private final MessageStore store;
    private final EvidenceIssuer evidences;
    private final Clock clock;

    public InboundAcceptance(MessageStore store, EvidenceIssuer evidences, Clock clock) {
        this.store = store;
        this.evidences = evidences;
        this.clock = clock;
    }

    /** @return the evidence message to send back, or empty if the message is unknown */
    public Optional<UUID> accept(UUID connectorMessageId) {
        ConnectorMessage message = store.find(connectorMessageId).orElse(null);
        if (message == null) {
            return Optional.empty();
        }
        for (PayloadRef payload : message.payloads()) {
            if (payload.kind() == PayloadKind.EVIDENCE) {
                EvidenceType.fromPayloadDescription(payload.name())
                        .filter(type -> store.findEvidence(connectorMessageId, type, EvidenceOrigin.RECEIVED).isEmpty())
                        .ifPresent(type -> store.recordEvidence(new Evidence(UUID.randomUUID(), connectorMessageId,
                                type, EvidenceOrigin.RECEIVED, payload, connectorMessageId, clock.instant(), null),
                                null, null, type + " received with the message"));
            }
        }
        Evidence relay = evidences.issue(message, EvidenceType.RELAY_REMMD_ACCEPTANCE, Route.OWN_MESSAGE, null, null);
        return Optional.of(relay.carrierMessageId());
    }
}
