package eu.lexbridge.core.flow;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.evidence.BackendConfirmation;
import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.Reason;
import eu.lexbridge.core.evidence.RejectionReason;
import eu.lexbridge.core.flow.EvidenceIssuer.Route;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.MessageKind;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.message.TimelineEntry;
import eu.lexbridge.core.port.MessageBus;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.port.PayloadStore;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a back-end sees of the connector: the messages waiting for it, their payloads and evidences, and the timeline
 * of every message it sent or received. A back-end sees its own messages only; another's look as if they did not
 * exist.
 */
public final class BackendInbox {

    private static final Logger LOG = LoggerFactory.getLogger(BackendInbox.class);

    private final MessageStore store;
    private final PayloadStore payloads;
    private final EvidenceIssuer evidences;
    private final MessageBus bus;

    public BackendInbox(MessageStore store, PayloadStore payloads, EvidenceIssuer evidences, MessageBus bus) {
        this.store = store;
        this.payloads = payloads;
        this.evidences = evidences;
        this.bus = bus;
    }

    /** Inbound business messages waiting for {@code backendName}, oldest first. */
    public List<ConnectorMessage> pending(String backendName, int limit) {
        return store.inState(backendName, Direction.INBOUND, MessageState.AVAILABLE_TO_BACKEND, limit);
    }

    public ConnectorMessage message(String backendName, UUID connectorMessageId) {
        return store.find(connectorMessageId)
                .filter(m -> m.kind() == MessageKind.BUSINESS && backendName.equals(m.backendName()))
                .orElseThrow(() -> new ConnectorException(ErrorCode.UNKNOWN_MESSAGE, "messageId",
                        "message " + connectorMessageId + " is not known to back-end " + backendName));
    }

    /**
     * The back-end's business message it submitted under its own id {@code backendMessageId}; empty when it has none,
     * whichever back-end may have used that id.
     */
    public Optional<ConnectorMessage> byBackendMessageId(String backendName, String backendMessageId) {
        if (backendName == null || backendMessageId == null) {
            return Optional.empty();
        }
        return store.findByBackendMessageId(backendName, backendMessageId)
                .filter(m -> m.kind() == MessageKind.BUSINESS && backendName.equals(m.backendName()));
    }

    public List<Evidence> evidences(String backendName, UUID connectorMessageId) {
        return store.evidences(message(backendName, connectorMessageId).connectorMessageId());
    }

    public List<TimelineEntry> timeline(String backendName, UUID connectorMessageId) {
        return store.timeline(message(backendName, connectorMessageId).connectorMessageId());
    }

    /** A payload or evidence document of one of the back-end's messages. */
    public PayloadRef payload(String backendName, UUID connectorMessageId, String payloadId) {
        ConnectorMessage message = message(backendName, connectorMessageId);
        return Stream.concat(message.payloads().stream(),
                        store.evidences(connectorMessageId).stream().map(Evidence::document))
                .filter(p -> p.payloadId().equals(payloadId))
                .findFirst()
                .orElseThrow(() -> new ConnectorException(ErrorCode.UNKNOWN_PAYLOAD, "payloadId",
                        "payload " + payloadId + " is not part of message " + connectorMessageId));
    }

    public InputStream open(PayloadRef payload) {
        return payloads.open(payload);
    }

    /**
     * The back-end confirms it has the message: DELIVERY goes back to the sender. Acknowledging twice is harmless.
     */
    public Evidence acknowledge(String backendName, UUID connectorMessageId) {
        return confirm(backendName, connectorMessageId, BackendConfirmation.DELIVERY, null);
    }

    /**
     * The back-end confirms what became of a message it received; the matching evidence goes back to the sender. The
     * same confirmation twice gives the evidence issued the first time; one the message's state does not allow
     * ({@link ErrorCode#NOT_ACKNOWLEDGEABLE}), or that contradicts an earlier one (NON_DELIVERY after DELIVERY,
     * RETRIEVAL after NON_RETRIEVAL: {@link ErrorCode#CONFIRMATION_CONTRADICTED}), is refused and changes nothing.
     *
     * @param reason why, for a negative confirmation, in the back-end's words; {@code null} for the official
     *     connector's E200 text
     */
    public Evidence confirm(String backendName, UUID connectorMessageId, BackendConfirmation confirmation,
                            String reason) {
        ConnectorMessage message = message(backendName, connectorMessageId);
        if (message.direction() == Direction.INBOUND && store.findEvidence(connectorMessageId,
                confirmation.opposite().evidence(), EvidenceOrigin.ISSUED).isPresent()) {
            // its own code: the back-end said the opposite before, which no later state will change
            throw new ConnectorException(ErrorCode.CONFIRMATION_CONTRADICTED, "messageId", "message "
                    + connectorMessageId + " was confirmed " + confirmation.opposite() + " before and cannot be "
                    + (confirmation == BackendConfirmation.DELIVERY ? "acknowledged" : "confirmed " + confirmation)
                    + " now");
        }
        if (message.direction() != Direction.INBOUND || !confirmation.mayFollow(message.state())) {
            throw new ConnectorException(ErrorCode.NOT_ACKNOWLEDGEABLE, "messageId", "message " + connectorMessageId
                    + " is " + message.state() + " and cannot be "
                    + (confirmation == BackendConfirmation.DELIVERY ? "acknowledged" : "confirmed " + confirmation));
        }
        Reason because = confirmation.evidence().isPositive() ? null : RejectionReason.BACKEND_REJECTION.because(
                reason == null || reason.isBlank() ? RejectionReason.BACKEND_REJECTION.text() : reason.strip());
        Evidence evidence = evidences.issue(message, confirmation.evidence(), Route.OWN_MESSAGE, confirmation.reaches(),
                because);
        try {
            bus.publish(Topology.EVIDENCE_ISSUED.next(), evidence.carrierMessageId(), message.conversationId());
        } catch (ConnectorException e) {
            LOG.warn("{} evidence for {} recorded but not queued yet: {}", confirmation.evidence(), connectorMessageId,
                    e.getMessage());
        }
        return evidence;
    }
}
