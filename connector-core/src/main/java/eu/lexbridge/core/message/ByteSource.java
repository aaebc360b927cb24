package eu.lexbridge.core.message;

import java.io.IOException;
import java.io.InputStream;

/** Something that can be opened as a stream of bytes: an upload, a received attachment, a stored payload. */
@FunctionalInterface
public interface ByteSource {
    InputStream open() throws IOException;
}
