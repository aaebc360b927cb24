package eu.lexbridge.backend.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@ExtendWith(OutputCaptureExtension.class)
class AuthenticationTest extends ApiTestSupport {

    @Test
    void aSubmissionWithoutATokenIsRefusedAndNothingIsStored(CapturedOutput log) {
        ResponseEntity<String> response = submit(null, form(metadata("m-1"), XML));

        assertUnauthenticated(response);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer realm=\"lexbridge\"");
        assertThat(log).contains("lexbridge.security").contains("no bearer token").contains("POST /api/v1/messages");
    }

    @Test
    void aSubmissionWithAWrongTokenIsRefusedAndTheTokenIsNotLogged(CapturedOutput log) {
        String wrong = "court-a-token-0123456780";

        ResponseEntity<String> response = submit(wrong, form(metadata("m-1"), XML));

        assertUnauthenticated(response);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).contains("invalid_token");
        assertThat(log).contains("lexbridge.security").contains("unknown bearer token").doesNotContain(wrong);
        assertThat(response.getBody()).doesNotContain(wrong);
    }

    @Test
    void otherSchemesAndEmptyTokensAreRefused() {
        for (String authorization : new String[] {"Basic Y291cnQtYTpzZWNyZXQ=", "Bearer ", "Bearer", COURT_A}) {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.AUTHORIZATION, authorization);
            assertUnauthenticated(http.exchange("/api/v1/messages/inbox", HttpMethod.GET, new HttpEntity<>(headers),
                    String.class));
        }
    }

    @Test
    void everyEndpointNeedsAToken() {
        UUID id = receive("urn:authority:court-a", XML, XML);
        for (String path : new String[] {"/api/v1/messages/inbox", "/api/v1/messages/" + id,
                "/api/v1/messages/" + id + "/timeline", "/api/v1/messages/" + id + "/payloads/x",
                "/api/v1/messages?backendMessageId=x", "/api/v1/events", "/api/v1/events?after=0&wait=PT30S"}) {
            assertUnauthenticated(get(null, path));
        }
        for (String confirmation : new String[] {"acknowledgement", "refusal", "retrieval", "retrieval-failure"}) {
            assertUnauthenticated(post(null, "/api/v1/messages/" + id + "/" + confirmation));
        }
        assertThat(store.evidences(id)).hasSize(1); // the RELAY_REMMD_ACCEPTANCE of its reception, no more
    }

    @Test
    void theTokenSchemeIsCaseInsensitive() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, "bearer " + COURT_A);
        assertThat(http.exchange("/api/v1/messages/inbox", HttpMethod.GET, new HttpEntity<>(headers), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private void assertUnauthenticated(ResponseEntity<String> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json(response);
        assertThat(problem.get("type").asText()).isEqualTo("https://lexbridge.eu/problems/LB-1200");
        assertThat(problem.get("code").asText()).isEqualTo("LB-1200");
        assertThat(problem.get("title").asText()).isEqualTo("The back-end is not authenticated");
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(store.all()).filteredOn(m -> m.backendMessageId() != null).isEmpty();
        assertThat(bus.on(eu.lexbridge.core.port.Hop.OUTBOUND_SUBMITTED)).isEmpty();
    }
}
