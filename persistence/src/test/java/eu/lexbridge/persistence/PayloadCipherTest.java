package eu.lexbridge.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PayloadCipherTest {

    private static final int SEGMENT = PayloadCipher.SEGMENT;
    private final PayloadCipher cipher = new PayloadCipher(key(1));
    private final String id = UUID.randomUUID().toString();

    private static byte[] key(int seed) {
        byte[] key = new byte[PayloadCipher.KEY_BYTES];
        new Random(seed).nextBytes(key);
        return key;
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private byte[] encrypt(byte[] plain, String payloadId) throws IOException {
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        try (OutputStream out = cipher.encrypting(sealed, payloadId)) {
            // in uneven pieces, as a network hands them over
            for (int off = 0; off < plain.length; off += 7001) {
                out.write(plain, off, Math.min(7001, plain.length - off));
            }
        }
        return sealed.toByteArray();
    }

    private static byte[] decrypt(PayloadCipher cipher, byte[] sealed, String payloadId) throws IOException {
        try (InputStream in = cipher.decrypting(new ByteArrayInputStream(sealed), payloadId)) {
            return in.readAllBytes();
        }
    }

    private static void assertIntegrityFailure(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_INTEGRITY));
    }

    /** Around the segment boundaries, where a last segment is short, full, or empty. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, SEGMENT - 1, SEGMENT, SEGMENT + 1, 3 * SEGMENT, 3 * SEGMENT + 17})
    void whatIsEncryptedDecryptsToTheSameBytes(int size) throws IOException {
        byte[] plain = bytes(size);

        byte[] sealed = encrypt(plain, id);

        assertThat(sealed).hasSize((int) PayloadCipher.encryptedSize(size));
        assertThat(decrypt(cipher, sealed, id)).isEqualTo(plain);
    }

    @Test
    void theSameBytesEncryptDifferentlyEachTime() throws IOException {
        byte[] plain = bytes(1000);

        assertThat(encrypt(plain, id)).isNotEqualTo(encrypt(plain, id));
    }

    @Test
    void anotherKeyCannotDecrypt() throws IOException {
        byte[] sealed = encrypt(bytes(1000), id);

        assertIntegrityFailure(() -> decrypt(new PayloadCipher(key(2)), sealed, id));
    }

    @Test
    void anotherPayloadsIdCannotDecrypt() throws IOException {
        byte[] sealed = encrypt(bytes(1000), id);

        assertIntegrityFailure(() -> decrypt(cipher, sealed, UUID.randomUUID().toString()));
    }

    @Test
    void aPayloadCutAtASegmentBoundaryFails() throws IOException {
        byte[] sealed = encrypt(bytes(3 * SEGMENT + 100), id);
        int twoSegments = 4 + 16 + 2 * (SEGMENT + 16);

        assertIntegrityFailure(() -> decrypt(cipher, Arrays.copyOf(sealed, twoSegments), id));
    }

    @Test
    void aPayloadCutInsideASegmentFails() throws IOException {
        byte[] sealed = encrypt(bytes(SEGMENT + 100), id);

        assertIntegrityFailure(() -> decrypt(cipher, Arrays.copyOf(sealed, sealed.length - 1), id));
    }

    @Test
    void segmentsInAnotherOrderFail() throws IOException {
        byte[] sealed = encrypt(bytes(2 * SEGMENT + 100), id);
        int first = 20;
        int length = SEGMENT + 16;
        byte[] swapped = sealed.clone();
        System.arraycopy(sealed, first, swapped, first + length, length);
        System.arraycopy(sealed, first + length, swapped, first, length);

        assertIntegrityFailure(() -> decrypt(cipher, swapped, id));
    }

    @Test
    void somethingThatIsNoEncryptedPayloadFails() {
        assertIntegrityFailure(() -> decrypt(cipher, "plain text, not ours".getBytes(), id));
        assertIntegrityFailure(() -> decrypt(cipher, new byte[3], id));
    }

    @Test
    void aKeyIsThirtyTwoBytes() {
        assertThatThrownBy(() -> new PayloadCipher(new byte[16])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a payload key is 32 bytes, not 16");
    }
}
