package eu.lexbridge.core.flow;

import eu.lexbridge.core.message.ByteSource;
import java.util.Objects;

/**
 * A payload a back-end hands over, read once while it is stored.
 *
 * @param name the file name the back-end gave
 */
public record PayloadUpload(String name, String mimeType, ByteSource content) {
    public PayloadUpload {
        Objects.requireNonNull(content, "content");
    }
}
