package eu.lexbridge.backend.rest.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copies a stored payload to the client, holding the last block back until the source has reached its end. The
 * payload store checks the SHA-256 only at the end, so without the hold-back a corrupt file would reach the client
 * complete, with a matching Content-Length. With it, the client gets a short response (or, for a small file, a clean
 * 500), and can tell.
 */
final class VerifiedCopy {

    static final int BLOCK = 64 * 1024;

    private VerifiedCopy() {
    }

    static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] held = new byte[BLOCK];
        byte[] next = new byte[BLOCK];
        int heldLength = 0;
        int n;
        do {
            n = in.readNBytes(next, 0, BLOCK); // short only at the end, where the store has checked the bytes
            if (n > 0) {
                if (heldLength > 0) {
                    out.write(held, 0, heldLength);
                }
                byte[] swap = held;
                held = next;
                next = swap;
                heldLength = n;
            }
        } while (n == BLOCK);
        if (heldLength > 0) {
            out.write(held, 0, heldLength);
        }
    }
}
