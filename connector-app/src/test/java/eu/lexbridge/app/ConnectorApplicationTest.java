package eu.lexbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.app.security.CountedSecurityEvents;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.Hop;
import eu.lexbridge.core.port.MessageBus;
import eu.lexbridge.core.port.PayloadStore;
import eu.lexbridge.trust.evidence.EvidenceSealer;
import eu.lexbridge.trust.evidence.ReferenceDigest;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.pki.TestPki;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One whole connector in this JVM: embedded Artemis with its journal, H2 with Flyway, the Camel routes, the AS4
 * servlet and the REST API over HTTPS. Its only partner is unreachable, so submitted messages stay ACCEPTED.
 */
@SpringBootTest(classes = LexbridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
// phase4 allows one AS4 identity per JVM: the next whole connector starts only once this one is closed
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class ConnectorApplicationTest {

    private static final String TOKEN = "application-test-token";
    private static final char[] PASSWORD = TestConnectorSettings.PASSWORD;
    /** bcrypt (cost 4, tests only) of {@code viewer-secret}. */
    private static final String VIEWER_HASH = "{bcrypt}$2a$04$UPPZdFEzfxthYtXYBAV1v.mxEOUBixCB9IHel.bAT0e9lKKk05gc2";
    private static final String VIEWER_LOGIN = "Basic " + java.util.Base64.getEncoder()
            .encodeToString("viewer:viewer-secret".getBytes(StandardCharsets.UTF_8));

    @TempDir
    static Path root;

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CamelContext camel;

    @Autowired
    MessageBus bus;

    @Autowired
    PayloadStore payloads;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ConnectionFactory connections;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @DynamicPropertySource
    static void connector(DynamicPropertyRegistry registry) {
        var pki = TestConnectorSettings.register(registry, root, TOKEN);
        TestConnectorSettings.addService(registry, 1, "EPOC-SIGNED", "ADVANCED_SIGNATURE");
        TestConnectorSettings.addService(registry, 2, "EPOC-QUALIFIED", "QUALIFIED");
        TestConnectorSettings.trustTestLists(registry, pki);
        registry.add("lexbridge.management.users[0].name", () -> "viewer");
        registry.add("lexbridge.management.users[0].password-hash", () -> VIEWER_HASH);
        registry.add("lexbridge.management.users[0].role", () -> "VIEWER");
    }

    @Test
    void everyFlowHasARouteWithAnId() {
        assertThat(camel.getRoutes()).extracting(Route::getRouteId).containsExactlyInAnyOrder(
                "outbound-prepare", "gateway-dispatch-message", "gateway-dispatch-evidence", "inbound-receive",
                "inbound-business", "backend-delivery", "backend-evidence-relay", "backend-evidence", "evidence-inbound",
                "stalled-work-sweep", "evidence-timeouts", "trusted-lists-refresh");
    }

    /**
     * Issue 15 item 3: tracing is off unless switched on (lexbridge.tracing.enabled): no tracer, no exporter, no
     * exporting thread, no tracing in Camel, no trace context put on the AS4 requests.
     */
    @Test
    void tracingIsOffByDefault() {
        assertThat(context.getBeanNamesForType(io.opentelemetry.api.trace.Tracer.class)).isEmpty();
        assertThat(context.getBeanNamesForType(io.opentelemetry.sdk.trace.SdkTracerProvider.class)).isEmpty();
        assertThat(context.getBeanNamesForType(io.opentelemetry.sdk.trace.export.SpanExporter.class)).isEmpty();
        assertThat(context.getBeanNamesForType(eu.lexbridge.gateway.as4.OutgoingRequestHeaders.class)).isEmpty();
        assertThat(context.getBeansOfType(io.micrometer.tracing.Tracer.class).values())
                .allSatisfy(tracer -> assertThat(tracer).isSameAs(io.micrometer.tracing.Tracer.NOOP));
        assertThat(camel.hasService(org.apache.camel.telemetry.Tracer.class)).isNull();
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(name -> name.contains("BatchSpanProcessor") || name.contains("OkHttp")
                        || name.contains("otlp"));
    }

    @Test
    void aSubmissionIsAcceptedAndARedeliveredStepDoesNotRepeatItsWork() throws Exception {
        var response = submit("""
                {"backendMessageId":"%s","service":"EEvidence","action":"EPOC","toPartyId":"de-court",
                 "originalSender":"AT/prosecutor","finalRecipient":"DE/court"}""".formatted(UUID.randomUUID()),
                "<epoc><a>1</a></epoc>");
        assertThat(response.statusCode()).isEqualTo(201);
        UUID id = UUID.fromString(response.body().replaceAll(".*\"connectorMessageId\":\"([^\"]+)\".*", "$1"));

        awaitState(id, "ACCEPTED");
        bus.publish(Hop.OUTBOUND_SUBMITTED, id, "again"); // as if the broker delivered the step a second time
        Thread.sleep(1500);

        assertThat(jdbc.queryForObject("select count(*) from lb_evidence where subject_id = ?", Integer.class, id))
                .isEqualTo(1);
        // the partner of this test is not up: its failed send attempts are noted as ACCEPTED lines of their own
        assertThat(jdbc.queryForList("select state from lb_timeline where message_id = ? and state is not null "
                + "and (detail is null or detail not like 'send attempt %')", String.class, id))
                .containsExactly("SUBMITTED", "ACCEPTED");
    }

    /**
     * Issue 15 item 6: the partner of this test is not up, so the send is tried again later. That is expected: one INFO
     * line with the attempt and until when, no ERROR or WARN with a stack trace from the route or the listener
     * container (before, each attempt printed about 80 lines).
     */
    @Test
    void anExpectedSendRetryIsOneInfoLineWithoutAStackTrace(CapturedOutput output) throws Exception {
        var response = submit("""
                {"backendMessageId":"%s","service":"EEvidence","action":"EPOC","toPartyId":"de-court",
                 "originalSender":"AT/prosecutor","finalRecipient":"DE/court"}""".formatted(UUID.randomUUID()),
                "<epoc><a>2</a></epoc>");
        UUID id = UUID.fromString(response.body().replaceAll(".*\"connectorMessageId\":\"([^\"]+)\".*", "$1"));
        awaitFirstSendAttempt(id);
        Thread.sleep(1000); // the listener container logs, if at all, right after the rollback

        assertThat(output.getOut()).contains("sending " + id + " failed (attempt 1), the broker tries again until ");
        String afterTheAttempt = output.getOut().substring(output.getOut().indexOf("sending " + id + " failed"));
        assertThat(afterTheAttempt).doesNotContain("RollbackExchangeException").doesNotContain("Failed delivery for")
                .doesNotContain("Execution of JMS message listener failed").doesNotContain("\tat org.apache.camel");
        assertThat(output.getOut().lines().filter(line -> line.contains("[" + id + "]"))
                .filter(line -> line.contains(" WARN [") || line.contains(" ERROR ["))).as("no warning either")
                .isEmpty();
        // Camel's exchange event notifier, whose racy gauge Micrometer warned about at every start, is off; the route
        // policy counts the routes' exchanges
        assertThat(meters.find("camel.exchanges.last.timestamp").gauge()).isNull();
        assertThat(meters.find("camel.exchanges.total").tag("routeId", "outbound-prepare").counter()).isNotNull();
    }

    @Test
    void badSubmissionsAreRefusedWithAProblemAndLeaveNothingBehind() throws Exception {
        int messages = count("lb_message");
        long payloadFiles = payloadFiles();
        String valid = """
                {"backendMessageId":"%s","service":"EEvidence","action":"EPOC","toPartyId":"%s",
                 "originalSender":"AT/prosecutor","finalRecipient":"DE/court"}""";

        var unknownRecipient = submit(valid.formatted(UUID.randomUUID(), "xx-nowhere"), "<epoc/>");
        var malformed = submit(valid.formatted(UUID.randomUUID(), "de-court"), "<epoc><unclosed></epoc>");
        var xxe = submit(valid.formatted(UUID.randomUUID(), "de-court"),
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");
        var missing = submit("{\"service\":\"EEvidence\",\"action\":\"EPOC\",\"toPartyId\":\"de-court\"}", "<epoc/>");

        assertThat(unknownRecipient.statusCode()).isEqualTo(400);
        assertThat(unknownRecipient.body()).contains("\"code\":\"LB-1004\"").contains("\"field\":\"toPartyId\"");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("LB-1003").contains("businessContent");
        assertThat(xxe.statusCode()).isEqualTo(400);
        assertThat(xxe.body()).doesNotContain("root:");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("LB-1001").contains("backendMessageId");
        assertThat(count("lb_message")).isEqualTo(messages);
        assertThat(payloadFiles()).isEqualTo(payloadFiles);
    }

    @Test
    void metricsAndHawtioShowTheRoutesOnTheManagementPortOnly() throws Exception {
        var management = URI.create("http://127.0.0.1:" + managementPort);
        var response = client().send(HttpRequest.newBuilder(management.resolve("/actuator/prometheus"))
                .header("Authorization", VIEWER_LOGIN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("routeId=\"outbound-prepare\"");
        assertThat(client().send(HttpRequest.newBuilder(uri("/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("not on the public port").isEqualTo(404);
        var hawtio = client().send(HttpRequest.newBuilder(management.resolve("/actuator/hawtio/"))
                .header("Authorization", VIEWER_LOGIN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(hawtio.statusCode()).isEqualTo(200);
        var jolokia = client().send(HttpRequest.newBuilder(management.resolve(
                "/actuator/jolokia/read/org.apache.camel:context=lexbridge,type=routes,name=%22outbound-prepare%22/State"))
                .header("Authorization", VIEWER_LOGIN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(jolokia.body()).contains("Started");
    }

    /**
     * Issue 15 item 3: the series an operator alerts on. The partner of this test is down, so a submitted message is
     * accepted (an evidence, timed from its submission) and its send attempts fail and are tried again.
     */
    @Test
    void prometheusShowsTheQueuesTheEvidencesTheSendsAndTheCertificates() throws Exception {
        var response = submit("""
                {"backendMessageId":"%s","service":"EEvidence","action":"EPOC","toPartyId":"de-court",
                 "originalSender":"AT/prosecutor","finalRecipient":"DE/court"}""".formatted(UUID.randomUUID()),
                "<epoc><a>3</a></epoc>");
        UUID id = id(response);
        awaitState(id, "ACCEPTED");
        awaitFirstSendAttempt(id);
        TestConnectorSettings.deadLetter(connections, Hop.BACKEND_EVIDENCE, "an id");
        String scrape = scrape();
        // the queue gauges read the broker every 10 s at most
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)
                && !scrape.contains("lexbridge_queue_messages{queue=\"DLQ.lexbridge.backend.evidence\"} 1.0")) {
            Thread.sleep(500);
            scrape = scrape();
        }

        assertThat(sample(scrape, "lexbridge_evidences_total", "type=\"SUBMISSION_ACCEPTANCE\"",
                "origin=\"ISSUED\"")).isGreaterThanOrEqualTo(1);
        assertThat(sample(scrape, "lexbridge_evidence_latency_seconds_count", "type=\"SUBMISSION_ACCEPTANCE\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(scrape).contains("lexbridge_evidence_latency_seconds_bucket{type=\"SUBMISSION_ACCEPTANCE\"");
        assertThat(sample(scrape, "lexbridge_as4_sends_seconds_count", "partner=\"de-court\"",
                "outcome=\"retryable\"")).isGreaterThanOrEqualTo(1);
        assertThat(scrape).as("a histogram, for the dashboard's p95 per partner")
                .containsPattern("lexbridge_as4_sends_seconds_bucket\\{[^}]*partner=\"de-court\"");
        assertThat(sample(scrape, "lexbridge_queue_messages", "queue=\"DLQ.lexbridge.backend.evidence\""))
                .isEqualTo(1);
        assertThat(sample(scrape, "lexbridge_queue_oldest_age_seconds",
                "queue=\"DLQ.lexbridge.backend.evidence\"")).isGreaterThan(0);
        for (Hop hop : Hop.values()) {
            assertThat(sample(scrape, "lexbridge_queue_messages", "queue=\"" + hop.queue() + "\""))
                    .as(hop.queue()).isGreaterThanOrEqualTo(0);
        }
        assertThat(sample(scrape, "lexbridge_certificate_expiry_seconds", "holder=\"self\"", "use=\"as4\""))
                .isGreaterThan(Duration.ofDays(30).toSeconds());
        assertThat(sample(scrape, "lexbridge_certificate_expiry_seconds", "holder=\"self\"", "use=\"tls\""))
                .isGreaterThan(0);
        assertThat(sample(scrape, "lexbridge_certificate_expiry_seconds", "holder=\"de-court\"",
                "use=\"as4\"")).isGreaterThan(0);
        assertThat(sample(scrape, "lexbridge_partner_reachable", "partner=\"de-court\"")).isZero();
    }

    /**
     * Issue 15 item 4: readiness is what the connector needs to take work (broker, database, disks), liveness only
     * that it runs; partners and certificates are shown, not counted against either.
     */
    @Test
    void readinessChecksTheBrokerTheDatabaseAndTheDisksWhileAPartnerDownIsADetail() throws Exception {
        var management = URI.create("http://127.0.0.1:" + managementPort);
        var readiness = client().send(HttpRequest.newBuilder(management.resolve("/actuator/health/readiness"))
                .header("Authorization", VIEWER_LOGIN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"").contains("\"db\"").contains("\"jms\"")
                .contains("\"diskSpace\"").contains("\"payloadDisk\"").doesNotContain("\"partners\"");
        var liveness = client().send(HttpRequest.newBuilder(management.resolve("/actuator/health/liveness"))
                .header("Authorization", VIEWER_LOGIN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(liveness.body()).contains("\"status\":\"UP\"").doesNotContain("\"db\"")
                .doesNotContain("\"jms\"");
        var health = client().send(HttpRequest.newBuilder(management.resolve("/actuator/health"))
                .header("Authorization", VIEWER_LOGIN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).as("a partner down leaves the connector UP").isEqualTo(200);
        assertThat(health.body()).contains("\"partners\":{\"status\":\"UP\"")
                .containsPattern("\"de-court\":\\{[^}]*\"reachable\":false")
                .contains("\"certificates\":{\"status\":\"UP\"").contains("\"self/as4\"")
                .contains("\"de-court/as4\"").contains("\"daysLeft\"");
    }

    private String scrape() throws Exception {
        var response = client().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                + "/actuator/prometheus")).header("Authorization", VIEWER_LOGIN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The value of the one sample of {@code metric} with every one of {@code labels}. */
    private static double sample(String scrape, String metric, String... labels) {
        var values = scrape.lines().filter(line -> line.startsWith(metric + "{"))
                .filter(line -> Stream.of(labels).allMatch(line::contains))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).toList();
        assertThat(values).as(metric + " " + String.join(",", labels)).hasSize(1);
        return values.get(0);
    }

    /** application.yml binds the management port to 127.0.0.1: another loopback address does not reach it. */
    @Test
    void theManagementPortListensOnLoopbackOnlyByDefault() throws Exception {
        assertThat(ManagementCall.get("/actuator/health/liveness").send(InetAddress.getByName("127.0.0.1"),
                managementPort).status()).isEqualTo(200);
        assertThatThrownBy(() -> ManagementCall.get("/actuator/health/liveness")
                .send(InetAddress.getByName("127.0.0.2"), managementPort))
                .hasRootCauseInstanceOf(ConnectException.class);
    }

    /**
     * application.yml's TLS on the public port, where partners send AS4 (1.x and eDelivery AS4 2.0 alike) and back-ends
     * call: TLS 1.3, or TLS 1.2 with forward-secret AEAD suites only (eDelivery AS4: TLS 1.2 required, 1.3 allowed,
     * ECDHE suites preferred; Implementing Regulation 2026/101 Annex I 5.2). A client that offers only a CBC suite, or
     * only RSA key transport, gets no session.
     */
    @Test
    void thePublicPortSpeaksTls13OrTls12WithForwardSecretAeadSuitesOnly() throws Exception {
        SSLContext tls = TestConnectorSettings.trustingTestPki(root);

        assertThat(handshake(tls, "TLSv1.3", null).getProtocol()).isEqualTo("TLSv1.3");
        SSLSession tls12 = handshake(tls, "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        assertThat(tls12.getProtocol()).isEqualTo("TLSv1.2");
        assertThat(tls12.getCipherSuite()).isEqualTo("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        assertThat(handshake(tls, "TLSv1.2", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256").getCipherSuite())
                .isEqualTo("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

        // refused by the connector: the JDK's client still offers these (JDK 17 and 25)
        assertThatThrownBy(() -> handshake(tls, "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"))
                .isInstanceOf(SSLHandshakeException.class);
        assertThatThrownBy(() -> handshake(tls, "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384"))
                .isInstanceOf(SSLHandshakeException.class);
        // no forward secrecy: refused by the connector on JDK 17; a later JDK's client does not even offer it
        assertThatThrownBy(() -> handshake(tls, "TLSv1.2", "TLS_RSA_WITH_AES_128_GCM_SHA256"))
                .isInstanceOf(SSLHandshakeException.class);
    }

    /** One TLS handshake with the public port, offering one protocol and, unless {@code null}, one cipher suite. */
    private SSLSession handshake(SSLContext tls, String protocol, String suite) throws IOException {
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.setEnabledProtocols(new String[] {protocol});
            if (suite != null) {
                socket.setEnabledCipherSuites(new String[] {suite});
            }
            socket.startHandshake();
            return socket.getSession();
        }
    }

    @Test
    void theOpenApiDocumentIsServed() throws Exception {
        var response = client().send(HttpRequest.newBuilder(uri("/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("/api/v1/messages/inbox");
    }

    @Test
    void aDocumentBelowItsServicesPolicyIsRejectedAndASignedOneAccepted() throws Exception {
        String metadata = """
                {"backendMessageId":"%s","service":"EEvidence","action":"EPOC-SIGNED","toPartyId":"de-court",
                 "originalSender":"AT/prosecutor","finalRecipient":"DE/court"}""";
        var unsigned = submit(metadata.formatted(UUID.randomUUID()), "<epoc/>", "<order><id>1</id></order>");
        var key = SealKey.fromKeyStore(KeyStores.loadPkcs12(root.resolve("pki").resolve("at-prosecutor")
                .resolve("seal.p12"), PASSWORD), TestPki.SEAL_ALIAS, PASSWORD);
        String signedXml = new String(new EvidenceSealer(key, ReferenceDigest.SHA256, Clock.systemUTC())
                .seal("<order><id>2</id></order>".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        var signed = submit(metadata.formatted(UUID.randomUUID()), "<epoc/>", signedXml);
        assertThat(unsigned.statusCode()).isEqualTo(201);
        assertThat(signed.statusCode()).isEqualTo(201);

        UUID rejected = id(unsigned);
        awaitState(rejected, "REJECTED");
        assertThat(jdbc.queryForObject("select reason from lb_evidence where subject_id = ? and type = ?",
                String.class, rejected, "SUBMISSION_REJECTION")).contains("ADVANCED_SIGNATURE")
                .contains("without a signature");
        awaitState(id(signed), "ACCEPTED");
    }

    @Test
    void aQualifiedPolicyTakesOnlyQualifiedSealsByTheTrustedListsAndTheTokenSaysWhy() throws Exception {
        String metadata = """
                {"backendMessageId":"%s","service":"EEvidence","action":"EPOC-QUALIFIED","toPartyId":"de-court",
                 "originalSender":"AT/prosecutor","finalRecipient":"DE/court"}""";
        Path pki = root.resolve("pki");
        double refusedBefore = meters.counter(CountedSecurityEvents.METER, "kind", "DOCUMENT_BELOW_POLICY").count();
        var qualified = submit(metadata.formatted(UUID.randomUUID()), "<epoc/>",
                signedBy(pki.resolve("at-prosecutor").resolve("document-seal.p12"), TestPki.DOCUMENT_SEAL_ALIAS, 1));
        var advanced = submit(metadata.formatted(UUID.randomUUID()), "<epoc/>",
                signedBy(pki.resolve("advanced").resolve("document-signer.p12"), TestPki.DOCUMENT_SIGNER_ALIAS, 2));
        var revoked = submit(metadata.formatted(UUID.randomUUID()), "<epoc/>",
                signedBy(pki.resolve("revoked").resolve("document-signer.p12"), TestPki.DOCUMENT_SIGNER_ALIAS, 3));

        UUID accepted = id(qualified);
        awaitState(accepted, "ACCEPTED");
        String token = payload(accepted, "TRUST_TOKEN");
        assertThat(token).contains("<AdvancedElectronicSystem>Signature-based</AdvancedElectronicSystem>")
                .contains("<SignatureLevel>QESeal</SignatureLevel>")
                .contains("<TrustLevel>SUCCESSFUL</TrustLevel>")
                .contains("<OriginalValidationReport>").contains("TOTAL_PASSED");
        assertThat(payload(accepted, "VALIDATION_REPORT")).contains("SimpleReport").contains("QESeal");

        UUID notQualified = id(advanced);
        awaitState(notQualified, "REJECTED");
        assertThat(rejection(notQualified)).contains("QUALIFIED").contains("reaches ADVANCED");
        UUID revokedSigner = id(revoked);
        awaitState(revokedSigner, "REJECTED");
        assertThat(rejection(revokedSigner)).contains("reaches NONE").contains("revoked");
        assertThat(count("lb_payload where message_id = '" + revokedSigner + "' and kind = 'CONTAINER'")).isZero();
        assertThat(meters.counter(CountedSecurityEvents.METER, "kind", "DOCUMENT_BELOW_POLICY").count())
                .isEqualTo(refusedBefore + 2);
    }

    @Test
    void aDocumentWithADetachedQualifiedCadesSealIsAcceptedAndTheSignatureTravelsInTheContainer() throws Exception {
        String metadata = """
                {"backendMessageId":"%s","service":"EEvidence","action":"EPOC-QUALIFIED","toPartyId":"de-court",
                 "originalSender":"AT/prosecutor","finalRecipient":"DE/court"}""";
        String order = "<order><id>4</id></order>";
        byte[] p7s = detachedCades(root.resolve("pki").resolve("at-prosecutor").resolve("document-seal.p12"),
                TestPki.DOCUMENT_SEAL_ALIAS, order.getBytes(StandardCharsets.UTF_8));
        var signed = submit(metadata.formatted(UUID.randomUUID()), "<epoc/>", order, p7s);
        var tampered = submit(metadata.formatted(UUID.randomUUID()), "<epoc/>", "<order><id>5</id></order>", p7s);

        UUID accepted = id(signed);
        awaitState(accepted, "ACCEPTED");
        assertThat(payload(accepted, "TRUST_TOKEN")).contains("<SignatureFilename>order.xml.p7s</SignatureFilename>")
                .contains("<SignatureFormat>CAdES_BASELINE_B</SignatureFormat>")
                .contains("<SignatureLevel>QESeal</SignatureLevel>");
        UUID rejected = id(tampered);
        awaitState(rejected, "REJECTED");
        assertThat(rejection(rejected)).contains("NOT intact");
    }

    /** A detached CAdES-B over {@code content}, made with the key in {@code keyStore}. */
    private static byte[] detachedCades(Path keyStore, String alias, byte[] content) throws IOException {
        var key = SealKey.fromKeyStore(KeyStores.loadPkcs12(keyStore, PASSWORD), alias, PASSWORD);
        var parameters = new eu.europa.esig.dss.cades.CAdESSignatureParameters();
        parameters.setSignatureLevel(eu.europa.esig.dss.enumerations.SignatureLevel.CAdES_BASELINE_B);
        parameters.setSignaturePackaging(eu.europa.esig.dss.enumerations.SignaturePackaging.DETACHED);
        parameters.setDigestAlgorithm(eu.europa.esig.dss.enumerations.DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(new eu.europa.esig.dss.model.x509.CertificateToken(key.certificate()));
        parameters.setCertificateChain(key.chain().stream().skip(1)
                .map(eu.europa.esig.dss.model.x509.CertificateToken::new).toList());
        var document = new eu.europa.esig.dss.model.InMemoryDocument(content, "order.xml");
        var service = new eu.europa.esig.dss.cades.signature.CAdESService(
                new eu.europa.esig.dss.spi.validation.CommonCertificateVerifier());
        var toBeSigned = service.getDataToSign(document, parameters);
        var algorithm = eu.europa.esig.dss.enumerations.SignatureAlgorithm.RSA_SHA256;
        var value = new eu.europa.esig.dss.model.SignatureValue(algorithm,
                key.sign(toBeSigned.getBytes(), algorithm.getJCEId()));
        try (var in = service.signDocument(document, parameters, value).openStream()) {
            return in.readAllBytes();
        }
    }

    /** An enveloped XAdES-B over a small order, made with the key in {@code keyStore}. */
    private static String signedBy(Path keyStore, String alias, int order) {
        var key = SealKey.fromKeyStore(KeyStores.loadPkcs12(keyStore, PASSWORD), alias, PASSWORD);
        return new String(new EvidenceSealer(key, ReferenceDigest.SHA256, Clock.systemUTC())
                .seal(("<order><id>" + order + "</id></order>").getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
    }

    private String rejection(UUID message) {
        return jdbc.queryForObject("select reason from lb_evidence where subject_id = ? and type = ?", String.class,
                message, "SUBMISSION_REJECTION");
    }

    private String payload(UUID message, String kind) throws IOException {
        PayloadRef ref = jdbc.queryForObject("select payload_id, name, mime_type, size_bytes, sha256 from lb_payload"
                + " where message_id = ? and kind = ?", (rs, i) -> new PayloadRef(rs.getString(1),
                PayloadKind.valueOf(kind), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)),
                message, kind);
        try (var in = payloads.open(ref)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static UUID id(HttpResponse<String> response) {
        return UUID.fromString(response.body().replaceAll(".*\"connectorMessageId\":\"([^\"]+)\".*", "$1"));
    }

    private HttpResponse<String> submit(String metadata, String xml) throws Exception {
        return submit(metadata, xml, null);
    }

    private HttpResponse<String> submit(String metadata, String xml, String document) throws Exception {
        return submit(metadata, xml, document, null);
    }

    private HttpResponse<String> submit(String metadata, String xml, String document, byte[] detachedSignature)
            throws Exception {
        String boundary = "b" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + metadata + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"businessContent\"; filename=\"c.xml\""
                + "\r\nContent-Type: application/xml\r\n\r\n" + xml + "\r\n"
                + (document == null ? "" : "--" + boundary + "\r\nContent-Disposition: form-data; "
                + "name=\"businessDocument\"; filename=\"order.xml\"\r\nContent-Type: application/xml\r\n\r\n"
                + document + "\r\n");
        var bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes(body.getBytes(StandardCharsets.UTF_8));
        if (detachedSignature != null) {
            bytes.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"detachedSignature\"; "
                    + "filename=\"order.xml.p7s\"\r\nContent-Type: application/pkcs7-signature\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            bytes.writeBytes(detachedSignature);
            bytes.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        bytes.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client().send(HttpRequest.newBuilder(uri("/api/v1/messages"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Until the timeline says the first send attempt failed (the partner of this test is down), 30 s at most. */
    private void awaitFirstSendAttempt(UUID id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline) && jdbc.queryForObject("select count(*) from lb_timeline where "
                + "message_id = ? and detail like 'send attempt 1 failed%'", Integer.class, id) == 0) {
            Thread.sleep(100);
        }
    }

    private void awaitState(UUID id, String state) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            var states = jdbc.queryForList("select state from lb_message where id = ?", String.class, id);
            if (states.equals(List.of(state))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("message " + id + " did not reach " + state);
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    private static long payloadFiles() throws IOException {
        Path dir = root.resolve("data").resolve("payloads");
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private URI uri(String path) {
        return URI.create("https://localhost:" + port + path);
    }

    private static HttpClient client() throws Exception {
        return TestConnectorSettings.httpsClient(root);
    }
}
