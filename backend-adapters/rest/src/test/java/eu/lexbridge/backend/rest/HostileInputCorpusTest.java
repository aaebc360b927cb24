package eu.lexbridge.backend.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.lexbridge.core.testkit.InMemoryConnector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The hostile-input corpus of the REST back-end API on the public port: one row per class of hostile or malformed
 * request. Each row sends the request over real HTTP on loopback and checks the answer (status, RFC 9457 problem,
 * code, field) and that nothing changed: no message row, no payload, no queue message.
 */
class HostileInputCorpusTest extends ApiTestSupport {

    private static final String BOUNDARY = "corpus-boundary-0f3c";
    private static final String MESSAGES = "/api/v1/messages";
    private static final String RECORDS = "/api/v1/records";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    /** What a row sends; it may prepare state first (which then counts as the state that must not change). */
    @FunctionalInterface
    interface Request {
        Answer send(HostileInputCorpusTest test) throws Exception;
    }

    /** An HTTP answer as it came off the wire. */
    record Answer(int status, String contentType, String body) {
    }

    /**
     * @param input what is sent
     * @param status the expected HTTP status
     * @param code the expected problem code
     * @param field the expected problem field, or {@code null} when the problem names none
     */
    record Row(String input, Request request, int status, String code, String field) {
        @Override
        public String toString() {
            return input;
        }
    }

    static Stream<Row> corpus() {
        String longName = "n".repeat(252) + ".pdf"; // 256 characters
        return Stream.of(
                // -- authentication and isolation (handled before; kept handled)
                new Row("submission without a bearer token",
                        t -> t.multipart(null, t.validParts(List.of())), 401, "LB-1200", null),
                new Row("submission with a wrong bearer token",
                        t -> t.multipart("wrong-token-0000000000", t.validParts(List.of())), 401, "LB-1200", null),
                new Row("reading another back-end's message",
                        t -> t.fetch(COURT_A, MESSAGES + "/" + t.messageOfCourtB()), 404, "LB-1100", "messageId"),
                // -- metadata and business content (handled before; kept handled)
                new Row("metadata that is not JSON",
                        t -> t.multipart(COURT_A, List.of(jsonField("{\"backendMessageId\": x"), content(XML))),
                        400, "LB-1008", "metadata"),
                new Row("metadata missing a required field",
                        t -> t.multipart(COURT_A, List.of(jsonField(metadata("m-1")
                                .replace(",\"finalRecipient\":\"urn:authority:de-court\"", "")), content(XML))),
                        400, "LB-1001", "finalRecipient"),
                new Row("business content that is not well-formed XML",
                        t -> t.multipart(COURT_A, List.of(jsonField(metadata("m-1")),
                                content("<EPOForm><unclosed></EPOForm>".getBytes(StandardCharsets.UTF_8)))),
                        400, "LB-1003", "businessContent"),
                new Row("business content with a DOCTYPE and an entity bomb",
                        t -> t.multipart(COURT_A, List.of(jsonField(metadata("m-1")), content(("<?xml version=\"1.0\"?>"
                                + "<!DOCTYPE b [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                                + "<b>&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;</b>").getBytes(StandardCharsets.UTF_8)))),
                        400, "LB-1003", "businessContent"),
                new Row("a part above the connector's payload limit",
                        t -> t.multipart(COURT_A, t.validParts(List.of(file("attachments", "big.bin",
                                "application/octet-stream", new byte[(int) InMemoryConnector.MAX_PAYLOAD_BYTES + 1])))),
                        413, "LB-1007", "attachments[0]"),
                // -- part file names and content types (new: were 500 or accepted and refused later)
                new Row("a file name of 256 characters",
                        t -> t.multipart(COURT_A, t.validParts(List.of(attachment(longName)))),
                        400, "LB-1002", "attachments[0]"),
                new Row("a file name of 128 two-byte characters (256 bytes)",
                        t -> t.multipart(COURT_A, t.validParts(List.of(attachment("é".repeat(128))))),
                        400, "LB-1002", "attachments[0]"),
                new Row("a content type of 256 characters",
                        t -> t.multipart(COURT_A, t.validParts(List.of(file("attachments", "a.bin",
                                "application/x-" + "a".repeat(242), new byte[] {1})))),
                        400, "LB-1002", "attachments[0]"),
                new Row("a content type that is not a MIME type",
                        t -> t.multipart(COURT_A, t.validParts(List.of(file("attachments", "a.bin",
                                "not a mime type", new byte[] {1})))),
                        400, "LB-1002", "attachments[0]"),
                new Row("the file name '.'",
                        t -> t.multipart(COURT_A, t.validParts(List.of(attachment(".")))),
                        400, "LB-1002", "attachments[0]"),
                new Row("the file name 'foo/..' (its last segment is '..')",
                        t -> t.multipart(COURT_A, t.validParts(List.of(attachment("foo/..")))),
                        400, "LB-1002", "attachments[0]"),
                new Row("the file name 'a:b.pdf'",
                        t -> t.multipart(COURT_A, t.validParts(List.of(attachment("a:b.pdf")))),
                        400, "LB-1002", "attachments[0]"),
                new Row("a file name with CR LF (RFC 5987 encoded)",
                        t -> t.multipart(COURT_A, t.validParts(List.of(new Field("Content-Disposition: form-data; "
                                + "name=\"attachments\"; filename*=UTF-8''a%0D%0Ab.pdf\r\n"
                                + "Content-Type: application/pdf", new byte[] {1})))),
                        400, "LB-1002", "attachments[0]"),
                new Row("a file name with a right-to-left override",
                        t -> t.multipart(COURT_A, t.validParts(List.of(new Field("Content-Disposition: form-data; "
                                + "name=\"attachments\"; filename*=UTF-8''annex%E2%80%AEfdp.exe\r\n"
                                + "Content-Type: application/pdf", new byte[] {1})))),
                        400, "LB-1002", "attachments[0]"),
                new Row("an attachment named like the container's TrustOkToken.pdf",
                        t -> t.multipart(COURT_A, t.validParts(List.of(attachment("trustoktoken.PDF")))),
                        400, "LB-1002", "attachments[0]"),
                new Row("two attachments whose names differ only in case",
                        t -> t.multipart(COURT_A, t.validParts(List.of(attachment("Annex.pdf"),
                                attachment("annex.PDF")))),
                        400, "LB-1002", "attachments[1]"),
                new Row("an attachment named like the business document",
                        t -> t.multipart(COURT_A, t.validParts(List.of(file("businessDocument", "order.pdf",
                                "application/pdf", new byte[] {1}), attachment("order.pdf")))),
                        400, "LB-1002", "attachments[0]"),
                new Row("a part header section over Tomcat's limit (a 1000-character file name)",
                        t -> t.multipart(COURT_A, t.validParts(List.of(attachment("n".repeat(1000))))),
                        400, "LB-1008", null),
                // -- part count (new: 48 accepted and refused by the receiver, 49 a 413 naming the size)
                new Row("one attachment more than the limit",
                        t -> t.multipart(COURT_A, t.validParts(attachments(
                                eu.lexbridge.core.flow.Submission.MAX_ATTACHMENTS + 1))),
                        413, "LB-1009", "attachments"),
                new Row("more parts than the server parses at all (60)",
                        t -> t.multipart(COURT_A, t.validParts(attachments(58))), 413, "LB-1009", "attachments"),
                new Row("a body that is not multipart despite its header (no part can be read)",
                        t -> t.send(COURT_A, "POST", MESSAGES, "multipart/form-data; boundary=" + BOUNDARY,
                                "no parts here at all".getBytes(StandardCharsets.UTF_8)), 400, "LB-1001", "metadata"),
                new Row("a multipart body whose part never ends",
                        t -> t.send(COURT_A, "POST", MESSAGES, "multipart/form-data; boundary=" + BOUNDARY,
                                ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n{")
                                        .getBytes(StandardCharsets.UTF_8)), 400, "LB-1008", null),
                // -- error path and Tomcat-level refusals (new: were 500 or Tomcat's HTML page)
                new Row("GET /error", t -> t.fetch(COURT_A, "/error"), 404, "LB-1008", null),
                new Row("GET /error without a token", t -> t.fetch(null, "/error"), 404, "LB-1008", null),
                new Row("GET /error as a browser asks (Accept: text/html)",
                        t -> t.raw("GET /error HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                                + "Connection: close\r\n\r\n"), 404, "LB-1008", null),
                new Row("an encoded '/' in the path",
                        t -> t.raw("GET " + MESSAGES + "/a%2Fb HTTP/1.1\r\nHost: localhost\r\n"
                                + "Authorization: Bearer " + COURT_A + "\r\nConnection: close\r\n\r\n"),
                        400, "LB-1008", null),
                new Row("a message id of 10,000 characters",
                        t -> t.raw("GET " + MESSAGES + "/" + "1".repeat(10_000) + " HTTP/1.1\r\nHost: localhost\r\n"
                                + "Authorization: Bearer " + COURT_A + "\r\nConnection: close\r\n\r\n"),
                        400, "LB-1008", null),
                new Row("a header of 20,000 characters",
                        t -> t.raw("GET " + MESSAGES + " HTTP/1.1\r\nHost: localhost\r\nX-Filler: "
                                + "x".repeat(20_000) + "\r\nConnection: close\r\n\r\n"),
                        400, "LB-1008", null),
                // -- transmission records (the case record)
                new Row("a record body of 20 KiB",
                        t -> t.send(COURT_A, "POST", RECORDS, "application/json", ("{\"note\":\""
                                + "n".repeat(20 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8)),
                        413, "LB-1007", null),
                new Row("a record body nested 5,000 deep",
                        t -> t.send(COURT_A, "POST", RECORDS, "application/json",
                                ("{\"contentHash\":" + "[".repeat(5000) + "]".repeat(5000) + "}")
                                        .getBytes(StandardCharsets.UTF_8)),
                        400, "LB-1008", "contentHash"),
                new Row("a record that is not JSON",
                        t -> t.send(COURT_A, "POST", RECORDS, "application/json",
                                "conversationId=1&sender=x".getBytes(StandardCharsets.UTF_8)),
                        400, "LB-1008", null),
                new Row("a record as a form",
                        t -> t.send(COURT_A, "POST", RECORDS, "application/x-www-form-urlencoded",
                                "conversationId=1".getBytes(StandardCharsets.UTF_8)),
                        415, "LB-1008", null),
                new Row("a record with a field of another type",
                        t -> t.send(COURT_A, "POST", RECORDS, "application/json",
                                "{\"fileSize\":\"three gigabytes\"}".getBytes(StandardCharsets.UTF_8)),
                        400, "LB-1008", "fileSize"),
                new Row("a record into another back-end's conversation",
                        t -> t.send(COURT_A, "POST", RECORDS, "application/json", t.recordInto(
                                t.conversationOfCourtB())), 404, "LB-1102", "conversationId"),
                new Row("deleting a record", t -> t.send(COURT_A, "DELETE", RECORDS + "/" + UUID.randomUUID(),
                        null, null), 409, "LB-1302", null),
                new Row("a record id of 10,000 characters",
                        t -> t.fetch(COURT_A, RECORDS + "/" + "1".repeat(10_000)), 400, "LB-1008", null),
                new Row("a malformed request line",
                        t -> t.raw("GET /api/v1/mess ages HTTP/1.1 trailing\r\nHost: localhost\r\n"
                                + "Connection: close\r\n\r\n"),
                        400, "LB-1008", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithAProblemAndChangesNothing(Row row) throws Exception {
        Answer answer = row.request().send(this);
        // State a row prepared (a court-b message) is part of the "before"; the row's own request adds nothing.
        int messagesBefore = prepared;
        assertThat(answer.status()).as(answer.body()).isEqualTo(row.status());
        assertThat(answer.contentType()).as(answer.body()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(row.status());
        assertThat(problem.get("code").asText()).isEqualTo(row.code());
        assertThat(problem.get("type").asText()).isEqualTo("https://lexbridge.eu/problems/" + row.code());
        assertThat(problem.get("detail").asText()).isNotBlank();
        if (row.field() == null) {
            assertThat(problem.has("field")).as(answer.body()).isFalse();
        } else {
            assertThat(problem.get("field").asText()).isEqualTo(row.field());
        }
        String lower = answer.body().toLowerCase(Locale.ROOT);
        assertThat(lower).doesNotContain("tomcat", "exception", "<html", "java.", "eu.lexbridge");
        assertThat(store.all()).as("no message row").hasSize(messagesBefore);
        assertThat(payloads.count()).as("no payload").isEqualTo(preparedPayloads);
        assertThat(bus.published()).as("no queue message").hasSize(messagesBefore);
        assertThat(connector.transmissionRecords().inConversation(preparedConversation == null ? ""
                : preparedConversation)).as("no record").isEmpty();
    }

    // ---- requests

    private int prepared;
    private int preparedPayloads;
    private String preparedConversation;

    /** The conversation of a message court-b submitted. */
    private String conversationOfCourtB() {
        UUID id = messageOfCourtB();
        preparedConversation = store.find(id).orElseThrow().conversationId();
        return preparedConversation;
    }

    /** A complete record into {@code conversationId}. */
    private byte[] recordInto(String conversationId) {
        return ("""
                {"conversationId":"%s","transmittedAt":"2026-01-01T00:00:00Z","sender":"a","recipient":"b",
                 "fileName":"f.zip","fileSize":1,"reason":"data-size","channel":"courier",
                 "contentHash":{"algorithm":"SHA-256","value":"%s"},"instrument":"E-EVIDENCE","form":"EPOC"}"""
                .formatted(conversationId, "ab".repeat(32))).getBytes(StandardCharsets.UTF_8);
    }

    /** A message court-b submitted, whose id court-a must not reach. */
    private UUID messageOfCourtB() {
        var response = submit(COURT_B, form(metadata("b-1"), XML));
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        prepared = store.all().size();
        preparedPayloads = payloads.count();
        return UUID.fromString(json(response).get("connectorMessageId").asText());
    }

    /** A multipart part: its header lines, then its bytes. */
    record Field(String headers, byte[] bytes) {
    }

    static Field jsonField(String json) {
        return new Field("Content-Disposition: form-data; name=\"metadata\"\r\nContent-Type: application/json",
                json.getBytes(StandardCharsets.UTF_8));
    }

    static Field content(byte[] xml) {
        return file("businessContent", "form-a.xml", "application/xml", xml);
    }

    static Field file(String part, String fileName, String contentType, byte[] bytes) {
        return new Field("Content-Disposition: form-data; name=\"" + part + "\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + contentType, bytes);
    }

    static Field attachment(String fileName) {
        return file("attachments", fileName, "application/pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII));
    }

    static List<Field> attachments(int count) {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            fields.add(attachment("annex-" + i + ".pdf"));
        }
        return fields;
    }

    /** Valid metadata and content, then {@code more}. */
    List<Field> validParts(List<Field> more) {
        List<Field> fields = new ArrayList<>(List.of(jsonField(metadata("m-" + UUID.randomUUID())), content(XML)));
        fields.addAll(more);
        return fields;
    }

    Answer multipart(String token, List<Field> fields) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Field field : fields) {
            body.write(("--" + BOUNDARY + "\r\n" + field.headers() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(field.bytes());
            body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return send(token, "POST", MESSAGES, "multipart/form-data; boundary=" + BOUNDARY, body.toByteArray());
    }

    Answer fetch(String token, String path) throws Exception {
        return send(token, "GET", path, null, null);
    }

    Answer send(String token, String method, String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    /** Bytes straight onto the socket, for what an HTTP client would not send. */
    Answer raw(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int headEnd = response.indexOf("\r\n\r\n");
            String head = headEnd < 0 ? response : response.substring(0, headEnd);
            String body = headEnd < 0 ? "" : response.substring(headEnd + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            String contentType = head.lines()
                    .filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-type:"))
                    .map(l -> l.substring("content-type:".length()).strip()).findFirst().orElse("");
            if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            return new Answer(status, contentType, body);
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }
}
