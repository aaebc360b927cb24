package eu.lexbridge.core.testkit;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.message.VerifiedPayloadStream;
import eu.lexbridge.core.port.PayloadStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
        return new VerifiedPayloadStream(new ByteArrayInputStream(stored), ref);
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
}
