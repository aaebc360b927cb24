package eu.lexbridge.core.message;

import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One change of a message, as the outbox ({@link eu.lexbridge.core.port.MessageEvents}) hands it on: a state it
 * reached, an evidence recorded about it, or both when the evidence moved it. Never payload content.
 *
 * @param sequence the event's place in the outbox, given by the store: later events have higher numbers
 * @param connectorMessageId the message that changed (the subject, for an evidence)
 * @param conversationId its conversation
 * @param state the state it reached, or {@code null} when the change moved no state (an evidence that could not
 *     move it)
 * @param evidenceType the evidence recorded, or {@code null} for a state change alone
 * @param evidenceOrigin issued or received, with an evidence type
 * @param at when the change happened (the transition's or the evidence's time)
 */
public record MessageEvent(long sequence, UUID connectorMessageId, String conversationId, MessageState state,
                           EvidenceType evidenceType, EvidenceOrigin evidenceOrigin, Instant at) {
    public MessageEvent {
        Objects.requireNonNull(connectorMessageId, "connectorMessageId");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(at, "at");
        if (state == null && evidenceType == null) {
            throw new IllegalArgumentException("an event is a state reached, an evidence recorded, or both");
        }
        if ((evidenceType == null) != (evidenceOrigin == null)) {
            throw new IllegalArgumentException("an evidence event names the evidence's type and origin");
        }
    }
}
