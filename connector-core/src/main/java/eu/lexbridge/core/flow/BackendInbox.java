package eu.lexbridge.core.flow;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.log.LogSafe;
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
import java.time.Clock;
import java.time.Duration;
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
    private static final Logger AUDIT = LoggerFactory.getLogger("lexbridge.audit");
    /** How long a fetched message is left out of the pending list unless configured otherwise. */
    public static final Duration DEFAULT_FETCH_LEASE = Duration.ofMinutes(5);

    private final MessageStore store;
    private final PayloadStore payloads;
    private final EvidenceIssuer evidences;
    private final MessageBus bus;
    private final Clock clock;
    private final Duration fetchLease;

    /** With the system clock and the {@linkplain #DEFAULT_FETCH_LEASE default fetch lease}. */
    public BackendInbox(MessageStore store, PayloadStore payloads, EvidenceIssuer evidences, MessageBus bus) {
        this(store, payloads, evidences, bus, Clock.systemUTC(), DEFAULT_FETCH_LEASE);
    }

    /**
     * @param fetchLease how long a message the back-end fetched ({@link #fetched}) and did not confirm is left out of
     *     {@link #pending}; after it the message is offered again, as the official connector's "pull with
     *     acknowledgement" offers a PENDING_DOWNLOADED message again
     */
    public BackendInbox(MessageStore store, PayloadStore payloads, EvidenceIssuer evidences, MessageBus bus,
                        Clock clock, Duration fetchLease) {
        if (fetchLease.isNegative() || fetchLease.isZero()) {
            throw new IllegalArgumentException("the fetch lease must be positive");
        }
        this.store = store;
        this.payloads = payloads;
        this.evidences = evidences;
        this.bus = bus;
        this.clock = clock;
        this.fetchLease = fetchLease;
    }

    /**
     * Inbound business messages waiting for {@code backendName}, oldest first: those not fetched within the fetch
     * lease. A message fetched and not confirmed shows again once its lease has passed, so a back-end that crashed
     * between fetching and acknowledging loses nothing.
     */
    public List<ConnectorMessage> pending(String backendName, int limit) {
        return store.unfetched(backendName, Direction.INBOUND, MessageState.AVAILABLE_TO_BACKEND,
                clock.instant().minus(fetchLease), limit);
    }

    /**
     * The back-end fetched one of its messages (SOAP {@code getMessageById}, REST GET message): it is left out of
     * {@link #pending} for the fetch lease, waiting for the back-end's confirmation. Fetching again renews the lease.
     * Only a message still waiting for its back-end is leased; fetching any other of its messages changes nothing.
     *
     * @return the message
     * @throws ConnectorException UNKNOWN_MESSAGE when it is not one of the back-end's messages
     */
    public ConnectorMessage fetched(String backendName, UUID connectorMessageId) {
        ConnectorMessage message = message(backendName, connectorMessageId);
        if (message.direction() == Direction.INBOUND && message.state() == MessageState.AVAILABLE_TO_BACKEND) {
            store.recordFetch(connectorMessageId, clock.instant());
        }
        return message;
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

    /**
     * The bytes of a payload or evidence document of one of {@code backendName}'s messages, as they leave for it: one
     * line of the audit log {@code lexbridge.audit} each (which back-end, which message, which part).
     */
    public InputStream open(String backendName, UUID connectorMessageId, PayloadRef payload) {
        AUDIT.info("back-end {} reads {} ({}, {} bytes) of message {}", LogSafe.of(backendName),
                LogSafe.of(payload.name()), payload.payloadId(), payload.size(), connectorMessageId);
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
