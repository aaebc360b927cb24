package eu.lexbridge.core.transport;

import eu.lexbridge.core.message.ByteSource;
import java.util.Objects;

/**
 * A received payload, already decrypted and decompressed by the gateway, readable once as a stream.
 *
 * @param description the e-CODEX part description, or the content id when the sender gave none
 * @param name the file name the sender gave, or the description
 */
public record IncomingPart(String description, String name, String mimeType, ByteSource content) {
    public IncomingPart {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(content, "content");
    }
}
