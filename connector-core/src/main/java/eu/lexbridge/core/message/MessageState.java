package eu.lexbridge.core.message;

/**
 * Where a message stands. Outbound and inbound messages have their own states; {@link MessageStateMachine}
 * holds the legal transitions.
 */
public enum MessageState {
    // outbound
    SUBMITTED(Direction.OUTBOUND, false),
    ACCEPTED(Direction.OUTBOUND, false),
    SENT(Direction.OUTBOUND, false),
    RELAYED(Direction.OUTBOUND, false),
    DELIVERED(Direction.OUTBOUND, false),
    RETRIEVED(Direction.OUTBOUND, true),
    REJECTED(Direction.OUTBOUND, true),
    RELAY_FAILED(Direction.OUTBOUND, true),
    NOT_DELIVERED(Direction.OUTBOUND, true),
    NOT_RETRIEVED(Direction.OUTBOUND, true),
    // inbound
    RECEIVED(Direction.INBOUND, false),
    /** Checked and routed; the back-end may fetch it (or it is being pushed). */
    AVAILABLE_TO_BACKEND(Direction.INBOUND, false),
    DELIVERED_TO_BACKEND(Direction.INBOUND, false),
    RETRIEVED_BY_BACKEND(Direction.INBOUND, true),
    NOT_DELIVERED_TO_BACKEND(Direction.INBOUND, true);

    private final Direction direction;
    private final boolean terminal;

    MessageState(Direction direction, boolean terminal) {
        this.direction = direction;
        this.terminal = terminal;
    }

    public Direction direction() {
        return direction;
    }

    /** Nothing that happens to a message moves it on from a terminal state; an operator may resend a RELAY_FAILED one. */
    public boolean isTerminal() {
        return terminal;
    }

    public static MessageState initial(Direction direction) {
        return direction == Direction.OUTBOUND ? SUBMITTED : RECEIVED;
    }
}
