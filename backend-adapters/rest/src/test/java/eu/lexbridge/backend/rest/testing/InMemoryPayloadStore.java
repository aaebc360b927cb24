package eu.lexbridge.backend.rest.testing;

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
 * enforced while reading, and the checksum verified when a reader reaches the end.
 */
public final class InMemoryPayloadStore implements PayloadStore {

    private final Map<String, byte[]> bytes = new ConcurrentHashMap<>();

    @Override
    public PayloadRef write(PayloadKind kind, String name, String mimeType, InputStream content, long maxBytes) {
        MessageDigest digest = sha256();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
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
            throw new UncheckedIOException(e);
        }
        String id = UUID.randomUUID().toString();
        bytes.put(id, out.toByteArray());
        return new PayloadRef(id, kind, name, mimeType, out.size(), HexFormat.of().formatHex(digest.digest()));
    }

    @Override
    public InputStream open(PayloadRef ref) {
        byte[] stored = bytes.get(ref.payloadId());
        if (stored == null) {
            throw new IllegalStateException("payload " + ref.payloadId() + " is not in the store");
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

    public void clear() {
        bytes.clear();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks the SHA-256 at the end of the stream, as the port promises. */
    private static final class Verifying extends FilterInputStream {
        private final MessageDigest digest = sha256();
        private final PayloadRef ref;
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
            } else if (n < 0 && !checked) {
                checked = true;
                if (!HexFormat.of().formatHex(digest.digest()).equals(ref.sha256())) {
                    throw new ConnectorException(ErrorCode.PAYLOAD_INTEGRITY,
                            "payload " + ref.payloadId() + " does not match its checksum");
                }
            }
            return n;
        }
    }
}
