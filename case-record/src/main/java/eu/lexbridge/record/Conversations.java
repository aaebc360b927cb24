package eu.lexbridge.record;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.port.MessageStore;
import java.util.List;

/**
 * Which conversations a back-end may see: those it has a business message in (sent or received). Another back-end's
 * conversation answers as one that does not exist, so an id guessed or leaked reveals nothing.
 */
public final class Conversations {

    /** More business messages than one case holds; a conversation past it shows its first ones. */
    static final int MAX_MESSAGES = 10_000;

    private final MessageStore messages;

    public Conversations(MessageStore messages) {
        this.messages = messages;
    }

    /**
     * The back-end's business messages of the conversation, oldest first.
     *
     * @throws ConnectorException UNKNOWN_CONVERSATION when it has none there
     */
    public List<ConnectorMessage> of(String backendName, String conversationId) {
        List<ConnectorMessage> own = conversationId == null ? List.of()
                : messages.conversation(conversationId, MAX_MESSAGES).stream()
                        .filter(message -> backendName.equals(message.backendName())).toList();
        if (own.isEmpty()) {
            throw new ConnectorException(ErrorCode.UNKNOWN_CONVERSATION, "conversationId",
                    "there is no such conversation for this back-end");
        }
        return own;
    }
}
