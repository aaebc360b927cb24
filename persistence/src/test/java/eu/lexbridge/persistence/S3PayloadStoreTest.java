package eu.lexbridge.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.persistence.s3server.S3Server;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** What the contract does not reach: payloads of many parts, bytes at rest, and a bucket that cannot be used. */
class S3PayloadStoreTest {

    private static final int PART = S3PayloadStore.MIN_PART_SIZE;

    private final S3Server server = S3Server.get();
    private S3Client s3;
    private String bucket;
    private S3PayloadStore store;

    @BeforeEach
    void newBucket() {
        s3 = server.client();
        bucket = server.newBucket();
        byte[] key = new byte[PayloadCipher.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        store = new S3PayloadStore(s3, bucket, new PayloadCipher(key), PART);
    }

    @AfterEach
    void closeClient() {
        s3.close();
    }

    /**
     * 64 MiB from a generator, in and out, in a JVM of 48 MiB heap: had the store held the payload, or the HTTP client
     * the whole request, it would have run out of memory. The object is a multipart upload of 5 MiB parts, as its ETag
     * ({@code md5-parts}) says.
     */
    @Test
    void aLargePayloadStreamsThroughInPartsWithASmallHeap() throws Exception {
        long size = 64L * 1024 * 1024 + 12_345;
        Path output = Files.createTempFile("round-trip", ".txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx48m", "-cp", System.getProperty("java.class.path"), LargePayloadRoundTrip.class.getName(),
                server.endpoint().toString(), bucket, Long.toString(size))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String said = Files.readString(output);
        Files.delete(output);

        assertThat(child.exitValue()).as(said).isZero();
        String key = said.substring(said.indexOf("object ") + "object ".length()).strip();
        long parts = (PayloadCipher.encryptedSize(size) + PART - 1) / PART;
        assertThat(s3.headObject(b -> b.bucket(bucket).key(key)).eTag()).endsWith("-" + parts + "\"");
    }

    @Test
    void aSourceThatFailsAfterSomePartsLeavesNoObjectAndNoUpload() {
        InputStream failing = new Generated(Long.MAX_VALUE, 2) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (delivered > 3L * PART) {
                    throw new IOException("connection reset by the back-end");
                }
                return super.read(b, off, len);
            }
        };

        assertThatThrownBy(() -> store.write(PayloadKind.ATTACHMENT, "cut.bin", "application/octet-stream", failing,
                Long.MAX_VALUE)).isInstanceOf(UncheckedIOException.class)
                .hasRootCauseMessage("connection reset by the back-end");

        assertThat(BucketContents.objects(s3, bucket)).isZero();
        assertThat(BucketContents.openUploads(s3, bucket)).as("the multipart upload was aborted").isZero();
    }

    @Test
    void aPayloadPastTheLimitAfterSomePartsLeavesNoObjectAndNoUpload() {
        long limit = 2L * PART + 1000;

        assertThatThrownBy(() -> store.write(PayloadKind.ATTACHMENT, "big.bin", "application/octet-stream",
                new Generated(limit + 1, 3), limit))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE));

        assertThat(BucketContents.objects(s3, bucket)).isZero();
        assertThat(BucketContents.openUploads(s3, bucket)).isZero();
    }

    @Test
    void theBucketHoldsCiphertextUnderTheIdAlone() {
        byte[] plain = "<epo>Ms Jane Example, born 1 May 1980</epo>".repeat(100).getBytes(StandardCharsets.UTF_8);
        PayloadRef ref = store.write(PayloadKind.BUSINESS_CONTENT, "jane-example.xml", "text/xml",
                new java.io.ByteArrayInputStream(plain), Long.MAX_VALUE);

        var listed = s3.listObjectsV2(b -> b.bucket(bucket)).contents();
        assertThat(listed).singleElement().satisfies(o -> assertThat(o.key()).isEqualTo("payloads/" + ref.payloadId()));
        byte[] atRest = s3.getObjectAsBytes(b -> b.bucket(bucket).key(S3PayloadStore.objectKey(ref.payloadId())))
                .asByteArray();
        assertThat(atRest).hasSize((int) PayloadCipher.encryptedSize(plain.length));
        assertThat(new String(atRest, StandardCharsets.ISO_8859_1)).doesNotContain("Jane").doesNotContain("epo");
    }

    @Test
    void aChangedObjectFailsItsReaderWithIntegrity() throws IOException {
        byte[] plain = new byte[200_000];
        new Random(4).nextBytes(plain);
        PayloadRef ref = store.write(PayloadKind.ATTACHMENT, "a.bin", "application/octet-stream",
                new java.io.ByteArrayInputStream(plain), Long.MAX_VALUE);
        String key = S3PayloadStore.objectKey(ref.payloadId());
        byte[] atRest = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
        atRest[atRest.length / 2] ^= 1; // one bit, in the second segment
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(atRest));

        assertThatThrownBy(() -> {
            try (InputStream in = store.open(ref)) {
                in.readAllBytes();
            }
        }).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_INTEGRITY));
    }

    @Test
    void anObjectCopiedOverAnotherFailsItsReaderWithIntegrity() {
        byte[] bytes = new byte[1000];
        PayloadRef one = store.write(PayloadKind.ATTACHMENT, "a.bin", "application/octet-stream",
                new java.io.ByteArrayInputStream(bytes), Long.MAX_VALUE);
        PayloadRef two = store.write(PayloadKind.ATTACHMENT, "b.bin", "application/octet-stream",
                new java.io.ByteArrayInputStream(bytes), Long.MAX_VALUE);
        byte[] first = s3.getObjectAsBytes(b -> b.bucket(bucket).key(S3PayloadStore.objectKey(one.payloadId())))
                .asByteArray();
        s3.putObject(b -> b.bucket(bucket).key(S3PayloadStore.objectKey(two.payloadId())), RequestBody.fromBytes(first));

        // the same plain bytes, so the digest alone would pass them: the id bound into each segment does not
        assertThatThrownBy(() -> {
            try (InputStream in = store.open(two)) {
                in.readAllBytes();
            }
        }).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_INTEGRITY));
    }

    @Test
    void aMissingBucketIsFoundAtStart() {
        S3PayloadStore elsewhere = new S3PayloadStore(s3, "no-such-bucket-" + bucket, new PayloadCipher(new byte[32]),
                PART);

        assertThatThrownBy(elsewhere::checkBucket).isInstanceOfSatisfying(UnusableBucket.class,
                e -> assertThat(e.problem()).isEqualTo(UnusableBucket.Problem.MISSING));
        store.checkBucket(); // and the bucket that is there passes
    }

    @Test
    void anEndpointNobodyAnswersIsFoundAtStart() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        try (S3Client nowhere = new ObjectStoreAccess(URI.create("http://127.0.0.1:" + closed), "us-east-1", true,
                "a", "b").client()) {
            S3PayloadStore store = new S3PayloadStore(nowhere, bucket, new PayloadCipher(new byte[32]), PART);

            assertThatThrownBy(store::checkBucket).isInstanceOfSatisfying(UnusableBucket.class,
                    e -> assertThat(e.problem()).isEqualTo(UnusableBucket.Problem.UNREACHABLE));
        }
    }

    /**
     * S3Mock accepts any credentials, so a refusal comes from a stand-in answering 403 as S3 answers a HEAD with a wrong
     * secret key (a HEAD answer has no body).
     */
    @Test
    void refusedCredentialsAreFoundAtStart() throws IOException {
        HttpServer refusing = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        refusing.createContext("/", exchange -> {
            exchange.sendResponseHeaders(403, -1);
            exchange.close();
        });
        refusing.start();
        try (S3Client wrong = new ObjectStoreAccess(URI.create("http://127.0.0.1:" + refusing.getAddress().getPort()),
                "us-east-1", true, "a", "wrong").client()) {
            S3PayloadStore store = new S3PayloadStore(wrong, bucket, new PayloadCipher(new byte[32]), PART);

            assertThatThrownBy(store::checkBucket).isInstanceOfSatisfying(UnusableBucket.class,
                    e -> assertThat(e.problem()).isEqualTo(UnusableBucket.Problem.REFUSED))
                    .hasMessage("payload bucket " + bucket + ": the object store refused the credentials or their "
                            + "rights on the bucket");
        } finally {
            refusing.stop(0);
        }
    }

    /** Pseudo-random bytes made as they are read: the source is never in memory. */
    private static class Generated extends InputStream {
        private final long length;
        private final Random random;
        long delivered;

        Generated(long length, long seed) {
            this.length = length;
            this.random = new Random(seed);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (delivered >= length) {
                return -1;
            }
            int n = (int) Math.min(Math.min(len, 64 * 1024), length - delivered);
            byte[] chunk = new byte[n];
            random.nextBytes(chunk);
            System.arraycopy(chunk, 0, b, off, n);
            delivered += n;
            return n;
        }
    }
}
