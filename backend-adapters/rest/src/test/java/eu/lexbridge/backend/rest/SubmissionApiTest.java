package eu.lexbridge.backend.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.lexbridge.core.flow.Submission;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.port.Hop;
import eu.lexbridge.core.testkit.InMemoryConnector;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;

class SubmissionApiTest extends ApiTestSupport {

    @Test
    void aValidSubmissionIsStoredQueuedAndAnswered201() {
        MultiValueMap<String, Object> form = form(metadata("case-4711/1"), XML);
        byte[] pdf = "%PDF-1.7 signed order".getBytes(StandardCharsets.US_ASCII);
        form.add("businessDocument", filePart("order.pdf", "application/pdf", pdf));
        form.add("attachments", filePart("annex-1.txt", "text/plain", "one".getBytes(StandardCharsets.UTF_8)));
        form.add("attachments", filePart("C:\\cases\\annex-2.bin", "application/octet-stream", new byte[] {0, 1, 2}));

        ResponseEntity<String> response = submit(COURT_A, form);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode body = json(response);
        String id = body.get("connectorMessageId").asText();
        assertThat(response.getHeaders().getLocation()).hasToString("/api/v1/messages/" + id);
        assertThat(body.get("backendMessageId").asText()).isEqualTo("case-4711/1");
        assertThat(body.get("ebmsMessageId").asText()).endsWith("@lexbridge.at.test");
        assertThat(body.get("conversationId").asText()).isNotBlank();
        assertThat(body.get("state").asText()).isEqualTo("SUBMITTED");

        ConnectorMessage stored = store.find(UUID.fromString(id)).orElseThrow();
        assertThat(stored.backendName()).isEqualTo("court-a");
        assertThat(stored.to().partyId()).isEqualTo("DE");
        assertThat(stored.finalRecipient()).isEqualTo("urn:authority:de-court");
        assertThat(stored.payloads()).extracting(p -> p.kind() + ":" + p.name() + ":" + p.mimeType()).containsExactly(
                "BUSINESS_CONTENT:form-a.xml:application/xml",
                "BUSINESS_DOCUMENT:order.pdf:application/pdf",
                "ATTACHMENT:annex-1.txt:text/plain",
                "ATTACHMENT:annex-2.bin:application/octet-stream");
        assertThat(payloads.bytes(stored.payload(PayloadKind.BUSINESS_CONTENT).orElseThrow().payloadId()))
                .isEqualTo(XML);
        assertThat(payloads.bytes(stored.payload(PayloadKind.BUSINESS_DOCUMENT).orElseThrow().payloadId()))
                .isEqualTo(pdf);
        assertThat(bus.published()).singleElement().satisfies(p -> {
            assertThat(p.hop()).isEqualTo(Hop.OUTBOUND_SUBMITTED);
            assertThat(p.connectorMessageId()).isEqualTo(stored.connectorMessageId());
            assertThat(p.conversationId()).isEqualTo(stored.conversationId());
        });
        assertThat(stored.state()).isEqualTo(MessageState.SUBMITTED);
    }

    @Test
    void aMissingMetadataPartIsRefusedNamingThePart() {
        assertRefused(submit(COURT_A, form(null, XML)), HttpStatus.BAD_REQUEST, "LB-1001", "metadata");
    }

    @Test
    void unparsableMetadataIsRefusedWithoutEchoingIt() {
        ResponseEntity<String> response = submit(COURT_A, form("{\"backendMessageId\": secret-value", XML));
        assertRefused(response, HttpStatus.BAD_REQUEST, "LB-1008", "metadata");
        assertThat(response.getBody()).doesNotContain("secret-value");
    }

    @Test
    void aMetadataValueOfTheWrongTypeIsRefusedNamingTheField() {
        String json = metadata("m-1").replace("\"toPartyId\":\"DE\"", "\"toPartyId\":[\"DE\"]");
        assertRefused(submit(COURT_A, form(json, XML)), HttpStatus.BAD_REQUEST, "LB-1008", "metadata.toPartyId");
    }

    @Test
    void aMisspeltMetadataFieldIsRefusedRatherThanIgnored() {
        String json = metadata("m-1").replace("{", "{\"conversationID\":\"c-1\",");
        assertRefused(submit(COURT_A, form(json, XML)), HttpStatus.BAD_REQUEST, "LB-1002", "metadata.conversationID");
    }

    @Test
    void aMissingMetadataFieldIsRefusedNamingTheField() {
        String json = metadata("m-1").replace(",\"finalRecipient\":\"urn:authority:de-court\"", "");
        ResponseEntity<String> response = submit(COURT_A, form(json, XML));
        assertRefused(response, HttpStatus.BAD_REQUEST, "LB-1001", "finalRecipient");
        assertThat(json(response).get("detail").asText()).isEqualTo("finalRecipient is required");
    }

    @Test
    void anUnknownRecipientIsRefused() {
        String json = metadata("m-1").replace("\"toPartyId\":\"DE\"", "\"toPartyId\":\"XX\"");
        assertRefused(submit(COURT_A, form(json, XML)), HttpStatus.BAD_REQUEST, "LB-1004", "toPartyId");
    }

    @Test
    void anUnknownServiceActionIsRefused() {
        String json = metadata("m-1").replace("\"action\":\"Form_A\"", "\"action\":\"Form_Z\"");
        assertRefused(submit(COURT_A, form(json, XML)), HttpStatus.BAD_REQUEST, "LB-1005", "service");
    }

    @Test
    void malformedXmlIsRefusedAndItsBytesAreNotKept() {
        byte[] broken = "<EPOForm><Case>secret</EPOForm>".getBytes(StandardCharsets.UTF_8);
        ResponseEntity<String> response = submit(COURT_A, form(metadata("m-1"), broken));
        assertRefused(response, HttpStatus.BAD_REQUEST, "LB-1003", "businessContent");
        assertThat(response.getBody()).doesNotContain("secret");
    }

    @Test
    void aDoctypeInTheBusinessContentIsRefused() {
        byte[] withDtd = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"
                .getBytes(StandardCharsets.UTF_8);
        assertRefused(submit(COURT_A, form(metadata("m-1"), withDtd)), HttpStatus.BAD_REQUEST, "LB-1003",
                "businessContent");
    }

    @Test
    void aMissingBusinessContentIsRefusedNamingThePart() {
        assertRefused(submit(COURT_A, form(metadata("m-1"), null)), HttpStatus.BAD_REQUEST, "LB-1001",
                "businessContent");
    }

    @Test
    void aDetachedSignatureIsStoredBesideItsDocument() {
        MultiValueMap<String, Object> form = form(metadata("m-1"), XML);
        form.add("businessDocument", filePart("order.xml", "application/xml", XML));
        form.add("detachedSignature", filePart("order.xml.p7s", "application/pkcs7-signature", new byte[] {48, 1}));

        ResponseEntity<String> response = submit(COURT_A, form);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ConnectorMessage stored = store.find(UUID.fromString(json(response).get("connectorMessageId").asText()))
                .orElseThrow();
        assertThat(stored.payloads()).extracting(p -> p.kind() + ":" + p.name()).containsExactly(
                "BUSINESS_CONTENT:form-a.xml", "BUSINESS_DOCUMENT:order.xml", "DETACHED_SIGNATURE:order.xml.p7s");
    }

    @Test
    void aDetachedSignatureWithoutItsDocumentIsRefused() {
        MultiValueMap<String, Object> form = form(metadata("m-1"), XML);
        form.add("detachedSignature", filePart("order.xml.p7s", "application/pkcs7-signature", new byte[] {48, 1}));
        assertRefused(submit(COURT_A, form), HttpStatus.BAD_REQUEST, "LB-1001", "businessDocument");
    }

    @Test
    void aMisspeltPartIsRefusedRatherThanDropped() {
        MultiValueMap<String, Object> form = form(metadata("m-1"), XML);
        form.add("attachment", filePart("annex.txt", "text/plain", new byte[] {1}));
        assertRefused(submit(COURT_A, form), HttpStatus.BAD_REQUEST, "LB-1002", "attachment");
    }

    @Test
    void aDuplicateBackendMessageIdIsRefusedAndTheFirstMessageStaysAlone() {
        assertThat(submit(COURT_A, form(metadata("dup-1"), XML)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        int payloadsAfterFirst = payloads.count();

        ResponseEntity<String> second = submit(COURT_A, form(metadata("dup-1"), XML));

        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        JsonNode problem = json(second);
        assertThat(problem.get("code").asText()).isEqualTo("LB-1006");
        assertThat(problem.get("field").asText()).isEqualTo("backendMessageId");
        assertThat(store.all()).hasSize(1);
        assertThat(payloads.count()).isEqualTo(payloadsAfterFirst);
        assertThat(bus.published()).hasSize(1);
    }

    @Test
    void backendMessageIdsAreUniquePerBackEndOnly() {
        assertThat(submit(COURT_A, form(metadata("shared-1"), XML)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(submit(COURT_B, form(metadata("shared-1"), XML)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(store.all()).extracting(ConnectorMessage::backendName).containsExactlyInAnyOrder(
                "court-a", "court-b");
    }

    @Test
    void aPayloadAboveTheConnectorLimitIsRefusedNamingThePart() {
        MultiValueMap<String, Object> form = form(metadata("m-1"), XML);
        form.add("attachments", filePart("big.bin", "application/octet-stream",
                new byte[(int) InMemoryConnector.MAX_PAYLOAD_BYTES + 1]));
        ResponseEntity<String> refused = submit(COURT_A, form);
        assertRefused(refused, HttpStatus.PAYLOAD_TOO_LARGE, "LB-1007", "attachments[0]");
        assertThat(json(refused).get("detail").asText()).contains("larger than the limit of "
                + InMemoryConnector.MAX_PAYLOAD_BYTES + " bytes", "send it by an alternative channel");
    }

    @Test
    void anUploadAboveTheServletLimitIsRefusedAsAProblem() {
        MultiValueMap<String, Object> form = form(metadata("m-1"), XML);
        byte[] big = new byte[1536 * 1024];
        Arrays.fill(big, (byte) 'x');
        form.add("attachments", filePart("big.bin", "application/octet-stream", big));
        ResponseEntity<String> response = submit(COURT_A, form);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertRefused(response, HttpStatus.PAYLOAD_TOO_LARGE, "LB-1007", null);
        assertThat(json(response).get("detail").asText()).contains("send it by an alternative channel");
    }

    /**
     * The boundary of the part count: the most attachments a receiving access point takes on the wire (see
     * {@link Submission#MAX_ATTACHMENTS}) are accepted, one more is refused naming the part and the limit.
     */
    @Test
    void asManyAttachmentsAsAPartnerAcceptsAreTakenAndOneMoreIsRefused() {
        MultiValueMap<String, Object> form = form(metadata("many-1"), XML);
        for (int i = 0; i < Submission.MAX_ATTACHMENTS; i++) {
            form.add("attachments", filePart("annex-" + i + ".txt", "text/plain", new byte[] {'a'}));
        }
        ResponseEntity<String> accepted = submit(COURT_A, form);
        assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(store.all()).singleElement().satisfies(m -> assertThat(m.payloads()).hasSize(1 + 26));
        assertThat(Submission.MAX_ATTACHMENTS).isEqualTo(26);
        store.clear();
        payloads.clear();
        bus.clear();

        MultiValueMap<String, Object> tooMany = form(metadata("many-2"), XML);
        for (int i = 0; i <= Submission.MAX_ATTACHMENTS; i++) {
            tooMany.add("attachments", filePart("annex-" + i + ".txt", "text/plain", new byte[] {'a'}));
        }
        ResponseEntity<String> refused = submit(COURT_A, tooMany);
        assertRefused(refused, HttpStatus.PAYLOAD_TOO_LARGE, "LB-1009", "attachments");
        assertThat(json(refused).get("detail").asText()).contains("at most 26 attachments");
    }

    @Test
    void fileNamesAndTypesTheContainerOrTheDatabaseWouldRefuseAreRefusedAtOnce() {
        for (String name : List.of("n".repeat(252) + ".pdf", ".", "foo/..", "a:b.pdf", "TrustOkToken.pdf")) {
            MultiValueMap<String, Object> form = form(metadata("name-" + name.length()), XML);
            form.add("attachments", filePart(name, "application/pdf", new byte[] {1}));
            assertRefused(submit(COURT_A, form), HttpStatus.BAD_REQUEST, "LB-1002", "attachments[0]");
        }
        MultiValueMap<String, Object> longType = form(metadata("type-1"), XML);
        longType.add("attachments", filePart("a.bin", "application/x-" + "a".repeat(242), new byte[] {1}));
        assertRefused(submit(COURT_A, longType), HttpStatus.BAD_REQUEST, "LB-1002", "attachments[0]");
    }

    @Test
    void aRequestThatIsNotMultipartIsRefused() {
        HttpHeaders headers = bearer(COURT_A);
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = http.exchange("/api/v1/messages", HttpMethod.POST,
                new HttpEntity<>(metadata("m-1"), headers), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(json(response).get("code").asText()).isEqualTo("LB-1008");
        assertThat(store.all()).isEmpty();
    }

    private void assertRefused(ResponseEntity<String> response, HttpStatus status, String code, String field) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json(response);
        assertThat(problem.get("type").asText()).isEqualTo("https://lexbridge.eu/problems/" + code);
        assertThat(problem.get("status").asInt()).isEqualTo(status.value());
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        if (field == null) {
            assertThat(problem.has("field")).isFalse();
        } else {
            assertThat(problem.get("field").asText()).isEqualTo(field);
        }
        assertThat(store.all()).as("nothing stored").isEmpty();
        assertThat(payloads.count()).as("no payload kept").isZero();
        assertThat(bus.published()).as("nothing queued").isEmpty();
    }
}
