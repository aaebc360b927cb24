package eu.lexbridge.app.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import eu.lexbridge.app.LexbridgeApplication;
import eu.lexbridge.app.TestConnectorSettings;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One whole connector with tracing on, whose second partner is itself (its own AS4 endpoint): a submitted message goes
 * out over AS4 and comes back in, so one trace holds the back-end's submission, the outbound routes, the AS4 send, the
 * AS4 reception (a server span continued from the request's {@code traceparent}, on another thread) and the inbound
 * routes. Spans go both to an in-memory exporter, read here, and over OTLP/HTTP to a tiny receiver on loopback.
 */
@SpringBootTest(classes = LexbridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = "lexbridge.tracing.enabled=true")
@AutoConfigureObservability
@Import(TracingTest.Exporter.class)
// phase4 allows one AS4 identity per JVM: the next whole connector starts only once this one is closed
@DirtiesContext
class TracingTest {

    private static final String TOKEN = "tracing-test-token";
    /** bcrypt (cost 4, tests only) of {@code viewer-secret}. */
    private static final String VIEWER_HASH = "{bcrypt}$2a$04$UPPZdFEzfxthYtXYBAV1v.mxEOUBixCB9IHel.bAT0e9lKKk05gc2";
    /** In the business content and the back-end's free text of the message: never on a span. */
    private static final String SECRET = "Jane-Doe-7731";
    private static final List<String> OTLP_POSTS = new CopyOnWriteArrayList<>();
    private static HttpServer collector;
    private static int port;

    @TempDir
    static Path root;

    @LocalManagementPort
    int managementPort;

    @Autowired
    InMemorySpanExporter spans;

    @Autowired
    SdkTracerProvider tracerProvider;

    @Autowired
    CamelContext camel;

    @TestConfiguration(proxyBeanMethods = false)
    static class Exporter {
        @Bean
        InMemorySpanExporter inMemorySpanExporter() {
            return InMemorySpanExporter.create();
        }
    }

    @DynamicPropertySource
    static void connector(DynamicPropertyRegistry registry) throws IOException {
        collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            OTLP_POSTS.add(exchange.getRequestHeaders().getFirst("Content-Type") + " " + body.length);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        var pki = TestConnectorSettings.register(registry, root, TOKEN);
        var at = pki.parties().get("at-prosecutor");
        registry.add("server.port", () -> String.valueOf(port));
        registry.add("lexbridge.network.partners[1].name", () -> "at-prosecutor");
        registry.add("lexbridge.network.partners[1].party-id", () -> "at-prosecutor");
        registry.add("lexbridge.network.partners[1].endpoint", () -> "https://127.0.0.1:" + port + "/as4");
        registry.add("lexbridge.network.partners[1].certificate", () -> at.as4Certificate().toString());
        registry.add("lexbridge.management.users[0].name", () -> "viewer");
        registry.add("lexbridge.management.users[0].password-hash", () -> VIEWER_HASH);
        registry.add("lexbridge.management.users[0].role", () -> "VIEWER");
        registry.add("lexbridge.tracing.endpoint",
                () -> "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces");
    }

    @AfterAll
    static void stopCollector() {
        collector.stop(0);
    }

    @Test
    void oneSubmissionIsOneTraceFromTheBackendThroughAs4ToTheReceivingRoutes() throws Exception {
        var response = submit("""
                {"backendMessageId":"%s","service":"EEvidence","action":"EPOC","toPartyId":"at-prosecutor",
                 "originalSender":"AT/%s","finalRecipient":"AT/%s"}""".formatted(UUID.randomUUID(), SECRET, SECRET),
                "<epoc><name>" + SECRET + "</name></epoc>");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String id = response.body().replaceAll(".*\"connectorMessageId\":\"([^\"]+)\".*", "$1");

        SpanData prepare = await(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals("outbound-prepare"))
                .filter(s -> id.equals(s.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey(
                        SpanAttributes.CONNECTOR_MESSAGE_ID)))).findFirst());
        String traceId = prepare.getTraceId();
        List<SpanData> trace = await(() -> {
            List<SpanData> found = inTrace(traceId);
            // the sending spans end once the receipt is back, after the receiving side has queued the message
            return found.stream().map(SpanData::getName).toList().containsAll(List.of("inbound-receive",
                    TracedGateway.SPAN, "gateway-dispatch-message")) ? Optional.of(found) : Optional.empty();
        });

        assertThat(trace).extracting(SpanData::getName)
                .contains("outbound-prepare", "gateway-dispatch-message", TracedGateway.SPAN, "inbound-receive");
        SpanData submission = trace.stream().filter(s -> !s.getParentSpanContext().isValid()).findFirst().orElseThrow();
        assertThat(submission.getKind()).as("the trace begins with the back-end's request").isEqualTo(SpanKind.SERVER);
        assertThat(submission.getName()).contains("/api/v1/messages");

        SpanData send = trace.stream().filter(s -> s.getName().equals(TracedGateway.SPAN)).findFirst().orElseThrow();
        String ebmsId = send.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey(
                SpanAttributes.EBMS_MESSAGE_ID));
        assertThat(ebmsId).endsWith("@at.test");
        assertThat(attribute(send, SpanAttributes.PARTNER)).isEqualTo("at-prosecutor");
        assertThat(attribute(send, SpanAttributes.SERVICE)).isEqualTo("EEvidence");
        assertThat(attribute(send, SpanAttributes.ACTION)).isEqualTo("EPOC");
        assertThat(trace).as("the receiving side's server span continues the AS4 request's trace context")
                .anySatisfy(s -> {
                    assertThat(s.getKind()).isEqualTo(SpanKind.SERVER);
                    assertThat(s.getParentSpanId()).isEqualTo(send.getSpanId());
                });
        SpanData receive = trace.stream().filter(s -> s.getName().equals("inbound-receive")).findFirst().orElseThrow();
        assertThat(attribute(receive, SpanAttributes.EBMS_MESSAGE_ID)).isEqualTo(ebmsId);
        assertThat(attribute(receive, SpanAttributes.CONNECTOR_MESSAGE_ID)).isNotNull().isNotEqualTo(id);

        assertThat(trace).allSatisfy(span -> {
            assertThat(span.getAttributes().asMap().values()).allSatisfy(v -> assertThat(String.valueOf(v))
                    .doesNotContain(SECRET));
            assertThat(span.getEvents()).allSatisfy(event -> assertThat(event.getAttributes().asMap().values())
                    .allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain(SECRET)));
        });

        tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
        assertThat(OTLP_POSTS).as("exported over OTLP/HTTP to the configured endpoint").isNotEmpty()
                .allSatisfy(post -> assertThat(post).startsWith("application/x-protobuf"));
    }

    @Test
    void theTimersAreNotTracedAndPrometheusStillShowsTheRoutes() throws Exception {
        assertThat(camel.hasService(org.apache.camel.telemetry.Tracer.class)).isInstanceOf(RouteTracer.class);
        tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
        assertThat(spans.getFinishedSpanItems()).extracting(SpanData::getName)
                .doesNotContain("stalled-work-sweep", "evidence-timeouts");

        var scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("viewer:viewer-secret".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("routeId=\"outbound-prepare\"", "lexbridge_queue_messages{");
    }

    private List<SpanData> inTrace(String traceId) {
        tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
        return spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    private static String attribute(SpanData span, String key) {
        return span.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey(key));
    }

    private <T> T await(java.util.function.Supplier<Optional<T>> condition) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(40));
        while (Instant.now().isBefore(until)) {
            tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
            Optional<T> found = condition.get();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not found in time; spans: " + spans.getFinishedSpanItems().stream()
                .map(s -> s.getName() + "/" + s.getTraceId()).toList());
    }

    private HttpResponse<String> submit(String metadata, String xml) throws Exception {
        String boundary = "b" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + metadata + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"businessContent\"; filename=\"c.xml\""
                + "\r\nContent-Type: application/xml\r\n\r\n" + xml + "\r\n--" + boundary + "--\r\n";
        try {
            return TestConnectorSettings.httpsClient(root).send(HttpRequest.newBuilder(
                            URI.create("https://localhost:" + port + "/api/v1/messages"))
                    .header("Authorization", "Bearer " + TOKEN)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
