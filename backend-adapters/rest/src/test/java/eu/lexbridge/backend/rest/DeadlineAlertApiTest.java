package eu.lexbridge.backend.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.lexbridge.core.port.DeadlineAlerts;
import eu.lexbridge.core.record.DeadlineAlert;
import eu.lexbridge.core.record.DeadlineAlert.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Issue 14 item 3: a back-end that pulls reads the alerts about its time limits, its own only, after a cursor. */
class DeadlineAlertApiTest extends ApiTestSupport {

    private static final Instant DUE = Instant.parse("2026-12-16T23:00:00Z");

    @Autowired DeadlineAlerts alerts;

    private static DeadlineAlert alert(Kind kind, String backend, String conversation) {
        return new DeadlineAlert(0, kind, backend, conversation, "D4", "execute the EPOC: produce the data",
                "Reg (EU) 2023/1543 Art 10(2)", "addressee", null, DUE.minusSeconds(864_000), DUE,
                DUE.minusSeconds(3600));
    }

    private static List<String> lines(JsonNode page) {
        List<String> lines = new ArrayList<>();
        page.get("alerts").forEach(a -> lines.add(a.get("kind").asText() + " " + a.get("conversationId").asText()
                + " " + a.get("deadlineId").asText()));
        return lines;
    }

    @Test
    void aBackEndReadsItsOwnAlertsInOrderAndReadsOnFromTheCursor() {
        String one = "case-" + UUID.randomUUID();
        String two = "case-" + UUID.randomUUID();
        JsonNode before = json(get(COURT_A, "/api/v1/deadline-alerts?limit=500"));
        String start = before.get("cursor").asText();
        alerts.raise(alert(Kind.DUE_SOON, "court-a", one));
        alerts.raise(alert(Kind.DUE_SOON, "court-b", two));
        alerts.raise(alert(Kind.MISSED, "court-a", one));

        ResponseEntity<String> response = get(COURT_A, "/api/v1/deadline-alerts?after=" + start);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getCacheControl()).isEqualTo("no-store");
        JsonNode page = json(response);
        assertThat(lines(page)).containsExactly("DUE_SOON " + one + " D4", "MISSED " + one + " D4");
        JsonNode missed = page.get("alerts").get(1);
        assertThat(missed.get("dueAt").asText()).isEqualTo("2026-12-16T23:00:00Z");
        assertThat(missed.get("source").asText()).isEqualTo("Reg (EU) 2023/1543 Art 10(2)");
        assertThat(missed.get("startedBy").isNull()).isTrue();
        assertThat(missed.get("timeline").asText()).isEqualTo("/api/v1/conversations/" + one + "/timeline");
        assertThat(page.get("cursor").asText()).isEqualTo(missed.get("sequence").asText());
        assertThat(page.get("next").asText()).isEqualTo("/api/v1/deadline-alerts?after=" + page.get("cursor").asText());
        assertThat(lines(json(get(COURT_A, page.get("next").asText())))).isEmpty();
        assertThat(lines(json(get(COURT_B, "/api/v1/deadline-alerts?after=" + start))))
                .containsExactly("DUE_SOON " + two + " D4");
    }

    @Test
    void aBadCursorOrLimitIsAProblemNamingIt() {
        for (String query : List.of("after=-1", "after=abc", "limit=0", "limit=501")) {
            ResponseEntity<String> response = get(COURT_A, "/api/v1/deadline-alerts?" + query);

            assertThat(response.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
            JsonNode problem = json(response);
            assertThat(problem.get("code").asText()).as(query).isEqualTo("LB-1002");
            assertThat(problem.get("field").asText()).as(query).isEqualTo(query.substring(0, query.indexOf('=')));
        }
    }

    @Test
    void noAlertIsReadWithoutAToken() {
        assertThat(get(null, "/api/v1/deadline-alerts").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
