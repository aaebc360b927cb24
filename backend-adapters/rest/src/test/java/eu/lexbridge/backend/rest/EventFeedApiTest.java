package eu.lexbridge.backend.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Issue 11 item 4 on REST: the change feed, so that no back-end polls each message. */
class EventFeedApiTest extends ApiTestSupport {

    static final byte[] PDF = "%PDF-1.7 order".getBytes(StandardCharsets.US_ASCII);

    private static List<String> lines(JsonNode events) {
        List<String> lines = new ArrayList<>();
        events.forEach(e -> lines.add(e.get("connectorMessageId").asText() + " "
                + (e.get("state").isNull() ? "-" : e.get("state").asText()) + " "
                + (e.get("evidenceType").isNull() ? "-" : e.get("evidenceType").asText() + "/"
                + e.get("evidenceOrigin").asText())));
        return lines;
    }

    @Test
    void theFeedListsTheBackEndsStatesAndEvidencesInOrder() {
        UUID received = receive("urn:authority:court-a", XML, PDF);
        post(COURT_A, "/api/v1/messages/" + received + "/acknowledgement");
        receive("urn:authority:court-b", XML, PDF);

        ResponseEntity<String> response = get(COURT_A, "/api/v1/events");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode page = json(response);
        assertThat(lines(page.get("events"))).containsExactly(
                received + " - RELAY_REMMD_ACCEPTANCE/ISSUED",
                received + " AVAILABLE_TO_BACKEND -",
                received + " DELIVERED_TO_BACKEND DELIVERY/ISSUED");
        JsonNode last = page.get("events").get(2);
        assertThat(last.get("href").asText()).isEqualTo("/api/v1/messages/" + received);
        assertThat(last.get("conversationId").asText()).isNotBlank();
        assertThat(last.get("at").asText()).startsWith("2026-11-23T");
        assertThat(page.get("cursor").asText()).isEqualTo(last.get("sequence").asText());
        assertThat(page.get("next").asText()).isEqualTo("/api/v1/events?after=" + page.get("cursor").asText());
    }

    @Test
    void readingOnFromTheCursorGivesOnlyWhatCameAfter() {
        UUID received = receive("urn:authority:court-a", XML, PDF);
        JsonNode first = json(get(COURT_A, "/api/v1/events"));
        String cursor = first.get("cursor").asText();

        JsonNode nothingYet = json(get(COURT_A, "/api/v1/events?after=" + cursor));
        post(COURT_A, "/api/v1/messages/" + received + "/acknowledgement");
        JsonNode then = json(get(COURT_A, first.get("next").asText()));

        assertThat(nothingYet.get("events")).isEmpty();
        assertThat(nothingYet.get("cursor").asText()).isEqualTo(cursor);
        assertThat(lines(then.get("events"))).containsExactly(received + " DELIVERED_TO_BACKEND DELIVERY/ISSUED");
        assertThat(json(get(COURT_A, "/api/v1/events?after=0")).get("events")).as("the feed deletes nothing")
                .hasSize(first.get("events").size() + 1);
    }

    @Test
    void theLimitCutsThePageAndTheCursorReadsOn() {
        UUID received = receive("urn:authority:court-a", XML, PDF);
        post(COURT_A, "/api/v1/messages/" + received + "/acknowledgement");

        JsonNode first = json(get(COURT_A, "/api/v1/events?limit=2"));
        JsonNode rest = json(get(COURT_A, first.get("next").asText() + "&limit=2"));

        assertThat(first.get("events")).hasSize(2);
        assertThat(lines(rest.get("events"))).containsExactly(received + " DELIVERED_TO_BACKEND DELIVERY/ISSUED");
    }

    @Test
    void aSubmittedMessagesChangesAreInItsSendersFeed() {
        String id = json(submit(COURT_A, form(metadata("feed-1"), XML))).get("connectorMessageId").asText();
        store.advance(UUID.fromString(id), eu.lexbridge.core.message.MessageState.ACCEPTED, "prepared",
                java.time.Instant.parse("2026-11-23T08:30:00Z"));

        assertThat(lines(json(get(COURT_A, "/api/v1/events")).get("events"))).containsExactly(id + " ACCEPTED -");
        assertThat(json(get(COURT_B, "/api/v1/events")).get("events")).isEmpty();
    }

    @Test
    void aWaitingReadAnswersWhenAnEventArrives() throws Exception {
        UUID received = receive("urn:authority:court-a", XML, PDF);
        String cursor = json(get(COURT_A, "/api/v1/events")).get("cursor").asText();
        long start = System.nanoTime();

        CompletableFuture<ResponseEntity<String>> waiting = CompletableFuture.supplyAsync(
                () -> get(COURT_A, "/api/v1/events?after=" + cursor + "&wait=PT20S"));
        Thread.sleep(500);
        assertThat(waiting).as("still waiting").isNotDone();
        post(COURT_A, "/api/v1/messages/" + received + "/acknowledgement");

        ResponseEntity<String> answer = waiting.get(10, TimeUnit.SECONDS);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(10);
        assertThat(lines(json(answer).get("events")))
                .containsExactly(received + " DELIVERED_TO_BACKEND DELIVERY/ISSUED");
    }

    @Test
    void aWaitWithNothingNewEndsEmptyAfterTheWait() {
        long start = System.nanoTime();

        ResponseEntity<String> response = get(COURT_A, "/api/v1/events?after=0&wait=PT1S");

        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json(response).get("events")).isEmpty();
        assertThat(json(response).get("cursor").asText()).isEqualTo("0");
        assertThat(waited).isBetween(900L, 8000L);
    }

    @Test
    void aBadCursorWaitOrLimitIsRefusedNamingIt() {
        record Bad(String query, String field) { }
        for (Bad bad : List.of(new Bad("after=-1", "after"), new Bad("after=abc", "after"),
                new Bad("after=99999999999999999999", "after"), new Bad("wait=30", "wait"),
                new Bad("wait=PT61S", "wait"), new Bad("wait=-PT1S", "wait"), new Bad("limit=0", "limit"),
                new Bad("limit=501", "limit"), new Bad("limit=many", "limit"))) {
            ResponseEntity<String> response = get(COURT_A, "/api/v1/events?" + bad.query());
            assertThat(response.getStatusCode()).as(bad.query()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(json(response).get("code").asText()).as(bad.query()).isEqualTo("LB-1002");
            assertThat(json(response).get("field").asText()).as(bad.query()).isEqualTo(bad.field());
        }
    }
}
