package eu.lexbridge.core.port;

import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import java.io.InputStream;

/** Holds payload bytes outside the message and the queues. Streams in both directions; never loads a whole payload. */
public interface PayloadStore {

    /**
     * Streams {@code content} into the store, computing its SHA-256 and size on the way.
     *
     * @throws eu.lexbridge.core.error.ConnectorException PAYLOAD_TOO_LARGE past {@code maxBytes}; nothing is kept then
     */
    PayloadRef write(PayloadKind kind, String name, String mimeType, InputStream content, long maxBytes);

    /**
     * Opens stored bytes. The stream checks the SHA-256 when it reaches its end and fails with PAYLOAD_INTEGRITY on a
     * mismatch, so a reader that consumes it all has read exactly what was written.
     */
    InputStream open(PayloadRef ref);

    /** Removes the bytes; removing what is not there is not an error. */
    void delete(PayloadRef ref);
}
