package eu.lexbridge.backend.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.flow.EvidenceIssuer;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Issue 11, REST conveniences: find by the back-end's own id, a 409 that names the message, conditional GETs. */
class ConditionalAndLookupApiTest extends ApiTestSupport {

    static final byte[] PDF = "%PDF-1.7 order".getBytes(StandardCharsets.US_ASCII);

    @Autowired EvidenceIssuer evidenceIssuer;

    private String submitted(String token, String backendMessageId) {
        ResponseEntity<String> response = submit(token, form(metadata(backendMessageId), XML));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return json(response).get("connectorMessageId").asText();
    }

    // ---- find by backendMessageId

    @Test
    void aBackEndFindsItsMessageByItsOwnId() {
        String id = submitted(COURT_A, "case-4711");
        submitted(COURT_A, "case-4712");

        ResponseEntity<String> response = get(COURT_A, "/api/v1/messages?backendMessageId=case-4711");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode messages = json(response).get("messages");
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).get("connectorMessageId").asText()).isEqualTo(id);
        assertThat(messages.get(0).get("backendMessageId").asText()).isEqualTo("case-4711");
        assertThat(messages.get(0).get("href").asText()).isEqualTo("/api/v1/messages/" + id);
    }

    @Test
    void anIdNeverUsedAndAnotherBackEndsIdFindNothing() {
        submitted(COURT_A, "case-of-a");

        assertThat(json(get(COURT_A, "/api/v1/messages?backendMessageId=never-used")).get("messages")).isEmpty();
        assertThat(json(get(COURT_B, "/api/v1/messages?backendMessageId=case-of-a")).get("messages")).isEmpty();
    }

    @Test
    void aLookupWithoutOrWithAnEmptyIdIsRefusedNamingIt() {
        for (String path : new String[] {"/api/v1/messages", "/api/v1/messages?backendMessageId="}) {
            ResponseEntity<String> response = get(COURT_A, path);
            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(json(response).get("code").asText()).as(path).isEqualTo("LB-1001");
            assertThat(json(response).get("field").asText()).as(path).isEqualTo("backendMessageId");
        }
    }

    // ---- a repeated submission's 409 names the message

    @Test
    void aRepeatedSubmissionIsRefusedNamingTheMessageItRepeats() {
        String first = submitted(COURT_A, "dup-7");

        ResponseEntity<String> again = submit(COURT_A, form(metadata("dup-7"), XML));

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        JsonNode problem = json(again);
        assertThat(problem.get("code").asText()).isEqualTo("LB-1006");
        assertThat(problem.get("field").asText()).isEqualTo("backendMessageId");
        assertThat(problem.get("connectorMessageId").asText()).isEqualTo(first);
        assertThat(problem.get("href").asText()).isEqualTo("/api/v1/messages/" + first);
        assertThat(get(COURT_A, problem.get("href").asText()).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(store.all()).hasSize(1);
    }

    // ---- conditional requests

    @Test
    void aMessageCarriesAnETagAndAnswers304WhileItIsUnchanged() {
        UUID id = receive("urn:authority:court-a", XML, PDF);
        ResponseEntity<String> first = get(COURT_A, "/api/v1/messages/" + id);
        String etag = first.getHeaders().getETag();
        assertThat(etag).startsWith("W/\"");
        assertThat(first.getHeaders().getCacheControl()).contains("no-cache");

        ResponseEntity<String> unchanged = getIfNoneMatch(COURT_A, "/api/v1/messages/" + id, etag);

        assertThat(unchanged.getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
        assertThat(unchanged.getBody()).isNull();
        assertThat(unchanged.getHeaders().getETag()).isEqualTo(etag);
        assertThat(getIfNoneMatch(COURT_A, "/api/v1/messages/" + id, "W/\"something-else\"").getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void theETagChangesWhenTheStateOrTheEvidencesChange() {
        UUID id = receive("urn:authority:court-a", XML, PDF);
        String available = get(COURT_A, "/api/v1/messages/" + id).getHeaders().getETag();

        post(COURT_A, "/api/v1/messages/" + id + "/acknowledgement");
        ResponseEntity<String> acknowledged = getIfNoneMatch(COURT_A, "/api/v1/messages/" + id, available);

        assertThat(acknowledged.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json(acknowledged).get("state").asText()).isEqualTo("DELIVERED_TO_BACKEND");
        String delivered = acknowledged.getHeaders().getETag();
        assertThat(delivered).isNotEqualTo(available);

        // an evidence that moves no state still changes the representation, and so the tag
        ConnectorMessage message = store.find(id).orElseThrow();
        evidenceIssuer.issue(message, EvidenceType.NON_RETRIEVAL, EvidenceIssuer.Route.OWN_MESSAGE, null, null);
        ResponseEntity<String> withEvidence = getIfNoneMatch(COURT_A, "/api/v1/messages/" + id, delivered);
        assertThat(withEvidence.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(MessageState.DELIVERED_TO_BACKEND);
        assertThat(withEvidence.getHeaders().getETag()).isNotEqualTo(delivered);
    }

    @Test
    void theTimelineIsConditionalToo() {
        UUID id = receive("urn:authority:court-a", XML, PDF);
        String path = "/api/v1/messages/" + id + "/timeline";
        String etag = get(COURT_A, path).getHeaders().getETag();
        assertThat(etag).isNotBlank();

        assertThat(getIfNoneMatch(COURT_A, path, etag).getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
        post(COURT_A, "/api/v1/messages/" + id + "/acknowledgement");
        assertThat(getIfNoneMatch(COURT_A, path, etag).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /** The tag is the content's: asking again with no change gives the same tag, not one per response. */
    @Test
    void theSameMessageGivesTheSameTag() {
        UUID id = receive("urn:authority:court-a", XML, PDF);
        HttpHeaders first = get(COURT_A, "/api/v1/messages/" + id).getHeaders();
        HttpHeaders second = get(COURT_A, "/api/v1/messages/" + id).getHeaders();
        assertThat(second.getETag()).isEqualTo(first.getETag());
    }

    // ---- idempotent requests

    /** POST is not idempotent by HTTP's definition; the acknowledgement is by ours: again, the same evidence. */
    @Test
    void anAcknowledgementRepeatedIsHarmlessAndAnswersTheSameEvidence() {
        UUID id = receive("urn:authority:court-a", XML, PDF);
        JsonNode first = json(post(COURT_A, "/api/v1/messages/" + id + "/acknowledgement"));
        String etag = get(COURT_A, "/api/v1/messages/" + id).getHeaders().getETag();

        ResponseEntity<String> again = post(COURT_A, "/api/v1/messages/" + id + "/acknowledgement");

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json(again).get("evidenceId")).isEqualTo(first.get("evidenceId"));
        assertThat(store.evidences(id)).filteredOn(e -> e.type() == EvidenceType.DELIVERY).hasSize(1);
        assertThat(getIfNoneMatch(COURT_A, "/api/v1/messages/" + id, etag).getStatusCode())
                .as("nothing changed").isEqualTo(HttpStatus.NOT_MODIFIED);
    }
}
