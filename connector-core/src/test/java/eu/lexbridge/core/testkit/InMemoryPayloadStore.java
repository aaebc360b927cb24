package eu.lexbridge.core.testkit;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.PayloadStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The payload store contract in memory, for small test payloads: SHA-256 and size computed on the way in, the limit
 * enforced while reading, and the checksum verified when a reader reaches the end. It behaves as the disk store does
 * where the port leaves room: a missing payload fails with PAYLOAD_INTEGRITY, an unreadable source with
 * {@link UncheckedIOException}.
 */
public final class InMemoryPayloadStore implements PayloadStore {

    private static final int BUFFER = 8192;

    private final Map<String, byte[]> bytes = new ConcurrentHashMap<>();
    private final Map<String, RuntimeException> failures = new ConcurrentHashMap<>();

    @Override
    public PayloadRef write(PayloadKind kind, String name, String mimeType, InputStream content, long maxBytes) {
        MessageDigest digest = sha256();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[BUFFER];
        try {
            int n;
            while ((n = content.read(buffer)) > 0) {
                if (out.size() + (long) n > maxBytes) {
                    throw new ConnectorException(ErrorCode.PAYLOAD_TOO_LARGE, "payload",
                            "the payload is larger than " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store a payload", e);
        }
        String id = UUID.randomUUID().toString();
        bytes.put(id, out.toByteArray());
        return new PayloadRef(id, kind, name, mimeType, out.size(), HexFormat.of().formatHex(digest.digest()));
    }

    /** Stores {@code content} without a limit: a short way to give a test a payload. */
    public PayloadRef put(PayloadKind kind, String name, String mimeType, byte[] content) {
        return write(kind, name, mimeType, new ByteArrayInputStream(content), Long.MAX_VALUE);
    }

    @Override
    public InputStream open(PayloadRef ref) {
        RuntimeException failure = failures.get(ref.payloadId());
        if (failure != null) {
            throw failure;
        }
        byte[] stored = bytes.get(ref.payloadId());
        if (stored == null) {
            throw new ConnectorException(ErrorCode.PAYLOAD_INTEGRITY, null,
                    "payload " + ref.payloadId() + " is missing from the store");
        }
        return new Verifying(new ByteArrayInputStream(stored), ref);
    }

    @Override
    public void delete(PayloadRef ref) {
        bytes.remove(ref.payloadId());
    }

    public int count() {
        return bytes.size();
    }

    public byte[] bytes(String payloadId) {
        return bytes.get(payloadId).clone();
    }

    /** Flips the last byte, as a damaged disk would. */
    public void corrupt(String payloadId) {
        bytes.get(payloadId)[bytes.get(payloadId).length - 1] ^= 1;
    }

    public void lose(String payloadId) {
        bytes.remove(payloadId);
    }

    /** Makes every later {@link #open} of the payload throw {@code failure}: a store failing in a way nobody planned. */
    public void failOnOpen(String payloadId, RuntimeException failure) {
        failures.put(payloadId, failure);
    }

    public void clear() {
        bytes.clear();
        failures.clear();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks size and SHA-256 at the end of the stream, as the port promises; every byte passes the digest. */
    private static final class Verifying extends FilterInputStream {
        private final MessageDigest digest = sha256();
        private final PayloadRef ref;
        private long size;
        private boolean checked;

        Verifying(InputStream in, PayloadRef ref) {
            super(in);
            this.ref = ref;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                digest.update(b, off, n);
                size += n;
            } else if (n < 0) {
                verify();
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // a skipped byte must still reach the digest, or a reader that skips would see a false mismatch
            byte[] buffer = new byte[(int) Math.min(BUFFER, Math.max(n, 1))];
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
}
