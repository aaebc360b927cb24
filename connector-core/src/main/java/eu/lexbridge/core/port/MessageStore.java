package eu.lexbridge.core.port;

import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.MessageQuery;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.message.TimelineEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Messages, their evidences and timelines. Every method is atomic on its own, and writes are idempotent: a redelivered
 * step that repeats a write finds it done and changes nothing.
 */
public interface MessageStore {

    /**
     * Stores a new message with its first timeline entry.
     *
     * @return false if a message with the same ebMS id and direction, or (outbound) the same back-end message id for
     *     the same back-end, exists; nothing is written then
     */
    boolean insert(ConnectorMessage message, String cause);

    Optional<ConnectorMessage> find(UUID connectorMessageId);

    Optional<ConnectorMessage> findByEbmsId(String ebmsMessageId, Direction direction);

    Optional<ConnectorMessage> findByBackendMessageId(String backendName, String backendMessageId);

    /**
     * Moves a message to {@code to} if the state machine allows it from its current state, and records the
     * transition in its timeline.
     *
     * @return true if the state changed
     */
    boolean advance(UUID connectorMessageId, MessageState to, String cause, Instant at);

    /** Adds payloads to a message, after those it has (e.g. the container built for it, or what one held). */
    void addPayloads(UUID connectorMessageId, List<PayloadRef> payloads);

    /** Sets the back-end an inbound message is routed to. */
    void assignBackend(UUID connectorMessageId, String backendName);

    /**
     * Records an evidence about a message in one transaction: the evidence, the message that carries it (when it is
     * a new AS4 message of its own), the subject's new state if the state machine allows it, and the timeline.
     *
     * @param carrier a new evidence message to insert, or {@code null}
     * @param subjectState the state the subject should reach, or {@code null}
     * @return false if this evidence type from this origin is already recorded for the subject; nothing is written then
     */
    boolean recordEvidence(Evidence evidence, ConnectorMessage carrier, MessageState subjectState, String cause);

    /** Adds a line to a message's timeline without changing anything else, e.g. a refused evidence. */
    void note(TimelineEntry entry);

    Optional<Evidence> findEvidence(UUID subjectMessageId, EvidenceType type, EvidenceOrigin origin);

    /** One evidence by its own id ({@link Evidence#evidenceId()}), as a queue that carries evidence ids names it. */
    Optional<Evidence> findEvidence(UUID evidenceId);

    List<Evidence> evidences(UUID subjectMessageId);

    List<TimelineEntry> timeline(UUID connectorMessageId);

    /** Business messages in {@code state} routed to {@code backendName}, oldest first. */
    List<ConnectorMessage> inState(String backendName, Direction direction, MessageState state, int limit);

    /**
     * Records that the message's back-end fetched it at {@code at}; the latest fetch counts. A pull back-end's fetch
     * changes no state and writes no event or timeline line (it may fetch as often as it likes); an unknown message
     * changes nothing.
     */
    void recordFetch(UUID connectorMessageId, Instant at);

    /**
     * As {@link #inState}, without the messages fetched at or after {@code fetchedBefore}: those a back-end fetched
     * lately and may still acknowledge. One never fetched, or fetched before, is among them.
     */
    List<ConnectorMessage> unfetched(String backendName, Direction direction, MessageState state,
                                     Instant fetchedBefore, int limit);

    /**
     * The business messages of a conversation, both directions, oldest first (by creation): which back-end owns a
     * conversation follows from them.
     */
    List<ConnectorMessage> conversation(String conversationId, int limit);

    /**
     * Who owns a conversation with a partner: the back-end of the earliest business message (by creation) of
     * {@code conversationId} that has a back-end and was exchanged with party {@code partyId} (sent to it, or received
     * from it), {@code except} left out; empty when there is none. The answer of {@link #conversation}, filtered,
     * without reading whole messages.
     */
    Optional<String> conversationOwner(String conversationId, String partyId, UUID except);

    /**
     * The conversations with a business message created at or after {@code since} and before {@code until}, the most
     * recently active first: the cases whose time limits may still be running, or those of a year.
     */
    List<String> activeConversations(Instant since, Instant until, int limit);

    /**
     * The messages that hold every criterion of {@code query} ({@link MessageQuery#matches}), the most recently created
     * first (messages of one instant in no given order), at most {@code limit}: an operator looking for a message.
     */
    List<ConnectorMessage> search(MessageQuery query, int limit);

    /** Messages still in {@code state} since before {@code before}: work a crash may have left unqueued. */
    List<ConnectorMessage> stalled(MessageState state, Instant before, int limit);

    /** Outbound business messages in {@code state} that were created before {@code createdBefore}. */
    List<ConnectorMessage> overdue(MessageState state, Instant createdBefore, int limit);
}
