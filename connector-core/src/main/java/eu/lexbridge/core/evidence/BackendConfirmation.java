package eu.lexbridge.core.evidence;

import eu.lexbridge.core.message.MessageState;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a back-end confirms about a message it received, as the official connector's back-end API lets it: each
 * confirmation is issued as its evidence back to the sender. DELIVERY is the REST API's acknowledgement.
 */
public enum BackendConfirmation {
    /** The back-end has the message. */
    DELIVERY(EvidenceType.DELIVERY, MessageState.DELIVERED_TO_BACKEND,
            EnumSet.of(MessageState.AVAILABLE_TO_BACKEND, MessageState.DELIVERED_TO_BACKEND)),
    /** The back-end cannot take the message (official code E200 when it gives no reason of its own). */
    NON_DELIVERY(EvidenceType.NON_DELIVERY, MessageState.NOT_DELIVERED_TO_BACKEND,
            EnumSet.of(MessageState.AVAILABLE_TO_BACKEND, MessageState.NOT_DELIVERED_TO_BACKEND)),
    /** The recipient (the authority behind the back-end) has retrieved the message. */
    RETRIEVAL(EvidenceType.RETRIEVAL, MessageState.RETRIEVED_BY_BACKEND,
            EnumSet.of(MessageState.DELIVERED_TO_BACKEND, MessageState.RETRIEVED_BY_BACKEND)),
    /**
     * The recipient did not retrieve the message. No inbound state follows from it (the message stays
     * DELIVERED_TO_BACKEND); the evidence is on its timeline.
     */
    NON_RETRIEVAL(EvidenceType.NON_RETRIEVAL, null, EnumSet.of(MessageState.DELIVERED_TO_BACKEND));

    private final EvidenceType evidence;
    private final MessageState reaches;
    private final Set<MessageState> from;

    BackendConfirmation(EvidenceType evidence, MessageState reaches, Set<MessageState> from) {
        this.evidence = evidence;
        this.reaches = reaches;
        this.from = from;
    }

    /** The evidence issued back to the sender. */
    public EvidenceType evidence() {
        return evidence;
    }

    /** The state the received message reaches; {@code null} for none. */
    public MessageState reaches() {
        return reaches;
    }

    /**
     * True when a message in {@code state} may take this confirmation. A confirmation repeated is taken again (the
     * state it reached is among these) and gives the evidence issued the first time.
     */
    public boolean mayFollow(MessageState state) {
        return from.contains(state);
    }

    /** The confirmation that says the opposite: an evidence of the same pair (e.g. RETRIEVAL for NON_RETRIEVAL). */
    public BackendConfirmation opposite() {
        return switch (this) {
            case DELIVERY -> NON_DELIVERY;
            case NON_DELIVERY -> DELIVERY;
            case RETRIEVAL -> NON_RETRIEVAL;
            case NON_RETRIEVAL -> RETRIEVAL;
        };
    }
}
