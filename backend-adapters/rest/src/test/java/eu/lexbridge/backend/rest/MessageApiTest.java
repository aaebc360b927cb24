package eu.lexbridge.backend.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.flow.EvidenceIssuer;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.Hop;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClientException;

class MessageApiTest extends ApiTestSupport {

    static final byte[] PDF = "%PDF-1.7 European Production Order".getBytes(StandardCharsets.US_ASCII);

    @Autowired EvidenceIssuer evidenceIssuer;

    @Test
    void theInboxListsTheBackEndsWaitingMessagesOldestFirst() {
        UUID first = receive("urn:authority:court-a", XML, PDF);
        UUID second = receive("urn:authority:court-a", XML, PDF);
        receive("urn:authority:court-b", XML, PDF);

        ResponseEntity<String> response = get(COURT_A, "/api/v1/messages/inbox");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode messages = json(response).get("messages");
        assertThat(ids(messages)).containsExactly(first.toString(), second.toString());
        assertThat(messages.get(0).get("state").asText()).isEqualTo("AVAILABLE_TO_BACKEND");
        assertThat(messages.get(0).get("direction").asText()).isEqualTo("INBOUND");
        assertThat(messages.get(0).get("href").asText()).isEqualTo("/api/v1/messages/" + first);

        assertThat(ids(json(get(COURT_A, "/api/v1/messages/inbox?limit=1")).get("messages")))
                .containsExactly(first.toString());
    }

    @Test
    void anInboxLimitOutOfRangeOrNotANumberIsRefusedNamingIt() {
        for (String limit : List.of("0", "501", "ten")) {
            ResponseEntity<String> response = get(COURT_A, "/api/v1/messages/inbox?limit=" + limit);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(json(response).get("code").asText()).isEqualTo("LB-1002");
            assertThat(json(response).get("field").asText()).isEqualTo("limit");
        }
    }

    @Test
    void aMessageShowsItsPartiesPayloadsAndEvidences() {
        UUID id = receive("urn:authority:court-a", XML, PDF);

        JsonNode message = json(get(COURT_A, "/api/v1/messages/" + id));

        assertThat(message.get("connectorMessageId").asText()).isEqualTo(id.toString());
        assertThat(message.get("direction").asText()).isEqualTo("INBOUND");
        assertThat(message.get("service").asText()).isEqualTo("EPO");
        assertThat(message.get("serviceType").asText()).isEqualTo("urn:e-codex:services:");
        assertThat(message.get("action").asText()).isEqualTo("Form_A");
        assertThat(message.get("from").get("partyId").asText()).isEqualTo("DE");
        assertThat(message.get("to").get("partyId").asText()).isEqualTo("AT");
        assertThat(message.get("originalSender").asText()).isEqualTo("urn:authority:de-prosecutor");
        assertThat(message.get("finalRecipient").asText()).isEqualTo("urn:authority:court-a");
        assertThat(message.get("state").asText()).isEqualTo("AVAILABLE_TO_BACKEND");
        assertThat(message.get("createdAt").asText()).startsWith("2026-11-23T");
        JsonNode payloadList = message.get("payloads");
        List<String> kinds = new ArrayList<>();
        payloadList.forEach(p -> kinds.add(p.get("kind").asText()));
        // the container and its token as they came, then the document the container held
        assertThat(kinds).containsExactly("BUSINESS_CONTENT", "CONTAINER", "TRUST_TOKEN", "BUSINESS_DOCUMENT");
        JsonNode document = payloadList.get(3);
        assertThat(document.get("kind").asText()).isEqualTo("BUSINESS_DOCUMENT");
        assertThat(document.get("name").asText()).isEqualTo("order.pdf");
        assertThat(document.get("mimeType").asText()).isEqualTo("application/pdf");
        assertThat(document.get("size").asLong()).isEqualTo(PDF.length);
        assertThat(document.get("sha256").asText()).isEqualTo(sha256Hex(PDF));
        assertThat(document.get("href").asText()).isEqualTo(
                "/api/v1/messages/" + id + "/payloads/" + document.get("payloadId").asText());
        JsonNode evidence = message.get("evidences").get(0);
        assertThat(evidence.get("type").asText()).isEqualTo("RELAY_REMMD_ACCEPTANCE");
        assertThat(evidence.get("origin").asText()).isEqualTo("ISSUED");
        assertThat(evidence.get("positive").asBoolean()).isTrue();
    }

    @Test
    void aPayloadDownloadsAsTheStoredBytesWithItsHeaders() {
        UUID id = receive("urn:authority:court-a", XML, PDF);
        PayloadRef document = store.find(id).orElseThrow().payload(PayloadKind.BUSINESS_DOCUMENT).orElseThrow();

        ResponseEntity<byte[]> response = download(COURT_A,
                "/api/v1/messages/" + id + "/payloads/" + document.payloadId());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).isEqualTo(PDF);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(response.getHeaders().getContentLength()).isEqualTo(PDF.length);
        assertThat(response.getHeaders().getFirst("Repr-Digest"))
                .isEqualTo("sha-256=:" + Base64.getEncoder().encodeToString(sha256(PDF)) + ":");
        assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("order.pdf");
        assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void aPayloadLargerThanOneBlockDownloadsWhole() {
        byte[] big = new byte[200 * 1024 + 17];
        new Random(7).nextBytes(big);
        var form = form(metadata("big-1"), XML);
        form.add("attachments", filePart("scan.bin", "application/octet-stream", big));
        String id = json(submit(COURT_A, form)).get("connectorMessageId").asText();
        JsonNode attachment = json(get(COURT_A, "/api/v1/messages/" + id)).get("payloads").get(1);

        ResponseEntity<byte[]> response = download(COURT_A, attachment.get("href").asText());

        assertThat(response.getBody()).isEqualTo(big);
    }

    @Test
    void aCorruptStoredPayloadIsNotServedAsIfItWereWhole() {
        UUID id = receive("urn:authority:court-a", XML, PDF);
        PayloadRef document = store.find(id).orElseThrow().payload(PayloadKind.BUSINESS_DOCUMENT).orElseThrow();
        payloads.corrupt(document.payloadId());

        ResponseEntity<String> response = get(COURT_A, "/api/v1/messages/" + id + "/payloads/"
                + document.payloadId());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        JsonNode problem = json(response);
        assertThat(problem.get("code").asText()).isEqualTo("LB-2001");
        assertThat(problem.get("detail").asText()).startsWith("the connector could not complete the request")
                .doesNotContain(document.payloadId());
        assertThat(problem.get("instance").asText()).startsWith("urn:uuid:");
    }

    @Test
    void aCorruptLargePayloadIsCutShortSoTheClientCanTell() {
        var form = form(metadata("big-2"), XML);
        form.add("attachments", filePart("scan.bin", "application/octet-stream", new byte[200 * 1024]));
        String id = json(submit(COURT_A, form)).get("connectorMessageId").asText();
        PayloadRef attachment = store.find(UUID.fromString(id)).orElseThrow().payloads().get(1);
        payloads.corrupt(attachment.payloadId());

        assertThatThrownBy(() -> download(COURT_A, "/api/v1/messages/" + id + "/payloads/"
                + attachment.payloadId())).isInstanceOf(RestClientException.class);
    }

    @Test
    void anUnexpectedFailureGetsAGenericSentence() {
        UUID id = receive("urn:authority:court-a", XML, PDF);
        PayloadRef document = store.find(id).orElseThrow().payload(PayloadKind.BUSINESS_DOCUMENT).orElseThrow();
        payloads.failOnOpen(document.payloadId(), new IllegalStateException("payload not in the store"));

        ResponseEntity<String> response = get(COURT_A, "/api/v1/messages/" + id + "/payloads/"
                + document.payloadId());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(json(response).get("code").asText()).isEqualTo("LB-9000");
        assertThat(response.getBody()).doesNotContain("not in the store").doesNotContain("IllegalStateException");
    }

    @Test
    void aFetchedMessageLeavesTheInboxForItsLeaseAndItsNeighboursStay() {
        UUID fetched = receive("urn:authority:court-a", XML, PDF);
        UUID waiting = receive("urn:authority:court-a", XML, PDF);

        assertThat(get(COURT_A, "/api/v1/messages/" + fetched).getStatusCode()).isEqualTo(HttpStatus.OK);

        // a second worker reading the inbox now does not take the message the first one is working on
        assertThat(ids(json(get(COURT_A, "/api/v1/messages/inbox")).get("messages")))
                .containsExactly(waiting.toString());
        assertThat(store.find(fetched).orElseThrow().state()).isEqualTo(MessageState.AVAILABLE_TO_BACKEND);
    }

    @Test
    void acknowledgingIssuesDeliveryOnceAndTakesTheMessageOutOfTheInbox() {
        UUID id = receive("urn:authority:court-a", XML, PDF);
        bus.clear();

        ResponseEntity<String> first = post(COURT_A, "/api/v1/messages/" + id + "/acknowledgement");
        ResponseEntity<String> again = post(COURT_A, "/api/v1/messages/" + id + "/acknowledgement");

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode evidence = json(first);
        assertThat(evidence.get("type").asText()).isEqualTo("DELIVERY");
        assertThat(evidence.get("origin").asText()).isEqualTo("ISSUED");
        assertThat(json(again).get("evidenceId")).isEqualTo(evidence.get("evidenceId"));
        assertThat(store.evidences(id)).filteredOn(e -> e.type() == EvidenceType.DELIVERY).hasSize(1);
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(MessageState.DELIVERED_TO_BACKEND);
        assertThat(bus.on(Hop.EVIDENCE_OUTBOUND)).isNotEmpty();
        assertThat(json(get(COURT_A, "/api/v1/messages/inbox")).get("messages")).isEmpty();

        byte[] xml = download(COURT_A, evidence.get("href").asText()).getBody();
        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("type=\"DELIVERY\"");
    }

    @Test
    void anOutboundMessageCannotBeAcknowledged() {
        String id = json(submit(COURT_A, form(metadata("out-1"), XML))).get("connectorMessageId").asText();
        ResponseEntity<String> response = post(COURT_A, "/api/v1/messages/" + id + "/acknowledgement");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(json(response).get("code").asText()).isEqualTo("LB-1300");
    }

    @Test
    void theTimelineListsStatesAndEvidencesInOrder() {
        String id = json(submit(COURT_A, form(metadata("t-1"), XML))).get("connectorMessageId").asText();
        ConnectorMessage message = store.find(UUID.fromString(id)).orElseThrow();
        evidenceIssuer.issue(message, EvidenceType.SUBMISSION_ACCEPTANCE, EvidenceIssuer.Route.WITH_SUBJECT,
                MessageState.ACCEPTED, null);

        JsonNode timeline = json(get(COURT_A, "/api/v1/messages/" + id + "/timeline"));

        List<String> lines = new ArrayList<>();
        timeline.get("entries").forEach(e -> lines.add(e.get("state").isNull()
                ? e.get("evidenceType").asText() + "/" + e.get("evidenceOrigin").asText() : e.get("state").asText()));
        assertThat(lines).containsExactly("SUBMITTED", "SUBMISSION_ACCEPTANCE/ISSUED", "ACCEPTED");
        assertThat(timeline.get("entries").get(0).get("detail").asText()).contains("court-a");
        assertThat(timeline.get("evidences")).singleElement()
                .satisfies(e -> assertThat(e.get("type").asText()).isEqualTo("SUBMISSION_ACCEPTANCE"));
        assertThat(json(get(COURT_A, "/api/v1/messages/" + id)).get("state").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void anotherBackEndCannotSeeReadDownloadOrAcknowledgeTheMessage() {
        UUID id = receive("urn:authority:court-a", XML, PDF);
        String payloadId = store.find(id).orElseThrow().payloads().get(0).payloadId();

        for (ResponseEntity<String> response : List.of(
                get(COURT_B, "/api/v1/messages/" + id),
                get(COURT_B, "/api/v1/messages/" + id + "/timeline"),
                get(COURT_B, "/api/v1/messages/" + id + "/payloads/" + payloadId),
                post(COURT_B, "/api/v1/messages/" + id + "/acknowledgement"))) {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(json(response).get("code").asText()).isEqualTo("LB-1100");
        }
        assertThat(json(get(COURT_B, "/api/v1/messages/inbox")).get("messages")).isEmpty();
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(MessageState.AVAILABLE_TO_BACKEND);
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        UUID id = receive("urn:authority:court-a", XML, PDF);
        for (String path : List.of("/api/v1/messages/" + UUID.randomUUID(), "/api/v1/messages/not-a-uuid",
                "/api/v1/messages/1-2-3-4-5")) {
            ResponseEntity<String> response = get(COURT_A, path);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(json(response).get("code").asText()).isEqualTo("LB-1100");
            assertThat(json(response).get("field").asText()).isEqualTo("messageId");
        }
        ResponseEntity<String> payload = get(COURT_A, "/api/v1/messages/" + id + "/payloads/no-such-payload");
        assertThat(payload.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(json(payload).get("code").asText()).isEqualTo("LB-1101");
    }

    @Test
    void unknownPathsAndMethodsAnswerProblemsToo() {
        ResponseEntity<String> unknown = get(COURT_A, "/api/v1/nothing-here");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json(unknown).get("code").asText()).isEqualTo("LB-1008");

        ResponseEntity<String> delete = http.exchange("/api/v1/messages/" + UUID.randomUUID(),
                HttpMethod.DELETE,
                new HttpEntity<>(bearer(COURT_A)), String.class);
        assertThat(delete.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(delete.getHeaders().getAllow()).isNotEmpty();
        assertThat(json(delete).get("code").asText()).isEqualTo("LB-1008");
    }

    private static List<String> ids(JsonNode messages) {
        List<String> ids = new ArrayList<>();
        messages.forEach(m -> ids.add(m.get("connectorMessageId").asText()));
        return ids;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }
}
