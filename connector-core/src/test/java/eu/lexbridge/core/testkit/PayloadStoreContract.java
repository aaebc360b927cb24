package eu.lexbridge.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.PayloadStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PayloadStore} must do, as its Javadoc says: run it by extending this class, returning the store
 * under test from {@link #store()} and saying how many payloads it holds from {@link #payloadsHeld()}.
 *
 * <p>Where the Javadoc leaves room, the contract asks what the flows rely on: a payload that is missing fails like one
 * whose bytes changed (PAYLOAD_INTEGRITY), and a source that cannot be read fails with {@link UncheckedIOException},
 * which {@code Submission} turns into a refusal of the request.
 */
public abstract class PayloadStoreContract {

    private static final long NO_LIMIT = Long.MAX_VALUE;

    protected PayloadStore store;

    /** A new store for each test. */
    protected abstract PayloadStore store();

    /**
     * How many payloads the store holds now, counted by its own means (files, rows, objects), partial and temporary
     * ones included: the contract checks that a refused or deleted payload leaves nothing behind.
     */
    protected abstract long payloadsHeld();

    @BeforeEach
    void newStore() {
        store = store();
    }

    private PayloadRef write(byte[] bytes) {
        return store.write(PayloadKind.ATTACHMENT, "annex.bin", "application/octet-stream",
                new ByteArrayInputStream(bytes), NO_LIMIT);
    }

    private byte[] readAll(PayloadRef ref) throws IOException {
        try (InputStream in = store.open(ref)) {
            return in.readAllBytes();
        }
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertIntegrityFailure(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_INTEGRITY));
    }

    // ---- write ----------------------------------------------------------------------------------------------------

    @Test
    void aWrittenPayloadIsDescribedByItsKindNameTypeSizeAndSha256() {
        byte[] bytes = "<epo>order</epo>".getBytes();

        PayloadRef ref = store.write(PayloadKind.BUSINESS_CONTENT, "messageContent", "text/xml",
                new ByteArrayInputStream(bytes), 1024);

        assertThat(ref.payloadId()).isNotBlank();
        assertThat(ref.kind()).isEqualTo(PayloadKind.BUSINESS_CONTENT);
        assertThat(ref.name()).isEqualTo("messageContent");
        assertThat(ref.mimeType()).isEqualTo("text/xml");
        assertThat(ref.size()).isEqualTo(bytes.length);
        assertThat(ref.sha256()).as("lower-case hex").isEqualTo(sha256(bytes)).matches("[0-9a-f]{64}");
    }

    @Test
    void whatWasWrittenIsReadBackByteForByte() throws IOException {
        // larger than any sensible buffer, and of an odd length
        byte[] bytes = randomBytes(3 * 1024 * 1024 + 17, 1);

        PayloadRef ref = write(bytes);

        assertThat(ref.size()).isEqualTo(bytes.length);
        assertThat(ref.sha256()).isEqualTo(sha256(bytes));
        assertThat(readAll(ref)).isEqualTo(bytes);
    }

    @Test
    void anEmptyPayloadIsAPayload() throws IOException {
        PayloadRef ref = write(new byte[0]);

        assertThat(ref.size()).isZero();
        assertThat(ref.sha256()).isEqualTo(sha256(new byte[0]));
        assertThat(readAll(ref)).isEmpty();
    }

    @Test
    void aSourceThatTricklesIsReadToItsEnd() throws IOException {
        byte[] bytes = randomBytes(10_000, 2);
        InputStream trickle = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7)); // a slow network gives a few bytes at a time
            }
        };

        PayloadRef ref = store.write(PayloadKind.ATTACHMENT, "slow.bin", "application/octet-stream", trickle,
                NO_LIMIT);

        assertThat(ref.size()).isEqualTo(bytes.length);
        assertThat(readAll(ref)).isEqualTo(bytes);
    }

    @Test
    void eachWriteIsAPayloadOfItsOwn() throws IOException {
        byte[] bytes = randomBytes(1000, 3);

        PayloadRef one = write(bytes);
        PayloadRef two = write(bytes);

        assertThat(one.payloadId()).isNotEqualTo(two.payloadId());
        assertThat(one.sha256()).isEqualTo(two.sha256());
        store.delete(one);
        assertThat(readAll(two)).isEqualTo(bytes);
    }

    @Test
    void aPayloadOfExactlyTheLimitIsKept() throws IOException {
        byte[] bytes = randomBytes(1024, 4);

        PayloadRef ref = store.write(PayloadKind.ATTACHMENT, "a.bin", "application/octet-stream",
                new ByteArrayInputStream(bytes), 1024);

        assertThat(readAll(ref)).isEqualTo(bytes);
    }

    @Test
    void aPayloadPastTheLimitIsRefusedAndNothingIsKept() {
        long before = payloadsHeld();

        assertThatThrownBy(() -> store.write(PayloadKind.ATTACHMENT, "big.bin", "application/octet-stream",
                new ByteArrayInputStream(new byte[1025]), 1024))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE));

        assertThat(payloadsHeld()).isEqualTo(before);
    }

    /** Streaming: the store stops reading at the limit; it never takes the whole of a hostile source first. */
    @Test
    void anEndlessSourceIsRefusedSoonAfterTheLimit() {
        long limit = 1024 * 1024;
        CountingSource endless = new CountingSource(Long.MAX_VALUE);

        assertThatThrownBy(() -> store.write(PayloadKind.ATTACHMENT, "endless.bin", "application/octet-stream",
                endless, limit))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE));

        assertThat(endless.delivered).isGreaterThan(limit).isLessThan(limit + 16L * 1024 * 1024);
    }

    @Test
    void aSourceThatFailsLeavesNothingBehind() {
        long before = payloadsHeld();
        InputStream broken = new InputStream() {
            private int left = 100_000;

            @Override
            public int read() throws IOException {
                if (left == 0) {
                    throw new IOException("connection reset by the back-end"); // and on every later read
                }
                left--;
                return 'x';
            }
        };

        assertThatThrownBy(() -> store.write(PayloadKind.ATTACHMENT, "cut.bin", "application/octet-stream", broken,
                NO_LIMIT)).isInstanceOf(UncheckedIOException.class).hasRootCauseMessage("connection reset by the back-end");

        assertThat(payloadsHeld()).isEqualTo(before);
    }

    @Test
    void concurrentWritesKeepTheirOwnBytes() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<PayloadRef>> refs = new ArrayList<>();
            List<byte[]> contents = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                byte[] bytes = randomBytes(64 * 1024 + i, 100 + i);
                contents.add(bytes);
                refs.add(pool.submit(() -> write(bytes)));
            }
            for (int i = 0; i < refs.size(); i++) {
                assertThat(readAll(refs.get(i).get(30, TimeUnit.SECONDS))).isEqualTo(contents.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- open: the checksum is checked at the end -----------------------------------------------------------------

    @Test
    void aReaderThatReadsByteByByteGetsTheSameBytes() throws IOException {
        byte[] bytes = randomBytes(5000, 5);
        PayloadRef ref = write(bytes);

        ByteArrayOutputStream read = new ByteArrayOutputStream();
        try (InputStream in = store.open(ref)) {
            int b;
            while ((b = in.read()) >= 0) {
                read.write(b);
            }
        }

        assertThat(read.toByteArray()).isEqualTo(bytes);
    }

    @Test
    void bytesThatDoNotMatchTheirSha256FailAtTheEnd() {
        byte[] bytes = randomBytes(70_000, 6);
        PayloadRef ref = write(bytes);
        // The same bytes described by another digest: to the stream, indistinguishable from bytes changed at rest.
        PayloadRef wrongDigest = new PayloadRef(ref.payloadId(), ref.kind(), ref.name(), ref.mimeType(), ref.size(),
                sha256("other bytes".getBytes()));

        assertIntegrityFailure(() -> readAll(wrongDigest));
        assertIntegrityFailure(() -> {
            try (InputStream in = store.open(wrongDigest)) {
                while (in.read() >= 0) {
                    // byte by byte to the end
                }
            }
        });
    }

    @Test
    void aMismatchIsNotReportedBeforeTheEnd() throws IOException {
        byte[] bytes = randomBytes(70_000, 7);
        PayloadRef ref = write(bytes);
        PayloadRef wrongDigest = new PayloadRef(ref.payloadId(), ref.kind(), ref.name(), ref.mimeType(), ref.size(),
                sha256("other bytes".getBytes()));

        try (InputStream in = store.open(wrongDigest)) {
            assertThat(in.readNBytes(1000)).isEqualTo(Arrays.copyOf(bytes, 1000));
        }
    }

    @Test
    void skippedBytesStillCountTowardsTheCheck() throws IOException {
        byte[] bytes = randomBytes(70_000, 8);
        PayloadRef ref = write(bytes);

        try (InputStream in = store.open(ref)) {
            long skipped = 0;
            while (skipped < 30_000) {
                long n = in.skip(30_000 - skipped);
                assertThat(n).isPositive();
                skipped += n;
            }
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(bytes, 30_000, bytes.length));
        }
        PayloadRef wrongDigest = new PayloadRef(ref.payloadId(), ref.kind(), ref.name(), ref.mimeType(), ref.size(),
                sha256("other bytes".getBytes()));
        assertIntegrityFailure(() -> {
            try (InputStream in = store.open(wrongDigest)) {
                in.skip(30_000);
                in.readAllBytes();
            }
        });
    }

    @Test
    void aPayloadThatWasNeverWrittenFailsItsReader() {
        PayloadRef never = new PayloadRef(UUID.randomUUID().toString(), PayloadKind.ATTACHMENT, "ghost.bin",
                "application/octet-stream", 3, sha256("abc".getBytes()));

        assertIntegrityFailure(() -> readAll(never));
    }

    // ---- delete ---------------------------------------------------------------------------------------------------

    @Test
    void aDeletedPayloadIsGoneAndFailsItsReader() {
        PayloadRef ref = write(randomBytes(2000, 9));
        long held = payloadsHeld();

        store.delete(ref);

        assertThat(payloadsHeld()).isEqualTo(held - 1);
        assertIntegrityFailure(() -> readAll(ref));
    }

    @Test
    void deletingWhatIsNotThereIsNoError() {
        PayloadRef ref = write(randomBytes(10, 10));
        store.delete(ref);
        long held = payloadsHeld();

        store.delete(ref);
        store.delete(new PayloadRef(UUID.randomUUID().toString(), PayloadKind.ATTACHMENT, "never.bin",
                "application/octet-stream", 0, sha256(new byte[0])));

        assertThat(payloadsHeld()).isEqualTo(held);
    }

    @Test
    void deletingOnePayloadLeavesTheOthers() throws IOException {
        byte[] keep = randomBytes(500, 11);
        PayloadRef kept = write(keep);
        PayloadRef gone = write(randomBytes(500, 12));

        store.delete(gone);

        assertThat(readAll(kept)).isEqualTo(keep);
    }

    /** Generated bytes, counted as they are handed out; never held in memory. */
    private static final class CountingSource extends InputStream {
        private final long length;
        private long delivered;

        CountingSource(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            if (delivered >= length) {
                return -1;
            }
            delivered++;
            return 'a';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (delivered >= length) {
                return -1;
            }
            int n = (int) Math.min(len, length - delivered);
            Arrays.fill(b, off, off + n, (byte) 'a');
            delivered += n;
            return n;
        }
    }
}
