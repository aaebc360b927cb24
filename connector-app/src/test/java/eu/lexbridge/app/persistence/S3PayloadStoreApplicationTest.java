package eu.lexbridge.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.app.LexbridgeApplication;
import eu.lexbridge.app.TestConnectorSettings;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.PayloadStore;
import eu.lexbridge.persistence.S3PayloadStore;
import eu.lexbridge.persistence.s3server.S3Server;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A whole connector with its payloads in an S3-compatible bucket (S3Mock on loopback): a message submitted over REST
 * has its business content written to the bucket, read back to build the e-CODEX container, and the container and
 * token written there too; none lands on the disk, and every stored payload reads back with its digest.
 */
@SpringBootTest(classes = LexbridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// phase4 allows one AS4 identity per JVM: the next whole connector starts only once this one is closed
@DirtiesContext
class S3PayloadStoreApplicationTest {

    private static final String TOKEN = "s3-test-token";

    @TempDir
    static Path root;

    static String bucket;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PayloadStore payloads;

    @Autowired
    HealthContributorRegistry health;

    @DynamicPropertySource
    static void connector(DynamicPropertyRegistry registry) {
        TestConnectorSettings.register(registry, root, TOKEN);
        S3Server server = S3Server.get();
        bucket = server.newBucket();
        registry.add("lexbridge.payload-store.type", () -> "s3");
        registry.add("lexbridge.payload-store.s3.endpoint", () -> server.endpoint().toString());
        registry.add("lexbridge.payload-store.s3.bucket", () -> bucket);
        registry.add("lexbridge.payload-store.s3.path-style", () -> "true");
        registry.add("lexbridge.payload-store.s3.access-key", () -> S3Server.ACCESS_KEY);
        registry.add("lexbridge.payload-store.s3.secret-key", () -> S3Server.SECRET_KEY);
        registry.add("lexbridge.payload-store.s3.encryption-key",
                () -> Base64.getEncoder().encodeToString(new byte[32]));
    }

    @Test
    void aSubmittedMessagesPayloadsAreKeptInTheBucketAndReadFromIt() throws Exception {
        assertThat(payloads).isInstanceOf(S3PayloadStore.class);
        assertThat(((HealthIndicator) health.getContributor("payloadBucket")).health().getStatus())
                .isEqualTo(Status.UP);
        String content = "<epoc><order>" + UUID.randomUUID() + "</order></epoc>";

        HttpResponse<String> response = submit("""
                {"backendMessageId":"%s","service":"EEvidence","action":"EPOC","toPartyId":"de-court",
                 "originalSender":"AT/prosecutor","finalRecipient":"DE/court"}""".formatted(UUID.randomUUID()),
                content);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        UUID id = UUID.fromString(response.body().replaceAll(".*\"connectorMessageId\":\"([^\"]+)\".*", "$1"));
        awaitState(id, "ACCEPTED"); // the container was built from the business content read back from the bucket

        List<PayloadRef> stored = jdbc.query("select payload_id, kind, name, mime_type, size_bytes, sha256 "
                + "from lb_payload where message_id = ?", (rs, i) -> new PayloadRef(rs.getString(1),
                PayloadKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6)), id);
        assertThat(stored).extracting(PayloadRef::kind)
                .contains(PayloadKind.BUSINESS_CONTENT, PayloadKind.CONTAINER, PayloadKind.TRUST_TOKEN);
        try (S3Client s3 = S3Server.get().client()) {
            List<String> keys = s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
                    .map(o -> o.key()).toList();
            assertThat(keys).containsAll(stored.stream().map(p -> S3PayloadStore.objectKey(p.payloadId())).toList());
        }
        for (PayloadRef ref : stored) {
            try (InputStream in = payloads.open(ref)) {
                byte[] bytes = in.readAllBytes(); // the digest is checked at the end
                if (ref.kind() == PayloadKind.BUSINESS_CONTENT) {
                    assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(content);
                }
            }
        }
        Path payloadDirectory = root.resolve("data").resolve("payloads");
        if (Files.exists(payloadDirectory)) {
            try (var files = Files.walk(payloadDirectory)) {
                assertThat(files.filter(Files::isRegularFile)).as("nothing in the payload directory").isEmpty();
            }
        }
    }

    private HttpResponse<String> submit(String metadata, String xml) throws Exception {
        String boundary = "b" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + metadata + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"businessContent\"; filename=\"c.xml\""
                + "\r\nContent-Type: application/xml\r\n\r\n" + xml + "\r\n--" + boundary + "--\r\n";
        return TestConnectorSettings.httpsClient(root).send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/api/v1/messages"))
                        .header("Authorization", "Bearer " + TOKEN)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void awaitState(UUID id, String state) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        List<String> states = List.of();
        while (Instant.now().isBefore(deadline)) {
            states = jdbc.queryForList("select state from lb_message where id = ?", String.class, id);
            if (states.equals(List.of(state))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("message " + id + " did not reach " + state + ": "
                + states.stream().collect(Collectors.joining(", ")));
    }
}
