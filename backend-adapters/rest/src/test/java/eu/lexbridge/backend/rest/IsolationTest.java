package eu.lexbridge.backend.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 11 item 2 on REST: back-end B cannot read, download, acknowledge, refuse or confirm A's message by its id,
 * nor find it by A's backendMessageId, nor see it in its inbox or change feed. One table, one row per endpoint of the
 * API; the first test fails when an endpoint is added without a row. Each row is also called by A, so a 404 for B is
 * the isolation and not a request that fails anyway.
 */
class IsolationTest extends ApiTestSupport {

    static final byte[] PDF = "%PDF-1.7 order".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** A's message as B would aim at it. */
    record Target(UUID id, String payloadId, String evidencePayloadId, String backendMessageId, String etag) {
    }

    /**
     * One endpoint: how to call it on A's message with a token, and whether the message must be acknowledged first
     * for the call to succeed for A.
     */
    record Row(String endpoint, boolean acknowledgedFirst, BiFunction<String, Target, ResponseEntity<String>> call) {
    }

    private final List<Row> byId = List.of(
            new Row("GET /api/v1/messages/{messageId}", false,
                    (token, t) -> get(token, "/api/v1/messages/" + t.id())),
            new Row("GET /api/v1/messages/{messageId}/timeline", false,
                    (token, t) -> get(token, "/api/v1/messages/" + t.id() + "/timeline")),
            new Row("GET /api/v1/messages/{messageId}/payloads/{payloadId}", false,
                    (token, t) -> get(token, "/api/v1/messages/" + t.id() + "/payloads/" + t.payloadId())),
            new Row("GET /api/v1/messages/{messageId}/payloads/{payloadId} (an evidence)", false,
                    (token, t) -> get(token, "/api/v1/messages/" + t.id() + "/payloads/" + t.evidencePayloadId())),
            new Row("POST /api/v1/messages/{messageId}/acknowledgement", false,
                    (token, t) -> post(token, "/api/v1/messages/" + t.id() + "/acknowledgement")),
            new Row("POST /api/v1/messages/{messageId}/refusal", false,
                    (token, t) -> postJson(token, "/api/v1/messages/" + t.id() + "/refusal",
                            "{\"reason\":\"not ours\"}")),
            new Row("POST /api/v1/messages/{messageId}/retrieval", true,
                    (token, t) -> post(token, "/api/v1/messages/" + t.id() + "/retrieval")),
            new Row("POST /api/v1/messages/{messageId}/retrieval-failure", true,
                    (token, t) -> postJson(token, "/api/v1/messages/" + t.id() + "/retrieval-failure",
                            "{\"reason\":\"not opened\"}")));

    /**
     * The endpoints that list or find rather than take an id; each has its own test below (the alerts' in
     * {@link DeadlineAlertApiTest}), but the directory lookup, which reads the directory every back-end shares and no
     * back-end's messages.
     */
    private static final Set<String> LISTS = Set.of(
            "GET /api/v1/messages",
            "GET /api/v1/messages/inbox",
            "GET /api/v1/events",
            "GET /api/v1/deadline-alerts",
            "GET /api/v1/directory/authorities",
            "POST /api/v1/messages");

    /**
     * The case record's endpoints: a record or conversation of another back-end answers as one that never existed,
     * tested in {@link RecordApiTest}.
     */
    private static final Set<String> CASE_RECORD = Set.of(
            "POST /api/v1/records",
            "GET /api/v1/records/{recordId}",
            "GET /api/v1/records/{recordId}/document",
            "PUT /api/v1/records/{recordId}",
            "PATCH /api/v1/records/{recordId}",
            "DELETE /api/v1/records/{recordId}",
            "GET /api/v1/conversations/{conversationId}/timeline",
            "GET /api/v1/conversations/{conversationId}/export");

    @Test
    void theTableCoversEveryEndpointOfTheApi() {
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> info.getPatternValues().stream()
                .filter(p -> p.startsWith("/api/"))
                .forEach(p -> info.getMethodsCondition().getMethods()
                        .forEach(m -> served.add(m.name() + " " + p))));
        Set<String> covered = new TreeSet<>(LISTS);
        covered.addAll(CASE_RECORD);
        byId.forEach(row -> covered.add(row.endpoint().replace(" (an evidence)", "")));

        assertThat(covered).isEqualTo(served);
    }

    private Target targetOfA(boolean acknowledged) {
        UUID id = receive("urn:authority:court-a", XML, PDF);
        if (acknowledged) {
            assertThat(post(COURT_A, "/api/v1/messages/" + id + "/acknowledgement").getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }
        ConnectorMessage message = store.find(id).orElseThrow();
        Evidence evidence = store.evidences(id).get(0);
        return new Target(id, message.payloads().get(0).payloadId(), evidence.document().payloadId(), null,
                get(COURT_A, "/api/v1/messages/" + id).getHeaders().getETag());
    }

    @Test
    void backEndBCannotReachAsMessageByItsIdOnAnyEndpoint() {
        List<String> failures = new ArrayList<>();
        for (Row row : byId) {
            Target target = targetOfA(row.acknowledgedFirst());
            MessageState state = store.find(target.id()).orElseThrow().state();
            int evidences = store.evidences(target.id()).size();
            bus.clear();

            ResponseEntity<String> asB = row.call().apply(COURT_B, target);

            if (asB.getStatusCode() != HttpStatus.NOT_FOUND || !"LB-1100".equals(json(asB).get("code").asText())) {
                failures.add(row.endpoint() + ": " + asB.getStatusCode() + " " + asB.getBody());
            }
            // the problem's instance echoes the path B sent; what the connector says must tell B nothing of A's
            assertThat(json(asB).get("detail").asText()).as(row.endpoint()).doesNotContain(target.payloadId())
                    .doesNotContain(target.evidencePayloadId()).doesNotContain("court-a");
            assertThat(asB.getBody()).as(row.endpoint()).doesNotContain("urn:authority:court-a");
            assertThat(store.find(target.id()).orElseThrow().state()).as(row.endpoint()).isEqualTo(state);
            assertThat(store.evidences(target.id())).as(row.endpoint()).hasSize(evidences);
            assertThat(bus.published()).as(row.endpoint()).isEmpty();

            assertThat(row.call().apply(COURT_A, target).getStatusCode().is2xxSuccessful())
                    .as(row.endpoint() + " succeeds for A").isTrue();
        }
        assertThat(failures).isEmpty();
    }

    /** B's 404 for A's message is word for word the 404 for a message that never existed: nothing tells them apart. */
    @Test
    void asMessageLooksToBExactlyLikeNoMessage() {
        Target target = targetOfA(false);
        UUID none = UUID.randomUUID();

        JsonNode forA = json(get(COURT_B, "/api/v1/messages/" + target.id()));
        JsonNode forNone = json(get(COURT_B, "/api/v1/messages/" + none));

        assertThat(forA.get("detail").asText().replace(target.id().toString(), "ID"))
                .isEqualTo(forNone.get("detail").asText().replace(none.toString(), "ID"));
        assertThat(forA.get("title")).isEqualTo(forNone.get("title"));
    }

    /** A conditional GET with A's own ETag gets B no 304: the message is still not found. */
    @Test
    void anETagOfAsMessageTellsBNothing() {
        Target target = targetOfA(false);

        ResponseEntity<String> response = getIfNoneMatch(COURT_B, "/api/v1/messages/" + target.id(), target.etag());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getETag()).isNull();
    }

    @Test
    void backEndBCannotFindAsMessageByAsBackendMessageId() {
        String id = json(submit(COURT_A, form(metadata("case-a-1"), XML))).get("connectorMessageId").asText();

        assertThat(json(get(COURT_B, "/api/v1/messages?backendMessageId=case-a-1")).get("messages")).isEmpty();
        assertThat(json(get(COURT_A, "/api/v1/messages?backendMessageId=case-a-1")).get("messages").get(0)
                .get("connectorMessageId").asText()).isEqualTo(id);
    }

    /** B may use A's backendMessageId for a message of its own: no conflict, and no word of A's message. */
    @Test
    void backEndBSubmittingAsBackendMessageIdGetsItsOwnMessage() {
        String ofA = json(submit(COURT_A, form(metadata("case-shared"), XML))).get("connectorMessageId").asText();

        ResponseEntity<String> response = submit(COURT_B, form(metadata("case-shared"), XML));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(json(response).get("connectorMessageId").asText()).isNotEqualTo(ofA);
        assertThat(response.getBody()).doesNotContain(ofA);
    }

    @Test
    void asMessageIsNotInBsInbox() {
        UUID ofA = receive("urn:authority:court-a", XML, PDF);

        assertThat(json(get(COURT_B, "/api/v1/messages/inbox")).get("messages")).isEmpty();
        assertThat(json(get(COURT_A, "/api/v1/messages/inbox")).get("messages").get(0)
                .get("connectorMessageId").asText()).isEqualTo(ofA.toString());
    }

    @Test
    void asMessageIsNotInBsChangeFeed() {
        UUID ofA = receive("urn:authority:court-a", XML, PDF);
        post(COURT_A, "/api/v1/messages/" + ofA + "/acknowledgement");

        ResponseEntity<String> asB = get(COURT_B, "/api/v1/events");

        assertThat(asB.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json(asB).get("events")).isEmpty();
        assertThat(asB.getBody()).doesNotContain(ofA.toString());
        assertThat(json(get(COURT_A, "/api/v1/events")).get("events")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("connectorMessageId").asText()).isEqualTo(ofA.toString()));
    }
}
