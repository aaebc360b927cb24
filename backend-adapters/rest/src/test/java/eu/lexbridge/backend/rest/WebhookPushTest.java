package eu.lexbridge.backend.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import eu.lexbridge.backend.rest.view.ApiLinks;
import eu.lexbridge.backend.rest.view.MessageViews;
import eu.lexbridge.backend.rest.webhook.WebhookLink;
import eu.lexbridge.backend.rest.webhook.WebhookSignature;
import eu.lexbridge.backend.rest.webhook.Webhooks;
import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.flow.RetryableSendException;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.port.BackendLink;
import eu.lexbridge.core.port.PushDelivery;
import eu.lexbridge.core.record.DeadlineAlert;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Webhook push to a real HTTP server on loopback that checks each call's signature as a back-end would, by the
 * Standard Webhooks rules (written out here, apart from the connector's own signing code).
 */
@SpringBootTest(classes = TestConnector.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class WebhookPushTest extends ApiTestSupport {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(KEY);
    private static final BlockingQueue<Call> CALLS = new LinkedBlockingQueue<>();
    private static final AtomicInteger ANSWER = new AtomicInteger(204);
    private static final AtomicInteger DELAY_MILLIS = new AtomicInteger();
    private static final HttpServer BACKEND = backend();

    @Autowired PushDelivery webhooks;
    @Autowired ObjectMapper mapper;

    record Call(Map<String, String> headers, byte[] body) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    @DynamicPropertySource
    static void webhook(DynamicPropertyRegistry registry) {
        registry.add("lexbridge.rest.backends.court-b.webhook.url", () -> hookUrl());
        registry.add("lexbridge.rest.backends.court-b.webhook.secret", () -> SECRET);
        registry.add("lexbridge.network.allow-plain-http", () -> "true");
    }

    @BeforeEach
    void answerYes() {
        ANSWER.set(204);
        DELAY_MILLIS.set(0);
        CALLS.clear();
    }

    @AfterAll
    static void stop() {
        BACKEND.stop(0);
    }

    @Test
    void aReceivedMessageIsPushedSignedWithLinksThatFetchItsPayloads(CapturedOutput log) throws Exception {
        UUID id = receive("urn:authority:court-b", XML, XML);

        Call call = CALLS.poll(5, TimeUnit.SECONDS);
        assertThat(call).isNotNull();
        assertSignedAsTheSpecificationSays(call);
        assertThat(call.headers().get("webhook-id")).isEqualTo("message-" + id);
        assertThat(call.headers().get("content-type")).isEqualTo("application/json");
        JsonNode event = call.json();
        assertThat(event.get("type").asText()).isEqualTo("message.received");
        JsonNode message = event.get("data");
        assertThat(message.get("connectorMessageId").asText()).isEqualTo(id.toString());
        assertThat(message.get("finalRecipient").asText()).isEqualTo("urn:authority:court-b");
        assertThat(message.get("payloads")).isNotEmpty();
        for (JsonNode payload : message.get("payloads")) {
            assertThat(download(COURT_B, payload.get("href").asText()).getStatusCode().value()).isEqualTo(200);
        }
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(MessageState.AVAILABLE_TO_BACKEND);
        assertThat(store.timeline(id)).anySatisfy(t -> assertThat(t.detail())
                .isEqualTo("pushed to back-end court-b: the webhook of back-end court-b took it (HTTP 204)"));
        assertThat(log).doesNotContain(SECRET).doesNotContain(Base64.getEncoder().encodeToString(KEY));
    }

    @Test
    void aBackEndWithoutAWebhookIsNotPushedTo() throws Exception {
        receive("urn:authority:court-a", XML, XML);

        assertThat(CALLS.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aRepeatedOfferCarriesTheSameWebhookId() throws Exception {
        UUID id = receive("urn:authority:court-b", XML, XML);
        delivery.deliver(id); // a redelivered step

        Call first = CALLS.poll(5, TimeUnit.SECONDS);
        Call second = CALLS.poll(5, TimeUnit.SECONDS);
        assertThat(second.headers().get("webhook-id")).isEqualTo(first.headers().get("webhook-id"));
        assertSignedAsTheSpecificationSays(second);
    }

    @Test
    void aClientErrorIsARefusalAndTheSenderGetsNonDelivery() throws Exception {
        ANSWER.set(422);

        UUID id = receive("urn:authority:court-b", XML, XML);

        assertThat(store.evidences(id)).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(EvidenceType.NON_DELIVERY);
            assertThat(e.reason()).contains("the webhook of back-end court-b refused it (HTTP 422)");
        });
    }

    @Test
    void aServerErrorOrTooManyRequestsIsTriedAgainAndNothingIsLost() throws Exception {
        for (int status : new int[] {503, 429, 408}) {
            ANSWER.set(status);
            assertThatThrownBy(() -> receive("urn:authority:court-b", XML, XML))
                    .isInstanceOf(RetryableSendException.class)
                    .hasMessageContaining("the webhook of back-end court-b answered HTTP " + status);
        }
        UUID waiting = store.all().stream().filter(m -> "court-b".equals(m.backendName())).findFirst().orElseThrow()
                .connectorMessageId();
        assertThat(store.find(waiting).orElseThrow().state()).isEqualTo(MessageState.AVAILABLE_TO_BACKEND);

        ANSWER.set(200);
        CALLS.clear();
        delivery.deliver(waiting); // the broker's redelivery, once the back-end is back
        assertThat(CALLS.poll(5, TimeUnit.SECONDS).headers().get("webhook-id")).isEqualTo("message-" + waiting);
    }

    @Test
    void anEvidenceIsPushedWithItsMessage() throws Exception {
        UUID id = receive("urn:authority:court-b", XML, XML);
        CALLS.clear();
        ConnectorMessage message = store.find(id).orElseThrow();
        Evidence evidence = store.evidences(id).get(0);

        BackendLink.Handover handover = webhooks.links().get("court-b").notify(message, evidence);

        assertThat(handover).isInstanceOf(BackendLink.Pushed.class);
        Call call = CALLS.poll(5, TimeUnit.SECONDS);
        assertSignedAsTheSpecificationSays(call);
        assertThat(call.headers().get("webhook-id")).isEqualTo("evidence-" + evidence.evidenceId());
        JsonNode event = call.json();
        assertThat(event.get("type").asText()).isEqualTo("evidence.recorded");
        assertThat(event.at("/data/message/connectorMessageId").asText()).isEqualTo(id.toString());
        assertThat(event.at("/data/evidence/evidenceId").asText()).isEqualTo(evidence.evidenceId().toString());
        assertThat(event.at("/data/evidence/type").asText()).isEqualTo(evidence.type().name());
        assertThat(download(COURT_B, event.at("/data/evidence/href").asText()).getStatusCode().value())
                .isEqualTo(200);
    }

    @Test
    void noAnswerInTimeAndNoConnectionAreUnreachable() throws Exception {
        UUID id = receive("urn:authority:court-b", XML, XML);
        ConnectorMessage message = store.find(id).orElseThrow();
        DELAY_MILLIS.set(3000);

        assertThat(link(URI.create(hookUrl()), Duration.ofMillis(500)).deliver(message))
                .isEqualTo(new BackendLink.Unreachable("the webhook of back-end court-b did not answer in time"));

        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        assertThat(link(URI.create("http://127.0.0.1:" + closed + "/hook"), Duration.ofSeconds(5)).deliver(message))
                .isEqualTo(new BackendLink.Unreachable("the webhook of back-end court-b could not be connected to"));
    }

    private WebhookLink link(URI url, Duration timeout) {
        return new WebhookLink("court-b", url, WebhookSignature.of(SECRET), HttpClient.newHttpClient(), timeout,
                mapper, new MessageViews(new ApiLinks("")), store, Clock.systemUTC());
    }

    /** https://www.standardwebhooks.com: HMAC-SHA256 over "id.timestamp.body", "v1,<base64>", a fresh timestamp. */
    @Test
    void aMissedTimeLimitIsPushedSignedAndAServerErrorLeavesItForTheNextRun() throws Exception {
        Instant due = Instant.parse("2026-12-16T23:00:00Z");
        DeadlineAlert alert = new DeadlineAlert(41, DeadlineAlert.Kind.MISSED, "court-b", "case-0042", "D4",
                "execute the EPOC: produce the data", "Reg (EU) 2023/1543 Art 10(2)", "addressee", "msg-1",
                due.minusSeconds(864_000), due, due.plusSeconds(60));
        BackendLink link = webhooks.links().get("court-b");

        BackendLink.Handover taken = link.alert(alert);

        assertThat(taken).isInstanceOf(BackendLink.Pushed.class);
        Call call = CALLS.poll(5, TimeUnit.SECONDS);
        assertSignedAsTheSpecificationSays(call);
        assertThat(call.headers().get("webhook-id")).isEqualTo("alert-41");
        JsonNode event = call.json();
        assertThat(event.get("type").asText()).isEqualTo("deadline.missed");
        assertThat(event.get("data").get("conversationId").asText()).isEqualTo("case-0042");
        assertThat(event.get("data").get("deadlineId").asText()).isEqualTo("D4");
        assertThat(event.get("data").get("dueAt").asText()).isEqualTo("2026-12-16T23:00:00Z");
        assertThat(event.get("data").get("timeline").asText())
                .isEqualTo("/api/v1/conversations/case-0042/timeline");

        ANSWER.set(503);
        assertThat(link.alert(alert)).isInstanceOf(BackendLink.Unreachable.class);
        ANSWER.set(400);
        assertThat(link.alert(alert)).isInstanceOf(BackendLink.Refused.class);
    }

    private static void assertSignedAsTheSpecificationSays(Call call) throws Exception {
        String id = call.headers().get("webhook-id");
        String timestamp = call.headers().get("webhook-timestamp");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring("whsec_".length())), "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(call.body()));
        assertThat(call.headers().get("webhook-signature").split(" ")).contains(expected);
        // The test connector's clock is fixed in 2026; a back-end also checks the timestamp is recent.
        assertThat(Long.parseLong(timestamp)).isPositive();
    }

    private static String hookUrl() {
        return "http://127.0.0.1:" + BACKEND.getAddress().getPort() + "/hooks/lexbridge";
    }

    private static HttpServer backend() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/hooks/lexbridge", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Map<String, String> headers = new java.util.HashMap<>();
                exchange.getRequestHeaders().forEach((name, values) ->
                        headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
                try {
                    Thread.sleep(DELAY_MILLIS.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                CALLS.add(new Call(headers, body));
                exchange.sendResponseHeaders(ANSWER.get(), -1);
                exchange.close();
            });
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
