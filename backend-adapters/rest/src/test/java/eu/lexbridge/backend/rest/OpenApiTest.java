package eu.lexbridge.backend.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class OpenApiTest extends ApiTestSupport {

    @Test
    void theApiDocumentDescribesEveryEndpointAndTheBearerScheme() {
        ResponseEntity<String> response = http.getForEntity("/v3/api-docs", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode doc = json(response);
        assertThat(doc.at("/info/title").asText()).isEqualTo("LexBridge back-end API");
        JsonNode paths = doc.get("paths");
        assertThat(paths.fieldNames()).toIterable().contains(
                "/api/v1/messages",
                "/api/v1/messages/inbox",
                "/api/v1/messages/{messageId}",
                "/api/v1/messages/{messageId}/payloads/{payloadId}",
                "/api/v1/messages/{messageId}/acknowledgement",
                "/api/v1/messages/{messageId}/timeline",
                "/api/v1/messages/{messageId}/refusal",
                "/api/v1/messages/{messageId}/retrieval",
                "/api/v1/messages/{messageId}/retrieval-failure",
                "/api/v1/events");
        assertThat(paths.at("/~1api~1v1~1messages~1{messageId}~1refusal/post/requestBody/content/application~1json"
                + "/schema/$ref").asText()).endsWith("ConfirmationReason");
        assertThat(paths.at("/~1api~1v1~1messages/get/parameters/0/name").asText()).isEqualTo("backendMessageId");
        assertThat(paths.at("/~1api~1v1~1messages~1{messageId}/get/responses/200/headers/ETag").isMissingNode())
                .isFalse();
        assertThat(paths.at("/~1api~1v1~1events/get/responses/200/content/application~1json/schema/$ref").asText())
                .endsWith("EventPageView");
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        JsonNode submit = paths.at("/~1api~1v1~1messages/post");
        assertThat(submit.at("/summary").asText()).isNotBlank();
        assertThat(submit.at("/security/0").has("bearer")).isTrue();
        assertThat(submit.at("/requestBody/content/multipart~1form-data/schema/$ref").asText())
                .endsWith("SubmissionForm");
        assertThat(doc.at("/components/schemas/SubmissionForm/properties/businessContent/format").asText())
                .isEqualTo("binary");
        assertThat(paths.at("/~1api~1v1~1messages~1inbox/get/parameters/0/name").asText()).isEqualTo("limit");
        assertThat(paths.at("/~1api~1v1~1messages~1inbox/get/responses/200/content/application~1json/schema/$ref")
                .asText()).endsWith("InboxView");
        assertThat(paths.at("/~1api~1v1~1messages~1{messageId}/get/responses/404/content/application~1problem+json"
                + "/schema/$ref").asText()).endsWith("Problem");
        assertThat(response.getBody()).doesNotContain("AuthenticatedBackend");
    }

    /** Said once in the code, it holds for every operation: each error is a problem, and each may answer 401. */
    @Test
    void everyErrorAnswerOfEveryOperationIsAProblemAndEachMayAnswer401() {
        JsonNode paths = json(http.getForEntity("/v3/api-docs", String.class)).get("paths");
        int operations = 0;
        for (var path = paths.fields(); path.hasNext(); ) {
            var entry = path.next();
            for (var operation = entry.getValue().fields(); operation.hasNext(); ) {
                var op = operation.next();
                operations++;
                JsonNode responses = op.getValue().get("responses");
                assertThat(responses.has("401")).as(op.getKey() + " " + entry.getKey()).isTrue();
                assertThat(responses.at("/401/description").asText()).contains("client certificate");
                for (var status = responses.fieldNames(); status.hasNext(); ) {
                    String code = status.next();
                    if (code.startsWith("4") || code.startsWith("5")) {
                        assertThat(responses.at("/" + code + "/content/application~1problem+json/schema/$ref")
                                .asText()).as(op.getKey() + " " + entry.getKey() + " " + code)
                                .isEqualTo("#/components/schemas/Problem");
                    }
                }
            }
        }
        assertThat(operations).isGreaterThanOrEqualTo(10);
        assertThat(paths.at("/~1api~1v1~1messages~1{messageId}~1acknowledgement/post/responses/404/description")
                .asText()).startsWith("no such message for this back-end");
    }
}
