package eu.lexbridge.app.document;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.app.LexbridgeApplication;
import eu.lexbridge.app.TestConnectorSettings;
import eu.lexbridge.app.security.CountedSecurityEvents;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.DocumentChecker;
import eu.lexbridge.core.port.PayloadStore;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.pki.AlteredDocuments;
import eu.lexbridge.trust.pki.TestPki;
import eu.lexbridge.trust.signature.PdfSealer;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.camel.CamelContext;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Business documents through a whole connector (REST, Artemis, Camel, H2, DSS with the test PKI's trusted lists):
 * a sealed PDF changed after sealing is rejected under QUALIFIED and reported FAIL in the token under NONE; a zip bomb
 * is rejected once; a preparation that fails on every delivery, and a message the sweep requeues without end, end in
 * SUBMISSION_REJECTION.
 */
@SpringBootTest(classes = {LexbridgeApplication.class, DocumentSubmissionTest.FaultyDocuments.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@DirtiesContext // phase4 allows one AS4 identity per JVM: closed before the next whole-connector test class starts
class DocumentSubmissionTest {

    private static final String TOKEN = "document-test-token";
    private static final char[] PASSWORD = TestConnectorSettings.PASSWORD;
    /** A document by this name makes the preparation fail on every delivery (see {@link FaultyDocuments}). */
    private static final String FAILING = "failing.xml";

    @TempDir
    static Path root;

    static byte[] sealed;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PayloadStore payloads;

    @Autowired
    MeterRegistry meters;

    @Autowired
    CamelContext camel;

    @DynamicPropertySource
    static void connector(DynamicPropertyRegistry registry) {
        var pki = TestConnectorSettings.register(registry, root, TOKEN);
        TestConnectorSettings.addService(registry, 1, "EPOC-ANY", "NONE");
        TestConnectorSettings.addService(registry, 2, "EPOC-QUALIFIED", "QUALIFIED");
        TestConnectorSettings.trustTestLists(registry, pki);
        registry.add("lexbridge.document-validation.limits.max-inflated-size", () -> "64MB");
        // quick redeliveries and sweeps, so that giving up is seen within seconds (30s in TestConnectorSettings)
        registry.add("lexbridge.routes.first-retry-delay", () -> "100ms");
        registry.add("lexbridge.routes.max-retry-delay", () -> "1s");
        registry.add("lexbridge.routes.max-prepare-attempts", () -> "3");
        registry.add("lexbridge.routes.sweep-interval", () -> "1s");
        // longer than any preparation here, or a message being prepared would count as stalled
        registry.add("lexbridge.routes.stalled-after", () -> "10s");
        registry.add("lexbridge.routes.max-requeues", () -> "2");
    }

    /** A judgment sealed with the qualified document seal of the test PKI (made once, after the PKI). */
    private static synchronized byte[] sealed() {
        if (sealed == null) {
            sealed = new PdfSealer(documentSeal(), Clock.systemUTC())
                    .seal(AlteredDocuments.pdf("Claim: EUR 1200.00"), "judgment.pdf");
        }
        return sealed;
    }

    private static SealKey documentSeal() {
        return SealKey.fromKeyStore(KeyStores.loadPkcs12(root.resolve("pki").resolve("at-prosecutor")
                .resolve("document-seal.p12"), PASSWORD), TestPki.DOCUMENT_SEAL_ALIAS, PASSWORD);
    }

    @Test
    void aSealedPdfChangedAfterSealingIsRejectedUnderAQualifiedPolicyAndASecondSealIsPermitted() throws Exception {
        byte[] sealedTwice = new PdfSealer(documentSeal(), Clock.systemUTC()).seal(sealed(), "judgment.pdf");
        double belowPolicy = securityEvents("DOCUMENT_BELOW_POLICY");

        byte[] changed = AlteredDocuments.redefinePage(sealed(), "Claim: EUR 9200.00");
        UUID tampered = id(submit("EPOC-QUALIFIED", changed, "judgment.pdf"));
        UUID intact = id(submit("EPOC-QUALIFIED", sealed(), "judgment.pdf"));
        UUID twice = id(submit("EPOC-QUALIFIED", sealedTwice, "judgment.pdf"));

        awaitState(tampered, "REJECTED");
        assertThat(rejection(tampered)).contains("QUALIFIED").contains("reaches NONE")
                .contains("does NOT cover the document")
                .contains("the signature does not cover the revision shown")
                .contains("the content shown differs from the signed revision on page(s) 1");
        assertThat(timeline(tampered)).anySatisfy(line -> assertThat(line).contains("reaches NONE")
                .contains("does not cover the revision shown"));
        assertThat(count("lb_payload where message_id = '" + tampered + "' and kind = 'CONTAINER'")).isZero();
        assertThat(securityEvents("DOCUMENT_BELOW_POLICY")).isEqualTo(belowPolicy + 1);

        awaitEvidence(intact, "SUBMISSION_ACCEPTANCE");
        assertThat(payload(intact, "TRUST_TOKEN")).contains("<SignatureLevel>QESeal</SignatureLevel>")
                .contains("<TrustLevel>SUCCESSFUL</TrustLevel>");
        awaitEvidence(twice, "SUBMISSION_ACCEPTANCE");
        assertThat(payload(twice, "TRUST_TOKEN")).contains("<SignatureLevel>QESeal</SignatureLevel>")
                .contains("another signature or a form fill after the signed revision");
    }

    @Test
    void underAPolicyThatAcceptsAnyDocumentTheTokenSaysTheSignatureDoesNotCoverIt() throws Exception {
        byte[] changed = AlteredDocuments.redefinePage(sealed(), "Claim: EUR 9200.00");
        UUID tampered = id(submit("EPOC-ANY", changed, "judgment.pdf"));

        awaitEvidence(tampered, "SUBMISSION_ACCEPTANCE");
        String tokenXml = payload(tampered, "TRUST_TOKEN");
        assertThat(tokenXml).contains("<TrustLevel>FAIL</TrustLevel>")
                .contains("the signature does not cover the revision shown")
                .doesNotContain("<TrustLevel>SUCCESSFUL</TrustLevel>");
        String tokenPdf = tokenPdfText(tampered).replaceAll("\\s+", " ");
        assertThat(tokenPdf).contains("Technical result: FAIL").contains("does NOT cover the document")
                .contains("the signature does not cover the revision shown");
    }

    /**
     * Two rejections the sweep must leave alone: a zip bomb (rejected whatever the policy) and a preparation that
     * fails on every delivery. One wait beyond stalled-after covers both.
     */
    @Test
    void aZipBombAndAPreparationThatFailsOnEveryDeliveryEndInOneRejectionEachAndAreNotQueuedAgain()
            throws Exception {
        byte[] bomb = AlteredDocuments.zipBomb();
        assertThat(bomb.length).isLessThan(1 << 20);
        double unsafe = securityEvents("UNSAFE_INPUT");

        UUID zipBomb = id(submit("EPOC-ANY", bomb, "evidence.asics"));
        UUID failing = id(submit("EPOC-ANY", "<order><id>1</id></order>".getBytes(StandardCharsets.UTF_8), FAILING));

        awaitState(zipBomb, "REJECTED");
        assertThat(rejection(zipBomb)).contains("exceeds a validation limit").contains("limit max-inflation-ratio");
        assertThat(count("lb_evidence where subject_id = '" + zipBomb + "' and type = 'SUBMISSION_REJECTION'")).isOne();
        assertThat(count("lb_payload where message_id = '" + zipBomb + "' and kind = 'CONTAINER'")).isZero();
        assertThat(securityEvents("UNSAFE_INPUT")).isEqualTo(unsafe + 1);
        awaitState(failing, "REJECTED");
        assertThat(rejection(failing)).contains("could not be prepared for sending")
                .contains("its preparation failed 3 times");
        assertThat(FaultyDocuments.attempts(failing)).isEqualTo(3);

        Thread.sleep(12_000); // beyond stalled-after: the sweep leaves a rejected message alone
        assertThat(count("lb_evidence where subject_id = '" + zipBomb + "'")).isOne();
        assertThat(timeline(zipBomb)).noneSatisfy(line -> assertThat(line).contains("queued again"));
        assertThat(state(zipBomb)).isEqualTo("REJECTED");
        assertThat(count("lb_evidence where subject_id = '" + failing + "'")).isOne();
        assertThat(FaultyDocuments.attempts(failing)).isEqualTo(3);
    }

    @Test
    void aMessageTheSweepQueuesAgainWithoutEffectIsRejectedAfterMaxRequeues() throws Exception {
        camel.getRouteController().stopRoute("outbound-prepare");
        UUID id;
        try {
            id = id(submit("EPOC", null, null));
            awaitState(id, "REJECTED");
        } finally {
            camel.getRouteController().startRoute("outbound-prepare");
        }
        assertThat(timeline(id)).filteredOn(line -> line.contains("queued again by the stalled-work sweep"))
                .hasSize(2);
        assertThat(rejection(id)).contains("could not be prepared for sending")
                .contains("it stayed unprepared after 2 requeues by the stalled-work sweep");
        Thread.sleep(2000); // the queued copies are consumed now, and change nothing
        assertThat(state(id)).isEqualTo("REJECTED");
        assertThat(count("lb_evidence where subject_id = '" + id + "'")).isOne();
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Makes the document check throw for a document named {@value #FAILING}: a step that fails every time. */
    @TestConfiguration
    static class FaultyDocuments {

        private static final java.util.Map<String, Integer> ATTEMPTS = new java.util.concurrent.ConcurrentHashMap<>();

        static int attempts(UUID message) {
            return ATTEMPTS.getOrDefault(message.toString(), 0);
        }

        @Bean
        static BeanPostProcessor failingDocumentChecker(JdbcTemplate jdbc) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof DocumentChecker real)) {
                        return bean;
                    }
                    return (DocumentChecker) (document, signature) -> {
                        if (FAILING.equals(document.name())) {
                            String message = jdbc.queryForObject("select message_id from lb_payload where "
                                    + "payload_id = ?", String.class, document.payloadId());
                            ATTEMPTS.merge(message, 1, Integer::sum);
                            throw new IllegalStateException("a document check that fails every time");
                        }
                        return real.check(document, signature);
                    };
                }
            };
        }
    }

    private String tokenPdfText(UUID message) throws IOException {
        PayloadRef container = ref(message, "CONTAINER");
        try (InputStream in = payloads.open(container)) {
            byte[] pdf = find(in.readAllBytes(), "TrustOkToken.pdf");
            assertThat(pdf).as("TrustOkToken.pdf in the container").isNotNull();
            try (PDDocument document = Loader.loadPDF(pdf)) {
                return new PDFTextStripper().getText(document);
            }
        }
    }

    /** The entry {@code name} of a zip, looked for in nested zips as well. */
    private static byte[] find(byte[] zipBytes, String name) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                byte[] content = zip.readAllBytes();
                if (entry.getName().endsWith(name)) {
                    return content;
                }
                if (content.length > 4 && content[0] == 'P' && content[1] == 'K') {
                    byte[] inner = find(content, name);
                    if (inner != null) {
                        return inner;
                    }
                }
            }
        }
        return null;
    }

    private double securityEvents(String kind) {
        return meters.counter(CountedSecurityEvents.METER, "kind", kind).count();
    }

    private String rejection(UUID message) {
        return jdbc.queryForObject("select reason from lb_evidence where subject_id = ? and type = ?", String.class,
                message, "SUBMISSION_REJECTION");
    }

    private List<String> timeline(UUID message) {
        return jdbc.queryForList("select detail from lb_timeline where message_id = ? order by at", String.class,
                message);
    }

    private String state(UUID message) {
        return jdbc.queryForObject("select state from lb_message where id = ?", String.class, message);
    }

    private PayloadRef ref(UUID message, String kind) {
        return jdbc.queryForObject("select payload_id, name, mime_type, size_bytes, sha256 from lb_payload"
                + " where message_id = ? and kind = ?", (rs, i) -> new PayloadRef(rs.getString(1),
                PayloadKind.valueOf(kind), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)),
                message, kind);
    }

    private String payload(UUID message, String kind) throws IOException {
        try (var in = payloads.open(ref(message, kind))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static UUID id(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return UUID.fromString(response.body().replaceAll(".*\"connectorMessageId\":\"([^\"]+)\".*", "$1"));
    }

    private HttpResponse<String> submit(String action, byte[] document, String name) throws Exception {
        String boundary = "b" + UUID.randomUUID();
        String metadata = """
                {"backendMessageId":"%s","service":"EEvidence","action":"%s","toPartyId":"de-court",
                 "originalSender":"AT/prosecutor","finalRecipient":"DE/court"}""".formatted(UUID.randomUUID(), action);
        var bytes = new ByteArrayOutputStream();
        bytes.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + metadata + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"businessContent\"; filename=\"c.xml\""
                + "\r\nContent-Type: application/xml\r\n\r\n<epoc/>\r\n").getBytes(StandardCharsets.UTF_8));
        if (document != null) {
            bytes.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"businessDocument\"; "
                    + "filename=\"" + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            bytes.writeBytes(document);
            bytes.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        bytes.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client().send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/api/v1/messages"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void awaitState(UUID id, String state) throws InterruptedException {
        await(() -> jdbc.queryForList("select state from lb_message where id = ?", String.class, id)
                .equals(List.of(state)), "message " + id + " did not reach " + state);
    }

    private void awaitEvidence(UUID id, String type) throws InterruptedException {
        await(() -> count("lb_evidence where subject_id = '" + id + "' and type = '" + type + "'") == 1,
                "message " + id + " got no " + type);
    }

    private static void await(java.util.function.BooleanSupplier condition, String failure)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(failure);
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    private static HttpClient client() throws Exception {
        return TestConnectorSettings.httpsClient(root);
    }
}
