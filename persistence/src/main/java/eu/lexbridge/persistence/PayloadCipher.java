package eu.lexbridge.persistence;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Payload bytes encrypted before they leave the connector, and decrypted as they are read: AES-256-GCM in segments of
 * 64 KiB, so neither direction holds more than a segment, at any payload size (the shape of Tink's streaming AEAD).
 *
 * <p>Layout: a header ({@code LBP1} and a random 16-byte salt), then the segments, each its ciphertext and a 16-byte
 * tag. Each payload has a key of its own, HMAC-SHA256(key, salt), so nonces only need to be unique within it: the
 * segment's number, and a last-segment flag, so that a payload cut at a segment boundary fails like a changed one. The
 * payload id is authenticated with every segment: the bytes of one payload stored under another id do not decrypt.
 */
public final class PayloadCipher {

    public static final int KEY_BYTES = 32;
    static final int SEGMENT = 64 * 1024;
    private static final int TAG = 16;
    private static final int SALT = 16;
    private static final byte[] MAGIC = "LBP1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    /** @param key 32 bytes; the caller keeps them away from the data they protect */
    public PayloadCipher(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a payload key is " + KEY_BYTES + " bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** The encrypted size of {@code plainSize} bytes. */
    static long encryptedSize(long plainSize) {
        long segments = plainSize / SEGMENT + 1; // a full last segment is followed by an empty one
        return MAGIC.length + SALT + plainSize + segments * TAG;
    }

    /** Writes the header at once, then a segment each time 64 KiB are written; {@code close} writes the last one. */
    public OutputStream encrypting(OutputStream target, String payloadId) throws IOException {
        byte[] salt = new byte[SALT];
        RANDOM.nextBytes(salt);
        target.write(MAGIC);
        target.write(salt);
        return new Encrypting(target, new Segments(payloadKey(salt), payloadId, Cipher.ENCRYPT_MODE));
    }

    /**
     * The plain bytes of {@code source}. A changed, cut, or foreign ciphertext fails the read that reaches it with
     * PAYLOAD_INTEGRITY.
     */
    public InputStream decrypting(InputStream source, String payloadId) throws IOException {
        byte[] header = source.readNBytes(MAGIC.length + SALT);
        if (header.length < MAGIC.length + SALT || !Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw integrity(payloadId, null);
        }
        byte[] salt = Arrays.copyOfRange(header, MAGIC.length, header.length);
        return new Decrypting(source, new Segments(payloadKey(salt), payloadId, Cipher.DECRYPT_MODE), payloadId);
    }

    private SecretKeySpec payloadKey(byte[] salt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update("lexbridge payload key".getBytes(StandardCharsets.US_ASCII));
            return new SecretKeySpec(mac.doFinal(salt), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    private static ConnectorException integrity(String payloadId, Throwable cause) {
        return new ConnectorException(ErrorCode.PAYLOAD_INTEGRITY, null,
                "payload " + payloadId + " was changed or cut in the store", cause);
    }

    /** One payload's segments, numbered from 0. */
    private static final class Segments {
        private final SecretKeySpec key;
        private final byte[] aad;
        private final int mode;
        private final Cipher cipher;
        private long number;

        Segments(SecretKeySpec key, String payloadId, int mode) {
            this.key = key;
            this.aad = payloadId.getBytes(StandardCharsets.UTF_8);
            this.mode = mode;
            try {
                this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every JDK has AES/GCM", e);
            }
        }

        /** Encrypts or decrypts the next segment from {@code in} into {@code out}; returns the bytes put in out. */
        int next(byte[] in, int length, byte[] out, boolean last) throws GeneralSecurityException {
            byte[] nonce = ByteBuffer.allocate(12).putInt(0).putLong(number++).array();
            nonce[3] = (byte) (last ? 1 : 0);
            cipher.init(mode, key, new GCMParameterSpec(TAG * 8, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(in, 0, length, out, 0);
        }
    }

    private static final class Encrypting extends FilterOutputStream {
        private final Segments segments;
        private final byte[] plain = new byte[SEGMENT];
        private final byte[] sealed = new byte[SEGMENT + TAG];
        private int filled;
        private boolean closed;

        Encrypting(OutputStream target, Segments segments) {
            super(target);
            this.segments = segments;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (filled == SEGMENT) {
                    seal(false); // only now: the segment just filled may turn out to be the last one
                }
                int n = Math.min(len, SEGMENT - filled);
                System.arraycopy(b, off, plain, filled, n);
                filled += n;
                off += n;
                len -= n;
            }
        }

        private void seal(boolean last) throws IOException {
            try {
                int n = segments.next(plain, filled, sealed, last);
                out.write(sealed, 0, n);
                filled = 0;
            } catch (GeneralSecurityException e) {
                throw new IOException("a payload segment cannot be encrypted", e);
            }
        }

        @Override
        public void flush() {
            // segments are written whole; a flush in the middle would end one early
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            if (filled == SEGMENT) {
                seal(false);
            }
            seal(true);
            out.close();
        }
    }

    private static final class Decrypting extends InputStream {
        private final InputStream source;
        private final Segments segments;
        private final String payloadId;
        private final byte[] sealed = new byte[SEGMENT + TAG + 1]; // one byte more: is another segment coming?
        private final byte[] plain = new byte[SEGMENT];
        private int carried; // bytes of the next segment already read while looking ahead
        private int position;
        private int limit;
        private boolean ended;

        Decrypting(InputStream source, Segments segments, String payloadId) {
            this.source = source;
            this.segments = segments;
            this.payloadId = payloadId;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (position == limit) {
                if (ended) {
                    return -1;
                }
                nextSegment();
            }
            int n = Math.min(len, limit - position);
            System.arraycopy(plain, position, b, off, n);
            position += n;
            return n;
        }

        private void nextSegment() throws IOException {
            int read = carried + source.readNBytes(sealed, carried, sealed.length - carried);
            boolean last = read < sealed.length;
            int length = last ? read : read - 1;
            if (length < TAG) {
                throw integrity(payloadId, null);
            }
            try {
                limit = segments.next(sealed, length, plain, last);
            } catch (AEADBadTagException e) {
                throw integrity(payloadId, e);
            } catch (GeneralSecurityException e) {
                throw new IOException("a payload segment cannot be decrypted", e);
            }
            position = 0;
            ended = last;
            carried = last ? 0 : 1;
            if (!last) {
                sealed[0] = sealed[read - 1];
            }
        }

        @Override
        public void close() throws IOException {
            source.close();
        }
    }
}
