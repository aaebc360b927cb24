package eu.lexbridge.core.transport;

import eu.lexbridge.core.message.BusinessService;
import eu.lexbridge.core.message.Party;
import java.util.Objects;

/**
 * The AS4 header of a user message in e-CODEX terms: addressing, collaboration info and the two four-corner properties.
 *
 * @param refToMessageId the ebMS id of the business message an evidence message is about; {@code null} otherwise
 */
public record Envelope(String ebmsMessageId, String conversationId, String refToMessageId, BusinessService service,
                       String action, Party from, Party to, String originalSender, String finalRecipient) {
    public Envelope {
        Objects.requireNonNull(ebmsMessageId, "ebmsMessageId");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
