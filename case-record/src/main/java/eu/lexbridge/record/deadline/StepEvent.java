package eu.lexbridge.record.deadline;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A procedural step a message of the conversation carried, when it was received, and the Member States of its two
 * sides.
 *
 * @param step the step
 * @param at when the message was received (the event the time limits count from)
 * @param messageId the message, to show which message started or closed a deadline
 * @param flags what the certificate said about the step (emergency, notification, validation)
 * @param senderState the sender's Member State (ISO 3166-1 alpha-2, EL accepted), or null for the engine's default
 * @param recipientState the recipient's Member State, or null for the engine's default
 */
public record StepEvent(ProcedureStep step, Instant at, String messageId, Set<Flag> flags, String senderState,
                        String recipientState) {

    /** What a certificate declares about the step. */
    public enum Flag {
        /** Annex I/II Section C: an emergency case, Art 3(8). */
        EMERGENCY,
        /** Art 8: the enforcing authority was notified (Annex I Section K filled in). */
        ENFORCING_AUTHORITY_NOTIFIED,
        /** Art 4(5): issued in an emergency without the prior validation of a judicial authority. */
        WITHOUT_PRIOR_VALIDATION
    }

    public StepEvent {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(flags, "flags");
        if (messageId.isBlank()) {
            throw new IllegalArgumentException("A step event needs the id of the message that carried it.");
        }
        flags = Collections.unmodifiableSet(flags.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(flags));
    }

    /** An event with the given flags. */
    public static StepEvent of(ProcedureStep step, Instant at, String messageId, String senderState,
                               String recipientState, Flag... flags) {
        Set<Flag> set = EnumSet.noneOf(Flag.class);
        Collections.addAll(set, flags);
        return new StepEvent(step, at, messageId, set, senderState, recipientState);
    }

    public boolean has(Flag flag) {
        return flags.contains(flag);
    }
}
