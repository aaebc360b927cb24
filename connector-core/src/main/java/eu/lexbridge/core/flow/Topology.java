package eu.lexbridge.core.flow;

import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.MessageKind;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.port.Hop;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The connector's way through its queues, stated once: after each step outcome, the hop a message goes on to, and the
 * messages that outcome leaves behind (direction, kind, state). The routes forward by this table, the flows that start
 * work outside a route (a submission, a reception, a back-end's confirmation) publish by it, and the stalled-work sweep
 * puts a message that rests in a state back on the hop of the row that {@linkplain #resumes() resumes} it.
 *
 * <p>A state alone does not name the hop: a received business message is RECEIVED before it is sorted, after it is
 * sorted and after it is taken in. Every step is idempotent, so a resting message goes back to the first of them.
 */
public enum Topology {

    /** A back-end's submission is stored ({@link Submission}): it is to be prepared. */
    SUBMITTED(Hop.OUTBOUND_SUBMITTED, Direction.OUTBOUND, MessageKind.BUSINESS, MessageState.SUBMITTED, true),
    /** A submission is prepared, SUBMISSION_ACCEPTANCE inside ({@link OutboundPreparation}): it is to be sent. */
    PREPARED(Hop.OUTBOUND_DISPATCH, Direction.OUTBOUND, MessageKind.BUSINESS, MessageState.ACCEPTED, true),
    /**
     * An evidence message is issued to go back to the other side (relay acceptance and a refused container's
     * NON_DELIVERY from {@link InboundAcceptance}, a back-end's refusal from {@link BackendDelivery}, a back-end's
     * confirmation from {@link BackendInbox}): it is to be sent.
     */
    EVIDENCE_ISSUED(Hop.EVIDENCE_OUTBOUND, Direction.OUTBOUND, MessageKind.EVIDENCE, MessageState.ACCEPTED, true),
    /** The access point received an AS4 message and it is stored ({@link InboundReception}): it is to be sorted. */
    RECEIVED(Hop.INBOUND_RECEIVED, Direction.INBOUND, null, MessageState.RECEIVED, true),
    /** A received message is sorted as a business message: it is to be taken in. */
    BUSINESS_RECEIVED(Hop.INBOUND_BUSINESS, Direction.INBOUND, MessageKind.BUSINESS, MessageState.RECEIVED, false),
    /** A received message is sorted as an evidence message: it is to be correlated with the message it is about. */
    EVIDENCE_RECEIVED(Hop.EVIDENCE_INBOUND, Direction.INBOUND, MessageKind.EVIDENCE, MessageState.RECEIVED, false),
    /**
     * A received business message is taken in: the sender's evidence kept, RELAY_REMMD_ACCEPTANCE issued, the container
     * opened ({@link InboundAcceptance}): it is to be handed to its back-end.
     */
    TAKEN_IN(Hop.BACKEND_DELIVERY, Direction.INBOUND, MessageKind.BUSINESS, MessageState.RECEIVED, false),
    /**
     * An evidence about a back-end's outbound business message is recorded (issued here or received), in whatever state
     * it left the message: it is to be offered to that back-end ({@link EvidenceForwarding}, from the outbox). The
     * queue carries the evidence's id, not the message's; nothing rests here, the outbox keeps it until handed on.
     */
    EVIDENCE_RECORDED(Hop.BACKEND_EVIDENCE, Direction.OUTBOUND, MessageKind.BUSINESS, null, false);

    private final Hop next;
    private final Direction direction;
    private final MessageKind kind;
    private final MessageState state;
    private final boolean resumes;

    Topology(Hop next, Direction direction, MessageKind kind, MessageState state, boolean resumes) {
        this.next = next;
        this.direction = direction;
        this.kind = kind;
        this.state = state;
        this.resumes = resumes;
    }

    /** The hop that follows this outcome. */
    public Hop next() {
        return next;
    }

    /** The direction of the messages this outcome hands on. */
    public Direction direction() {
        return direction;
    }

    /** The kind of the messages this outcome hands on; {@code null} for either kind. */
    public MessageKind kind() {
        return kind;
    }

    /** The state the messages this outcome hands on are in; {@code null} for any state. */
    public MessageState state() {
        return state;
    }

    /** True when a message resting in this row's state (and kind) past the sweep's grace is queued again here. */
    public boolean resumes() {
        return resumes;
    }

    /** True when {@code message} is one this outcome hands on. */
    public boolean handsOn(ConnectorMessage message) {
        return message.direction() == direction && (state == null || message.state() == state)
                && (kind == null || message.kind() == kind);
    }

    /** The row that resumes {@code message} where it rests; empty when nothing is owed to a message in its state. */
    public static Optional<Topology> resuming(ConnectorMessage message) {
        return Arrays.stream(values()).filter(t -> t.resumes && t.handsOn(message)).findFirst();
    }

    /** The states in which a resting message is queued again, in the table's order. */
    public static Set<MessageState> resumableStates() {
        Set<MessageState> states = new LinkedHashSet<>();
        Arrays.stream(values()).filter(Topology::resumes).forEach(t -> states.add(t.state));
        return states;
    }

    /** The row a received message is sorted into by its kind. */
    public static Topology sorted(MessageKind kind) {
        return kind == MessageKind.BUSINESS ? BUSINESS_RECEIVED : EVIDENCE_RECEIVED;
    }
}
