package eu.lexbridge.persistence;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;

/** A payload's bytes copied into a store once, held to the limit, their SHA-256 computed on the way: every store's. */
final class PayloadCopy {

    static final int BUFFER = 64 * 1024;

    private PayloadCopy() {
    }

    /**
     * @return how many bytes were copied
     * @throws ConnectorException PAYLOAD_TOO_LARGE as soon as {@code content} goes past {@code maxBytes}
     */
    static long copy(InputStream content, OutputStream out, MessageDigest sha256, long maxBytes) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long size = 0;
        int n;
        while ((n = content.read(buffer)) >= 0) {
            size += n;
            if (size > maxBytes) {
                throw new ConnectorException(ErrorCode.PAYLOAD_TOO_LARGE, null,
                        "a payload is larger than the limit of " + maxBytes + " bytes");
            }
            sha256.update(buffer, 0, n);
            out.write(buffer, 0, n);
        }
        return size;
    }
}
