package eu.lexbridge.core.transport;

import eu.lexbridge.core.message.PayloadRef;
import java.util.Objects;

/**
 * A payload to send, in the order it goes on the wire (the first part is the leading business document).
 *
 * @param description the e-CODEX part description: {@code messageContent}, an evidence type name, or an attachment id
 */
public record OutgoingPart(String description, String mimeType, PayloadRef payload) {
    public OutgoingPart {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(payload, "payload");
    }
}
