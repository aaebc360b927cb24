package eu.lexbridge.core.message;

import java.time.Instant;

/**
 * What an operator knows of the messages they look for: every criterion given must hold, {@code null} ones are left
 * out. Business and evidence messages alike.
 *
 * @param partyId the partner's party, as sender or as recipient
 * @param createdFrom created at or after
 * @param createdBefore created before (the next page of a search starts before its last message)
 */
public record MessageQuery(String backendName, String backendMessageId, String conversationId, String partyId,
                           MessageState state, Direction direction, Instant createdFrom,
                           Instant createdBefore) {

    /** Every message. */
    public static final MessageQuery ANY = new MessageQuery(null, null, null, null, null, null, null, null);

    /** Whether {@code message} holds every criterion given; the one meaning every store keeps. */
    public boolean matches(ConnectorMessage message) {
        return (backendName == null || backendName.equals(message.backendName()))
                && (backendMessageId == null || backendMessageId.equals(message.backendMessageId()))
                && (conversationId == null || conversationId.equals(message.conversationId()))
                && (partyId == null || partyId.equals(message.from().partyId())
                        || partyId.equals(message.to().partyId()))
                && (state == null || state == message.state())
                && (direction == null || direction == message.direction())
                && (createdFrom == null || !message.createdAt().isBefore(createdFrom))
                && (createdBefore == null || message.createdAt().isBefore(createdBefore));
    }
}
