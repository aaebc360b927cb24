package eu.lexbridge.core.message;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A stored payload as a payload store hands it out: at the end of the stream it fails with PAYLOAD_INTEGRITY if the
 * bytes read are not the bytes written (size and SHA-256 of the {@link PayloadRef}), as the port promises. Every store
 * wraps its bytes in this one check, so they cannot differ in what they verify.
 */
public final class VerifiedPayloadStream extends FilterInputStream {

    private static final int SKIP_BUFFER = 64 * 1024;

    private final PayloadRef ref;
    private final MessageDigest digest;
    private long size;
    private boolean checked;

    public VerifiedPayloadStream(InputStream in, PayloadRef ref) {
        super(in);
        this.ref = ref;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            verify();
        } else {
            digest.update((byte) b);
            size++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n < 0) {
            verify();
        } else {
            digest.update(b, off, n);
            size += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // a skipped byte must still reach the digest, or a reader that skips would see a false mismatch
        byte[] buffer = new byte[(int) Math.min(SKIP_BUFFER, Math.max(n, 1))];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false; // a reset would feed bytes to the digest twice
    }

    @Override
    public synchronized void mark(int readlimit) {
        // not supported
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    private void verify() {
        if (checked) {
            return;
        }
        checked = true;
        if (size != ref.size() || !HexFormat.of().formatHex(digest.digest()).equals(ref.sha256())) {
            throw new ConnectorException(ErrorCode.PAYLOAD_INTEGRITY, null,
                    "payload " + ref.payloadId() + " does not match its checksum");
        }
    }
}
