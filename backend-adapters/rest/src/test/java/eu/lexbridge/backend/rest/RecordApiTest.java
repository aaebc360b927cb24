package eu.lexbridge.backend.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.lexbridge.core.port.SecurityEvents;
import eu.lexbridge.core.testkit.RecordingSecurityEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Transmissions made outside the system, recorded through the REST API (Reg (EU) 2023/1543 Art 19(6)): kept with every
 * field, in the conversation's timeline, never changed; a bad record is refused with its field named and leaves
 * nothing behind.
 */
class RecordApiTest extends ApiTestSupport {

    @Autowired RecordingSecurityEvents security;

    private String conversationId;
    private String messageId;
    private Instant transmittedAt;

    @BeforeEach
    void aSubmittedMessage() {
        JsonNode submitted = json(submit(COURT_A, form(metadata("REC-" + UUID.randomUUID()), XML)));
        conversationId = submitted.get("conversationId").asText();
        messageId = submitted.get("connectorMessageId").asText();
        transmittedAt = connector.clock().instant().minus(Duration.ofHours(2));
        security.clear();
    }

    private ObjectNode record() {
        ObjectNode record = JSON.createObjectNode();
        record.put("conversationId", conversationId);
        record.put("relatedMessageId", messageId);
        record.put("transmittedAt", transmittedAt.toString());
        record.put("sender", "AT/Staatsanwaltschaft Wien");
        record.put("recipient", "DE/Example Hosting GmbH, Berlin");
        record.put("fileName", "production-2026-0042.zip");
        record.put("fileSize", 3_221_225_472L);
        record.put("reason", "data-size");
        record.put("channel", "encrypted disk by courier");
        record.putObject("contentHash").put("algorithm", "sha256").put("value", "AB".repeat(32));
        record.put("instrument", "E-EVIDENCE");
        record.put("form", "EPOC data");
        record.put("operator", "clerk 4711");
        return record;
    }

    private ResponseEntity<String> post(String token, ObjectNode record) {
        return postJson(token, "/api/v1/records", record.toString());
    }

    @Test
    void aRecordIsSealedKeptAndInTheConversationsTimeline() {
        ResponseEntity<String> response = post(COURT_A, record());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode kept = json(response);
        String recordId = kept.get("recordId").asText();
        assertThat(response.getHeaders().getLocation()).hasToString("/api/v1/records/" + recordId);
        assertThat(kept.get("conversationId").asText()).isEqualTo(conversationId);
        assertThat(kept.get("transmittedAt").asText()).isEqualTo(transmittedAt.toString());
        assertThat(kept.get("fileSize").asLong()).isEqualTo(3_221_225_472L);
        assertThat(kept.get("reason").asText()).isEqualTo("data-size");
        assertThat(kept.get("reasonText").asText()).contains("Art 19(5)");
        // the algorithm as the JDK names it, the digest in lower case
        assertThat(kept.at("/contentHash/algorithm").asText()).isEqualTo("SHA-256");
        assertThat(kept.at("/contentHash/value").asText()).isEqualTo("ab".repeat(32));
        assertThat(json(get(COURT_A, "/api/v1/records/" + recordId))).isEqualTo(kept);

        ResponseEntity<byte[]> document = download(COURT_A, kept.get("document").asText());
        assertThat(document.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_XML);
        String xml = new String(document.getBody(), StandardCharsets.UTF_8);
        assertThat(xml).contains("<RecordId>" + recordId + "</RecordId>", "<FileName>production-2026-0042.zip<",
                "<Reason code=\"data-size\">", "<RecordedBy>court-a</RecordedBy>");

        JsonNode timeline = json(get(COURT_A, kept.get("timeline").asText()));
        assertThat(timeline.get("conversationId").asText()).isEqualTo(conversationId);
        List<String> kinds = timeline.get("entries").findValuesAsText("kind");
        assertThat(kinds).containsSubsequence("MESSAGE", "STATE").contains("TRANSMISSION");
        JsonNode transmission = timeline.get("entries").findParents("kind").stream()
                .filter(e -> e.get("kind").asText().equals("TRANSMISSION")).findFirst().orElseThrow();
        assertThat(transmission.get("subject").asText()).isEqualTo(recordId);
        assertThat(transmission.get("detail").asText()).contains("production-2026-0042.zip", "encrypted disk");
        // in time order: the transmission two hours before the message was submitted comes first
        assertThat(kinds.get(0)).isEqualTo("TRANSMISSION");
        assertThat(timeline.at("/records/0/recordId").asText()).isEqualTo(recordId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"transmittedAt", "sender", "recipient", "fileName", "fileSize",
            "reason", "channel", "contentHash", "instrument", "form"})
    void aRecordWithoutAMandatoryFieldIsRefusedNamingItAndNothingIsKept(String field) {
        ObjectNode record = record();
        record.remove(field);

        ResponseEntity<String> response = post(COURT_A, record);

        assertProblem(response, HttpStatus.BAD_REQUEST, "LB-1001",
                field.equals("contentHash") ? "contentHash.algorithm" : field);
        assertThat(connector.transmissionRecords().inConversation(conversationId)).isEmpty();
    }

    @Test
    void aTransmissionInTheFutureIsRefused() {
        ObjectNode record = record().put("transmittedAt",
                connector.clock().instant().plus(Duration.ofHours(1)).toString());

        assertProblem(post(COURT_A, record), HttpStatus.BAD_REQUEST, "LB-1002", "transmittedAt");
        assertThat(connector.transmissionRecords().inConversation(conversationId)).isEmpty();
    }

    @Test
    void badValuesAreRefusedNamingTheirField() {
        assertProblem(post(COURT_A, record().put("transmittedAt", "yesterday")), HttpStatus.BAD_REQUEST, "LB-1002",
                "transmittedAt");
        assertProblem(post(COURT_A, record().put("reason", "convenience")), HttpStatus.BAD_REQUEST, "LB-1002",
                "reason");
        ObjectNode sha1 = record();
        sha1.putObject("contentHash").put("algorithm", "SHA-1").put("value", "ab".repeat(20));
        assertProblem(post(COURT_A, sha1), HttpStatus.BAD_REQUEST, "LB-1002", "contentHash.algorithm");
        ObjectNode shortHash = record();
        shortHash.putObject("contentHash").put("algorithm", "SHA-256").put("value", "ab");
        assertProblem(post(COURT_A, shortHash), HttpStatus.BAD_REQUEST, "LB-1002", "contentHash.value");
        assertProblem(post(COURT_A, record().put("fileSize", -1)), HttpStatus.BAD_REQUEST, "LB-1002", "fileSize");
        assertProblem(post(COURT_A, record().put("sender", "AT\nforged line")), HttpStatus.BAD_REQUEST, "LB-1002",
                "sender");
        assertProblem(post(COURT_A, record().put("fileNmae", "x.zip")), HttpStatus.BAD_REQUEST, "LB-1002",
                "fileNmae");
        assertProblem(post(COURT_A, record().put("relatedMessageId", UUID.randomUUID().toString())),
                HttpStatus.BAD_REQUEST, "LB-1002", "relatedMessageId");
        assertProblem(post(COURT_A, record().put("corrects", UUID.randomUUID().toString())),
                HttpStatus.BAD_REQUEST, "LB-1002", "corrects");
        assertProblem(postJson(COURT_A, "/api/v1/records", "{\"sender\": secret"), HttpStatus.BAD_REQUEST,
                "LB-1008", null);
        assertThat(connector.transmissionRecords().inConversation(conversationId)).isEmpty();
    }

    @Test
    void anUnknownConversationOrAnotherBackEndsIsRefusedAlike() {
        assertProblem(post(COURT_A, record().put("conversationId", "no-such-conversation")), HttpStatus.NOT_FOUND,
                "LB-1102", "conversationId");
        assertProblem(post(COURT_B, record()), HttpStatus.NOT_FOUND, "LB-1102", "conversationId");
        assertThat(get(COURT_B, "/api/v1/conversations/" + conversationId + "/timeline").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        String recordId = json(post(COURT_A, record())).get("recordId").asText();
        assertProblem(get(COURT_B, "/api/v1/records/" + recordId), HttpStatus.NOT_FOUND, "LB-1103", null);
        // word for word the answer for a record that never existed
        assertThat(json(get(COURT_B, "/api/v1/records/" + recordId)).get("detail"))
                .isEqualTo(json(get(COURT_B, "/api/v1/records/" + UUID.randomUUID())).get("detail"));
        assertProblem(get(COURT_B, "/api/v1/records/" + recordId + "/document"), HttpStatus.NOT_FOUND, "LB-1103",
                null);
        assertThat(json(get(COURT_B, "/api/v1/conversations/" + conversationId + "/timeline")).get("detail"))
                .isEqualTo(json(get(COURT_B, "/api/v1/conversations/none/timeline")).get("detail"));
        assertThat(get(null, "/api/v1/records/" + recordId).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aRecordCannotBeChangedOrDeletedAndTheAttemptIsASecurityEvent() {
        JsonNode kept = json(post(COURT_A, record()));
        String path = "/api/v1/records/" + kept.get("recordId").asText();

        for (HttpMethod method : List.of(HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
            var headers = bearer(COURT_A);
            headers.setContentType(MediaType.APPLICATION_JSON);
            ResponseEntity<String> response = http.exchange(path, method,
                    new HttpEntity<>(record().put("fileSize", 1).toString(), headers), String.class);
            assertProblem(response, HttpStatus.CONFLICT, "LB-1302", null);
        }

        assertThat(json(get(COURT_A, path))).isEqualTo(kept);
        assertThat(security.of(SecurityEvents.Kind.RECORD_CHANGE_REFUSED)).hasSize(3)
                .allSatisfy(event -> assertThat(event.detail()).contains("court-a", kept.get("recordId").asText()));
    }

    @Test
    void recordingAgainWithTheSameBackEndIdAnswersTheFirstRecordAndAnotherTransmissionIsAConflict() {
        String backendRecordId = "OFF-" + UUID.randomUUID();
        JsonNode first = json(post(COURT_A, record().put("backendRecordId", backendRecordId)));

        ResponseEntity<String> again = post(COURT_A, record().put("backendRecordId", backendRecordId));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(json(again)).isEqualTo(first);

        assertProblem(post(COURT_A, record().put("backendRecordId", backendRecordId).put("fileSize", 7)),
                HttpStatus.CONFLICT, "LB-1012", "backendRecordId");
        assertThat(connector.transmissionRecords().inConversation(conversationId)).hasSize(1);
    }

    @Test
    void aCorrectionIsANewRecordThatNamesTheOld() {
        String wrong = json(post(COURT_A, record().put("fileSize", 3))).get("recordId").asText();

        JsonNode correction = json(post(COURT_A, record().put("corrects", wrong)));

        assertThat(correction.get("corrects").asText()).isEqualTo(wrong);
        JsonNode timeline = json(get(COURT_A, "/api/v1/conversations/" + conversationId + "/timeline"));
        assertThat(timeline.get("records").findValuesAsText("recordId"))
                .containsExactly(wrong, correction.get("recordId").asText());
        assertThat(timeline.get("entries").findValuesAsText("title")).contains("correction of record " + wrong);
    }

    @Test
    void aConversationExportsAsOneContainerWithEveryFileUnderItsSeal() throws Exception {
        String recordId = json(post(COURT_A, record())).get("recordId").asText();

        ResponseEntity<byte[]> export = download(COURT_A, "/api/v1/conversations/" + conversationId + "/export");

        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(export.getHeaders().getContentType()).hasToString("application/vnd.etsi.asic-e+zip");
        assertThat(export.getHeaders().getContentDisposition().getFilename()).isEqualTo("case-" + conversationId
                + ".asice");
        java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(export.getBody()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), zip.readAllBytes());
            }
        }
        assertThat(files.keySet()).first().isEqualTo("mimetype");
        assertThat(new String(files.get("mimetype"), StandardCharsets.US_ASCII))
                .isEqualTo("application/vnd.etsi.asic-e+zip");
        assertThat(files).containsKeys("messages/" + messageId + ".xml", "records/" + recordId + ".xml", "case.xml",
                "META-INF/signatures.xml");
        assertThat(new String(files.get("case.xml"), StandardCharsets.UTF_8))
                .contains("<Conversation>" + conversationId + "</Conversation>", "kind=\"TRANSMISSION\"");
        assertThat(new String(files.get("messages/" + messageId + ".xml"), StandardCharsets.UTF_8))
                .contains("<ConnectorMessageId>" + messageId + "</ConnectorMessageId>").doesNotContain("4711");
        // the seal covers every file but itself and the mimetype, each by its digest (the real seal: the app's test)
        String signatures = new String(files.get("META-INF/signatures.xml"), StandardCharsets.UTF_8);
        for (var file : files.entrySet()) {
            if (!file.getKey().equals("mimetype") && !file.getKey().startsWith("META-INF/")) {
                assertThat(signatures).contains("<File name=\"" + file.getKey() + "\" sha256=\""
                        + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(file.getValue())) + "\"/>");
            }
        }

        assertProblem(get(COURT_B, "/api/v1/conversations/" + conversationId + "/export"), HttpStatus.NOT_FOUND,
                "LB-1102", "conversationId");
    }

    @Test
    void aRecordWithoutAConversationStartsOneThatASubmissionThenContinues() {
        ObjectNode first = record();
        first.remove("conversationId");
        first.remove("relatedMessageId");

        JsonNode kept = json(post(COURT_A, first));
        String started = kept.get("conversationId").asText();
        assertThat(started).isNotBlank().isNotEqualTo(conversationId);
        assertThat(json(get(COURT_A, "/api/v1/conversations/" + started + "/timeline")).get("entries")
                .findValuesAsText("kind")).containsExactly("TRANSMISSION");
        assertThat(get(COURT_B, "/api/v1/conversations/" + started + "/timeline").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        String metadata = """
                {"backendMessageId":"%s","conversationId":"%s","service":"EPO","action":"Form_A","toPartyId":"DE",
                 "originalSender":"urn:authority:at-prosecutor","finalRecipient":"urn:authority:de-court"}"""
                .formatted("REC-" + UUID.randomUUID(), started);
        assertThat(submit(COURT_A, form(metadata, XML)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(json(get(COURT_A, "/api/v1/conversations/" + started + "/timeline")).get("entries")
                .findValuesAsText("kind")).contains("TRANSMISSION", "MESSAGE");
    }

    @Test
    void aPayloadTooLargeForTheSystemIsRefusedWithTheRecordBegunAndOneCallRecordsIt() throws Exception {
        String metadata = """
                {"backendMessageId":"%s","conversationId":"%s","service":"EPO","action":"Form_A","toPartyId":"DE",
                 "originalSender":"urn:authority:at-prosecutor","finalRecipient":"urn:authority:de-court"}"""
                .formatted("BIG-" + UUID.randomUUID(), conversationId);
        var form = form(metadata, XML);
        form.add("attachments", filePart("evidence-package.zip", "application/zip",
                new byte[(int) eu.lexbridge.core.testkit.InMemoryConnector.MAX_PAYLOAD_BYTES + 1]));

        ResponseEntity<String> refused = submit(COURT_A, form);

        assertProblem(refused, HttpStatus.PAYLOAD_TOO_LARGE, "LB-1007", "attachments[0]");
        JsonNode problem = json(refused);
        assertThat(problem.get("detail").asText()).contains("POST /api/v1/records");
        assertThat(problem.at("/recordTransmission/href").asText()).isEqualTo("/api/v1/records");
        ObjectNode begun = (ObjectNode) problem.at("/recordTransmission/record");
        assertThat(begun.get("conversationId").asText()).isEqualTo(conversationId);
        assertThat(begun.get("fileName").asText()).isEqualTo("evidence-package.zip");
        assertThat(begun.get("sender").asText()).isEqualTo("urn:authority:at-prosecutor");
        assertThat(begun.get("recipient").asText()).isEqualTo("urn:authority:de-court");
        assertThat(begun.get("reason").asText()).isEqualTo("data-size");
        assertThat(begun.get("instrument").asText()).isEqualTo("EPO");
        assertThat(begun.get("form").asText()).isEqualTo("Form_A");

        // the back-end adds when, how and the digest, and posts the record as it is
        begun.put("transmittedAt", transmittedAt.toString()).put("fileSize", 262_145)
                .put("channel", "encrypted disk by courier");
        begun.putObject("contentHash").put("algorithm", "SHA-256").put("value", "cd".repeat(32));
        ResponseEntity<String> recorded = post(COURT_A, begun);
        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(json(recorded).get("fileName").asText()).isEqualTo("evidence-package.zip");
    }

    private static void assertProblem(ResponseEntity<String> response, HttpStatus status, String code,
                                      String field) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json(response);
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("detail").asText()).isNotBlank().doesNotContain("secret", "forged");
        if (field == null) {
            assertThat(problem.has("field")).isFalse();
        } else {
            assertThat(problem.get("field").asText()).isEqualTo(field);
        }
    }
}
