package eu.lexbridge.core.message;

import static eu.lexbridge.core.message.MessageState.*;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one table of legal state transitions.
 *
 * <p>Positive states may be skipped forward because evidences race the AS4 receipt: a RELAY_REMMD_ACCEPTANCE can be
 * processed before the sending route has recorded SENT. A positive evidence never overrides a terminal negative one,
 * and no state goes back, but for one step an operator takes: a message whose send failed (RELAY_FAILED) may be sent
 * again, back to ACCEPTED ({@code eu.lexbridge.core.flow.Resend}).
 */
public final class MessageStateMachine {

    private static final Map<MessageState, EnumSet<MessageState>> LEGAL = new EnumMap<>(MessageState.class);

    static {
        LEGAL.put(SUBMITTED, EnumSet.of(ACCEPTED, REJECTED));
        LEGAL.put(ACCEPTED, EnumSet.of(SENT, RELAYED, DELIVERED, RETRIEVED,
                RELAY_FAILED, NOT_DELIVERED, NOT_RETRIEVED));
        LEGAL.put(SENT, EnumSet.of(RELAYED, DELIVERED, RETRIEVED, RELAY_FAILED, NOT_DELIVERED, NOT_RETRIEVED));
        LEGAL.put(RELAYED, EnumSet.of(DELIVERED, RETRIEVED, NOT_DELIVERED, NOT_RETRIEVED));
        LEGAL.put(DELIVERED, EnumSet.of(RETRIEVED, NOT_RETRIEVED));
        LEGAL.put(RELAY_FAILED, EnumSet.of(ACCEPTED)); // an operator's resend, nothing else
        LEGAL.put(RECEIVED, EnumSet.of(AVAILABLE_TO_BACKEND, DELIVERED_TO_BACKEND, NOT_DELIVERED_TO_BACKEND));
        LEGAL.put(AVAILABLE_TO_BACKEND, EnumSet.of(DELIVERED_TO_BACKEND, NOT_DELIVERED_TO_BACKEND));
        LEGAL.put(DELIVERED_TO_BACKEND, EnumSet.of(RETRIEVED_BY_BACKEND));
        for (MessageState state : MessageState.values()) {
            LEGAL.putIfAbsent(state, EnumSet.noneOf(MessageState.class));
        }
    }

    private MessageStateMachine() {
    }

    public static boolean isLegal(MessageState from, MessageState to) {
        return LEGAL.get(from).contains(to);
    }

    /** The states reachable in one step from {@code from}; empty for terminal states. */
    public static Set<MessageState> next(MessageState from) {
        return EnumSet.copyOf(LEGAL.get(from));
    }
}
