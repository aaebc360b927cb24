package eu.lexbridge.record;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.port.TransmissionRecords;
import java.util.List;

/**
 * Which conversations a back-end may see: those it has a business message in (sent or received), or a transmission
 * recorded outside the system (a case whose first exchange could not go through the system starts with its record).
 * Another back-end's conversation answers as one that does not exist, so an id guessed or leaked reveals nothing.
 */
public final class Conversations {

    /** More business messages than one case holds; a conversation past it shows its first ones. */
    static final int MAX_MESSAGES = 10_000;

    private final MessageStore messages;
    private final TransmissionRecords records;

    public Conversations(MessageStore messages, TransmissionRecords records) {
        this.messages = messages;
        this.records = records;
    }

    /**
     * The back-end's business messages of the conversation, oldest first; none when it holds only records there.
     *
     * @throws ConnectorException UNKNOWN_CONVERSATION when it has neither a message nor a record there
     */
    public List<ConnectorMessage> of(String backendName, String conversationId) {
        List<ConnectorMessage> own = conversationId == null ? List.of()
                : messages.conversation(conversationId, MAX_MESSAGES).stream()
                        .filter(message -> backendName.equals(message.backendName())).toList();
        if (own.isEmpty() && (conversationId == null || records.inConversation(conversationId).stream()
                .noneMatch(record -> record.backendName().equals(backendName)))) {
            throw new ConnectorException(ErrorCode.UNKNOWN_CONVERSATION, "conversationId",
                    "there is no such conversation for this back-end");
        }
        return own;
    }
}
