package eu.lexbridge.backend.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.port.Hop;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Issue 11 item 5 through REST: refuse, confirm retrieval and its failure, each a sealed evidence to the sender. */
class ConfirmationApiTest extends ApiTestSupport {

    static final byte[] PDF = "%PDF-1.7 order".getBytes(StandardCharsets.US_ASCII);

    private UUID received() {
        return receive("urn:authority:court-a", XML, PDF);
    }

    private UUID acknowledged() {
        UUID id = received();
        assertThat(post(COURT_A, path(id, "acknowledgement")).getStatusCode()).isEqualTo(HttpStatus.OK);
        return id;
    }

    private static String path(UUID id, String confirmation) {
        return "/api/v1/messages/" + id + "/" + confirmation;
    }

    private Evidence issued(UUID id, EvidenceType type) {
        return store.evidences(id).stream().filter(e -> e.type() == type).findFirst().orElseThrow();
    }

    private String evidenceXml(JsonNode evidence) {
        return new String(download(COURT_A, evidence.get("href").asText()).getBody(), StandardCharsets.UTF_8);
    }

    @Test
    void aRefusalIssuesNonDeliveryWithTheBackEndsReasonAndEmptiesTheInbox() {
        UUID id = received();
        bus.clear();

        ResponseEntity<String> response = postJson(COURT_A, path(id, "refusal"),
                "{\"reason\":\"the court is not competent for this case\"}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode evidence = json(response);
        assertThat(evidence.get("type").asText()).isEqualTo("NON_DELIVERY");
        assertThat(evidence.get("positive").asBoolean()).isFalse();
        assertThat(evidence.get("origin").asText()).isEqualTo("ISSUED");
        assertThat(evidence.get("reason").asText()).isEqualTo("E200 the court is not competent for this case");
        assertThat(evidenceXml(evidence)).contains("type=\"NON_DELIVERY\"");
        assertThat(issued(id, EvidenceType.NON_DELIVERY).carrierMessageId()).as("sent back in its own message")
                .isNotNull();
        assertThat(bus.on(Hop.EVIDENCE_OUTBOUND)).hasSize(1);
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(MessageState.NOT_DELIVERED_TO_BACKEND);
        assertThat(json(get(COURT_A, "/api/v1/messages/inbox")).get("messages")).isEmpty();
    }

    @Test
    void aRefusalWithoutABodyGivesTheOfficialSentence() {
        UUID id = received();

        ResponseEntity<String> response = post(COURT_A, path(id, "refusal"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json(response).get("reason").asText())
                .isEqualTo("E200 The connector backend or backend application rejected the message");
    }

    @Test
    void retrievalAfterAcknowledgementIssuesRetrievalAndEndsTheMessageRetrieved() {
        UUID id = acknowledged();
        bus.clear();

        ResponseEntity<String> response = post(COURT_A, path(id, "retrieval"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode evidence = json(response);
        assertThat(evidence.get("type").asText()).isEqualTo("RETRIEVAL");
        assertThat(evidence.get("positive").asBoolean()).isTrue();
        assertThat(evidenceXml(evidence)).contains("type=\"RETRIEVAL\"");
        assertThat(bus.on(Hop.EVIDENCE_OUTBOUND)).hasSize(1);
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(MessageState.RETRIEVED_BY_BACKEND);
    }

    @Test
    void aRetrievalFailureIssuesNonRetrievalWithItsReasonAndKeepsTheState() {
        UUID id = acknowledged();
        bus.clear();

        ResponseEntity<String> response = postJson(COURT_A, path(id, "retrieval-failure"),
                "{\"reason\":\"not opened within 14 days\"}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode evidence = json(response);
        assertThat(evidence.get("type").asText()).isEqualTo("NON_RETRIEVAL");
        assertThat(evidence.get("reason").asText()).isEqualTo("E200 not opened within 14 days");
        assertThat(bus.on(Hop.EVIDENCE_OUTBOUND)).hasSize(1);
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(MessageState.DELIVERED_TO_BACKEND);
    }

    @Test
    void eachConfirmationRepeatedIsHarmlessAndAnswersTheSameEvidence() {
        UUID refused = received();
        UUID retrieved = acknowledged();
        UUID notRetrieved = acknowledged();
        for (String[] call : List.of(new String[] {refused.toString(), "refusal"},
                new String[] {retrieved.toString(), "retrieval"},
                new String[] {notRetrieved.toString(), "retrieval-failure"})) {
            UUID id = UUID.fromString(call[0]);
            JsonNode first = json(post(COURT_A, path(id, call[1])));
            int evidences = store.evidences(id).size();
            MessageState state = store.find(id).orElseThrow().state();

            ResponseEntity<String> again = post(COURT_A, path(id, call[1]));

            assertThat(again.getStatusCode()).as(call[1]).isEqualTo(HttpStatus.OK);
            assertThat(json(again).get("evidenceId")).as(call[1]).isEqualTo(first.get("evidenceId"));
            assertThat(store.evidences(id)).as(call[1]).hasSize(evidences);
            assertThat(store.find(id).orElseThrow().state()).as(call[1]).isEqualTo(state);
        }
    }

    /** What contradicts an earlier confirmation has its own code; what merely comes too early keeps LB-1300. */
    @Test
    void aConfirmationThatContradictsAnEarlierOneIsA409WithItsOwnCode() {
        UUID acknowledgedOne = acknowledged();
        UUID refusedOne = received();
        post(COURT_A, path(refusedOne, "refusal"));
        UUID retrievedOne = acknowledged();
        post(COURT_A, path(retrievedOne, "retrieval"));
        UUID notRetrievedOne = acknowledged();
        post(COURT_A, path(notRetrievedOne, "retrieval-failure"));

        assertContradiction(acknowledgedOne, "refusal");
        assertContradiction(refusedOne, "acknowledgement");
        assertContradiction(retrievedOne, "retrieval-failure");
        assertContradiction(retrievedOne, "refusal");
        assertContradiction(notRetrievedOne, "retrieval");
    }

    private void assertContradiction(UUID id, String confirmation) {
        int evidences = store.evidences(id).size();
        MessageState state = store.find(id).orElseThrow().state();
        bus.clear();

        ResponseEntity<String> response = post(COURT_A, path(id, confirmation));

        assertThat(response.getStatusCode()).as(confirmation).isEqualTo(HttpStatus.CONFLICT);
        JsonNode problem = json(response);
        assertThat(problem.get("code").asText()).as(confirmation).isEqualTo("LB-1301");
        assertThat(problem.get("type").asText()).isEqualTo("https://lexbridge.eu/problems/LB-1301");
        assertThat(problem.get("detail").asText()).contains("before");
        assertThat(store.evidences(id)).as("nothing issued").hasSize(evidences);
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(state);
        assertThat(bus.published()).isEmpty();
    }

    @Test
    void retrievalBeforeAcknowledgementIsTooEarly() {
        UUID id = received();

        for (String confirmation : List.of("retrieval", "retrieval-failure")) {
            ResponseEntity<String> response = post(COURT_A, path(id, confirmation));
            assertThat(response.getStatusCode()).as(confirmation).isEqualTo(HttpStatus.CONFLICT);
            assertThat(json(response).get("code").asText()).as(confirmation).isEqualTo("LB-1300");
        }
        assertThat(store.evidences(id)).extracting(Evidence::type)
                .containsExactly(EvidenceType.RELAY_REMMD_ACCEPTANCE);
    }

    @Test
    void anOutboundMessageCannotBeRefusedOrConfirmed() {
        String id = json(submit(COURT_A, form(metadata("out-9"), XML))).get("connectorMessageId").asText();
        for (String confirmation : List.of("refusal", "retrieval", "retrieval-failure")) {
            ResponseEntity<String> response = post(COURT_A, "/api/v1/messages/" + id + "/" + confirmation);
            assertThat(response.getStatusCode()).as(confirmation).isEqualTo(HttpStatus.CONFLICT);
            assertThat(json(response).get("code").asText()).isEqualTo("LB-1300");
        }
    }

    @Test
    void aReasonThatIsNotPlainBoundedTextIsRefusedAndNothingIsIssued() {
        UUID id = received();
        record Bad(String body, HttpStatus status, String code, String field) { }
        for (Bad bad : List.of(
                new Bad("{\"reason\":\"" + "x".repeat(1001) + "\"}", HttpStatus.BAD_REQUEST, "LB-1002", "reason"),
                new Bad("{\"reason\":\"line one\\nline two\"}", HttpStatus.BAD_REQUEST, "LB-1002", "reason"),
                new Bad("{\"reason\":\"\\u0000\"}", HttpStatus.BAD_REQUEST, "LB-1002", "reason"),
                new Bad("{\"reason\":\"\\ud800\"}", HttpStatus.BAD_REQUEST, "LB-1002", "reason"),
                new Bad("{\"reason\":42}", HttpStatus.BAD_REQUEST, "LB-1008", "reason"),
                new Bad("{\"reson\":\"misspelt\"}", HttpStatus.BAD_REQUEST, "LB-1002", "reson"),
                new Bad("[\"a reason\"]", HttpStatus.BAD_REQUEST, "LB-1008", null),
                new Bad("{\"reason\":", HttpStatus.BAD_REQUEST, "LB-1008", null))) {
            ResponseEntity<String> response = postJson(COURT_A, path(id, "refusal"), bad.body());

            assertThat(response.getStatusCode()).as(bad.body()).isEqualTo(bad.status());
            JsonNode problem = json(response);
            assertThat(problem.get("code").asText()).as(bad.body()).isEqualTo(bad.code());
            if (bad.field() != null) {
                assertThat(problem.get("field").asText()).as(bad.body()).isEqualTo(bad.field());
            }
            assertThat(problem.get("detail").asText()).doesNotContain("xxxxxxxx").doesNotContain("misspelt");
        }
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(MessageState.AVAILABLE_TO_BACKEND);
        assertThat(store.evidences(id)).extracting(Evidence::type)
                .containsExactly(EvidenceType.RELAY_REMMD_ACCEPTANCE);
    }
}
