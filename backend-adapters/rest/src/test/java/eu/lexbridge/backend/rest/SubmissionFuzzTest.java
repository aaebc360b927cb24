package eu.lexbridge.backend.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Coverage-guided fuzzing of a submission's multipart request as the real server parses it (issue 8, Deliver 8):
 * whatever the parts, names, file names, content types and metadata, the answer is 201 or a 4xx RFC 9457 problem
 * that names nothing internal, and a refused request stores nothing. A longer run: {@code JAZZER_FUZZ=1 ./mvnw -pl
 * backend-adapters -am test -Dtest=SubmissionFuzzTest -Djazzer.max_duration=10m -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SubmissionFuzzTest extends ApiTestSupport {

    private static final List<String> PART_NAMES = List.of("metadata", "businessContent", "businessDocument",
            "attachments", "detachedSignature");
    private static final List<String> TYPES = List.of("application/json", "application/xml", "application/pdf",
            "text/plain", "application/octet-stream");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @FuzzTest(maxDuration = "20s")
    void submit(FuzzedDataProvider data) throws IOException, InterruptedException {
        // Jazzer's SSRF detector flags every connection; the ones to our own server on loopback are the test (the
        // server's own threads make some too), so they stay allowed for the whole run.
        BugDetectors.allowNetworkConnections((host, to) -> to == port
                && ("127.0.0.1".equals(host) || "localhost".equals(host)));
        String boundary = data.consumeBoolean() ? "lexbridge-fuzz-boundary" : data.consumeAsciiString(80);
        byte[] body = data.consumeBoolean() ? multipart(data, boundary) : data.consumeRemainingAsBytes();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/messages"))
                    .timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + COURT_A)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        } catch (IllegalArgumentException notSendable) {
            return; // a header value the HTTP client itself will not send
        }
        int messagesBefore = store.all().size();
        int payloadsBefore = payloads.count();

        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isIn(201, 400, 401, 403, 404, 409, 413, 415, 422);
        if (response.statusCode() != 201) {
            assertThat(response.headers().firstValue("Content-Type")).get().asString()
                    .startsWith("application/problem+json");
            assertThat(response.body()).doesNotContain("java.", "Exception", "org.apache", "<html", "eu.lexbridge");
            assertThat(store.all()).hasSize(messagesBefore);
            assertThat(payloads.count()).isEqualTo(payloadsBefore);
        }
    }

    /** A multipart body of up to six parts, mostly with the expected names and a well-formed metadata part. */
    private static byte[] multipart(FuzzedDataProvider data, String boundary) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int parts = data.consumeInt(0, 6);
        for (int i = 0; i < parts; i++) {
            String name = data.consumeBoolean() ? data.pickValue(PART_NAMES) : data.consumeString(40);
            String fileName = data.consumeBoolean() ? null : data.consumeString(300);
            String type = data.consumeBoolean() ? data.pickValue(TYPES) : data.consumeString(300);
            byte[] content = "metadata".equals(name) && data.consumeBoolean()
                    ? metadata(data.consumeString(300), data.consumeString(60)).getBytes(StandardCharsets.UTF_8)
                    : data.consumeBytes(data.consumeInt(0, 2048));
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                    + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\nContent-Type: " + type
                    + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String metadata(String backendMessageId, String toPartyId) {
        return """
                {"backendMessageId":%s,"service":"EPO","action":"Form_A","toPartyId":%s,
                 "originalSender":"urn:authority:at-prosecutor","finalRecipient":"urn:authority:de-court"}"""
                .formatted(quoted(backendMessageId), quoted(toPartyId));
    }

    private static String quoted(String value) {
        return JSON.getNodeFactory().textNode(value).toString();
    }
}
