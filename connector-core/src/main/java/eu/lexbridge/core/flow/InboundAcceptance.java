package eu.lexbridge.core.flow;

import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceCheck;
import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.flow.EvidenceIssuer.Route;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.message.TimelineEntry;
import eu.lexbridge.core.port.EvidenceVerifier;
import eu.lexbridge.core.port.PartnerDirectory;
import eu.lexbridge.core.port.MessageStore;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a received business message in: keeps the sender's SUBMISSION_ACCEPTANCE and answers RELAY_REMMD_ACCEPTANCE,
 * which travels back as an AS4 message of its own.
 */
public final class InboundAcceptance {

    private static final Logger SECURITY = LoggerFactory.getLogger("lexbridge.security");

    private final MessageStore store;
    private final PartnerDirectory partners;
    private final EvidenceVerifier verifier;
    private final EvidenceIssuer evidences;
    private final Clock clock;

    public InboundAcceptance(MessageStore store, PartnerDirectory partners, EvidenceVerifier verifier,
                             EvidenceIssuer evidences, Clock clock) {
        this.store = store;
        this.partners = partners;
        this.verifier = verifier;
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
            var type = EvidenceType.fromPayloadDescription(payload.name());
            if (payload.kind() == PayloadKind.EVIDENCE && type.isPresent()
                    && store.findEvidence(connectorMessageId, type.get(), EvidenceOrigin.RECEIVED).isEmpty()) {
                keepSendersEvidence(message, type.get(), payload);
            }
        }
        // Relay acceptance says "we have it", before any check of its content, as the official connector does.
        Evidence relay = evidences.issue(message, EvidenceType.RELAY_REMMD_ACCEPTANCE, Route.OWN_MESSAGE, null, null);
        return Optional.of(relay.carrierMessageId());
    }

    /** The sender's own evidence travels with the message; it is kept only if its seal holds. */
    private void keepSendersEvidence(ConnectorMessage message, EvidenceType type, PayloadRef payload) {
        UUID id = message.connectorMessageId();
        var sender = partners.byPartyId(message.from().partyId());
        EvidenceCheck check = sender.isPresent() ? verifier.check(payload, sender.get())
                : EvidenceCheck.unusable("the sending party is not a configured partner");
        if (check.acceptable() && check.type() == type) {
            store.recordEvidence(new Evidence(UUID.randomUUID(), id, type, EvidenceOrigin.RECEIVED, payload, id,
                    clock.instant(), null), null, null, type + " received with the message; " + check.finding());
        } else {
            SECURITY.warn("{} in message {} refused: {}", type, message.ebmsMessageId(), check.finding());
            store.note(TimelineEntry.evidence(id, clock.instant(), type, EvidenceOrigin.RECEIVED,
                    "refused: " + check.finding()));
        }
    }
}
