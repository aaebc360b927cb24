package eu.lexbridge.gateway.as4;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.helger.phase4.dump.AS4DumpManager;
import com.helger.phase4.dump.AS4IncomingDumperFileBased;
import eu.lexbridge.core.message.BusinessService;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.PartnerDirectory;
import eu.lexbridge.core.port.SecurityEvents;
import eu.lexbridge.core.testkit.InMemoryPayloadStore;
import eu.lexbridge.core.transport.Envelope;
import eu.lexbridge.core.transport.OutgoingPart;
import eu.lexbridge.core.transport.Partner;
import eu.lexbridge.core.transport.ReceptionOutcome;
import eu.lexbridge.core.transport.SendOutcome;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.SharedTestPki;
import eu.lexbridge.trust.pki.TestPki;
import jakarta.servlet.ServletRegistration;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A real AS4 exchange over HTTPS on loopback: a minimal Spring Boot web app runs the runtime and the receiving servlet,
 * and the embedded access point sends to it. The home party is its own partner (phase4 allows one identity per JVM).
 */
class As4ExchangeTest {

    private static final char[] PASSWORD = "test-secret".toCharArray();
    private static final String PARTY_TYPE = "urn:oasis:names:tc:ebcore:partyid-type:unregistered";
    /** The e-CODEX roles, as the partner configuration (and so the receiver) expects them. */
    private static final String INITIATOR = "GW";
    private static final String RESPONDER = "GW";
    private static final Party HOME = new Party("lexbridge-a", PARTY_TYPE, "GW");

    @TempDir
    static Path work;

    private static GeneratedPki pki;
    private static GeneratedPki otherPki;
    private static As4Settings settings;
    private static Partner self;
    private static final RecordingReceiver RECEIVER = new RecordingReceiver();
    private static final InMemoryPayloadStore PAYLOADS = new InMemoryPayloadStore();
    private static ConfigurableApplicationContext app;
    private static As4Runtime runtime;
    private static EmbeddedAccessPoint accessPoint;
    private static ListAppender<ILoggingEvent> securityLog;

    @BeforeAll
    static void startReceivingApp() throws Exception {
        pki = SharedTestPki.copyTo(work.resolve("pki"), List.of("lexbridge-a"), PASSWORD);
        otherPki = TestPki.generate(work.resolve("other-pki"), List.of("lexbridge-a"), PASSWORD);
        KeyStore trust = KeyStores.loadPkcs12(pki.trustStore(), PASSWORD);
        settings = settings(KeyStores.loadPkcs12(pki.parties().get("lexbridge-a").as4KeyStore(), PASSWORD), trust,
                "data");

        app = new SpringApplicationBuilder(ReceivingApp.class).properties(Map.of(
                "server.port", "0",
                "server.ssl.enabled", "true",
                "server.ssl.key-store", pki.parties().get("lexbridge-a").tlsKeyStore().toString(),
                "server.ssl.key-store-password", new String(PASSWORD),
                "server.ssl.key-store-type", "PKCS12",
                "server.ssl.key-alias", TestPki.TLS_ALIAS,
                "server.ssl.enabled-protocols", "TLSv1.3",
                "spring.main.banner-mode", "off",
                "logging.level.com.helger", "WARN")).run();
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        self = new Partner("self", HOME, URI.create("https://localhost:" + port + "/as4"), settings.as4Certificate());
        accessPoint = new EmbeddedAccessPoint(settings, PAYLOADS);

        securityLog = new ListAppender<>();
        securityLog.start();
        ((Logger) LoggerFactory.getLogger("lexbridge.security")).addAppender(securityLog);
    }

    @AfterAll
    static void stop() {
        if (accessPoint != null) {
            accessPoint.close();
        }
        if (app != null) {
            app.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void deliversToItselfWithAVerifiedSignedReceipt() throws Exception {
        Path dumps = work.resolve("dumps");
        byte[] xml = businessXml();
        byte[] binary = new byte[5 * 1024 * 1024];
        new Random(42).nextBytes(binary);
        PayloadRef content = PAYLOADS.put(PayloadKind.BUSINESS_CONTENT, "messageContent.xml", "text/xml", xml);
        PayloadRef container = PAYLOADS.put(PayloadKind.BUSINESS_DOCUMENT, "container.asics",
                "application/vnd.etsi.asic-s+zip", binary);
        Envelope envelope = envelope(HOME, "orig-" + UUID.randomUUID() + "@lexbridge.test");
        int before = RECEIVER.receptions().size();

        AS4DumpManager.setIncomingDumper(AS4IncomingDumperFileBased.createForDirectory(dumps.toFile()));
        SendOutcome outcome;
        long started = System.nanoTime();
        try {
            // The back-end called its XML application/xml; on the wire it is text/xml, as the official connector has it.
            outcome = accessPoint.send(envelope, List.of(
                    new OutgoingPart("messageContent", "application/xml", content),
                    new OutgoingPart("ASIC-S", "application/vnd.etsi.asic-s+zip", container)), self);
        } finally {
            AS4DumpManager.setIncomingDumper(null);
        }
        long firstMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(outcome.status()).as(outcome.detail()).isEqualTo(SendOutcome.Status.DELIVERED);
        assertThat(outcome.receiptMessageId()).isNotBlank().isNotEqualTo(envelope.ebmsMessageId())
                .as("the receipt's id is in our ebMS id domain").matches("[0-9a-f-]{36}@a\\.lexbridge\\.test");
        try (Stream<Path> spooled = Files.list(settings.dataDirectory().resolve("outgoing-spool"))) {
            assertThat(spooled).as("spooled payloads are deleted after the send").isEmpty();
        }
        assertThat(RECEIVER.receptions()).hasSize(before + 1);
        RecordingReceiver.Reception reception = RECEIVER.receptions().get(before);
        assertThat(reception.envelope()).isEqualTo(envelope);
        assertThat(reception.signer()).contains("CN=lexbridge-a AS4");
        assertThat(reception.parts()).containsExactly(
                new RecordingReceiver.ReceivedPart("messageContent", "messageContent.xml", "text/xml", xml.length,
                        Sha256.hex(xml)),
                new RecordingReceiver.ReceivedPart("ASIC-S", "container.asics", "application/vnd.etsi.asic-s+zip",
                        binary.length, Sha256.hex(binary)));

        // The wire, as the receiver got it: e-CODEX properties and eDelivery AS4 1.x algorithms.
        String wire = headersOf(dumps);
        assertThat(wire)
                .contains("name=\"originalMessageId\"", envelope.refToMessageId())
                .contains("name=\"originalSender\"", "name=\"finalRecipient\"")
                .contains("http://www.w3.org/2003/05/soap-envelope")
                .contains("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", "http://www.w3.org/2001/04/xmlenc#sha256")
                .contains("http://www.w3.org/2009/xmlenc11#aes128-gcm", "http://www.w3.org/2009/xmlenc11#rsa-oaep",
                        "http://www.w3.org/2009/xmlenc11#mgf1sha256")
                .contains("#X509v3", "cid:payload_", "name=\"description\"", "application/gzip");
        // Only the XML part is compressed; the container already is.
        assertThat(wire.split("name=\"CompressionType\"", -1)).hasSize(2);

        // Warm sends, for the report's timing figures.
        long warmStarted = System.nanoTime();
        SendOutcome warmLarge = accessPoint.send(envelope(HOME, null), List.of(
                new OutgoingPart("messageContent", "text/xml", content),
                new OutgoingPart("ASIC-S", "application/vnd.etsi.asic-s+zip", container)), self);
        long warmLargeMillis = (System.nanoTime() - warmStarted) / 1_000_000;
        assertThat(warmLarge.status()).as(warmLarge.detail()).isEqualTo(SendOutcome.Status.DELIVERED);
        int small = 20;
        long smallStarted = System.nanoTime();
        for (int i = 0; i < small; i++) {
            SendOutcome warm = accessPoint.send(envelope(HOME, null), List.of(
                    new OutgoingPart("messageContent", "text/xml", content)), self);
            assertThat(warm.status()).as(warm.detail()).isEqualTo(SendOutcome.Status.DELIVERED);
        }
        long smallMillis = (System.nanoTime() - smallStarted) / 1_000_000;
        System.out.printf("AS4 send times: first (%d KB XML + 5 MB binary, cold) %d ms; same again warm %d ms;"
                + " %d x %d KB XML sequentially %d ms (%.1f ms each)%n", xml.length / 1024, firstMillis,
                warmLargeMillis, small, xml.length / 1024, smallMillis, smallMillis / (double) small);
    }

    @Test
    void aResentMessageGetsAReceiptAgainAndReachesTheReceiverAsADuplicate() {
        PayloadRef content = PAYLOADS.put(PayloadKind.BUSINESS_CONTENT, "messageContent.xml", "text/xml",
                businessXml());
        Envelope envelope = envelope(HOME, null);
        List<OutgoingPart> parts = List.of(new OutgoingPart("messageContent", "text/xml", content));

        SendOutcome first = accessPoint.send(envelope, parts, self);
        SendOutcome again = accessPoint.send(envelope, parts, self);

        assertThat(first.status()).as(first.detail()).isEqualTo(SendOutcome.Status.DELIVERED);
        assertThat(again.status()).as(again.detail()).isEqualTo(SendOutcome.Status.DELIVERED);
        assertThat(again.receiptMessageId()).isNotEqualTo(first.receiptMessageId());
        List<ReceptionOutcome> outcomes = RECEIVER.outcomes();
        assertThat(outcomes.subList(outcomes.size() - 2, outcomes.size()))
                .containsExactly(ReceptionOutcome.ACCEPTED, ReceptionOutcome.DUPLICATE);
    }

    @Test
    void aRefusalByTheConnectorIsAnEbmsErrorWithItsCode() {
        PayloadRef content = PAYLOADS.put(PayloadKind.BUSINESS_CONTENT, "messageContent.xml", "text/xml",
                businessXml());
        Envelope refused = new Envelope(UUID.randomUUID() + "@lexbridge.test", "conv-1", null,
                new BusinessService("EPO", "urn:e-codex:services:"), RecordingReceiver.REFUSED_ACTION,
                HOME.withRole(INITIATOR), HOME.withRole(RESPONDER), "urn:lexbridge:a", "urn:lexbridge:b");

        SendOutcome outcome = accessPoint.send(refused, List.of(new OutgoingPart("messageContent", "text/xml", content)),
                self);

        assertThat(outcome.status()).isEqualTo(SendOutcome.Status.FAILED);
        assertThat(outcome.detail()).contains("EBMS:0001").contains("LB-1005");
    }

    /**
     * A database restart or a broker outage at the receiver is no refusal: the sender gets HTTP 503 and no ebMS error,
     * its outcome is retryable and the message is sent again later. (It was answered EBMS:0004, which the sender takes
     * as final: messages and evidences were lost while a database restarted.)
     */
    @ParameterizedTest
    @ValueSource(strings = {RecordingReceiver.STORE_DOWN_ACTION, RecordingReceiver.QUEUE_DOWN_ACTION})
    void aMessageTheConnectorCannotTakeForNowIsSentAgainLater(String action) {
        PayloadRef content = PAYLOADS.put(PayloadKind.BUSINESS_CONTENT, "messageContent.xml", "text/xml",
                businessXml());
        Envelope envelope = new Envelope(UUID.randomUUID() + "@lexbridge.test", "conv-1", null,
                new BusinessService("EPO", "urn:e-codex:services:"), action,
                HOME.withRole(INITIATOR), HOME.withRole(RESPONDER), "urn:lexbridge:a", "urn:lexbridge:b");
        int received = RECEIVER.outcomes().size();

        SendOutcome outcome = accessPoint.send(envelope, List.of(new OutgoingPart("messageContent", "text/xml",
                content)), self);

        assertThat(outcome.status()).as(outcome.detail()).isEqualTo(SendOutcome.Status.RETRYABLE_FAILURE);
        assertThat(outcome.detail()).contains("503").doesNotContain("EBMS:");
        assertThat(RECEIVER.outcomes()).hasSize(received);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(eu.lexbridge.core.transport.As4Profile.class)
    void theProfileAcceptsOurPModesAndRefusesAWeakenedOne(eu.lexbridge.core.transport.As4Profile profile) {
        // PModes are phase4 business objects: they need the global scope the running runtime provides.
        com.helger.phase4.model.pmode.PMode pmode = EDeliveryPMode.create(HOME.withRole(INITIATOR),
                HOME.withRole(RESPONDER), "EPO", "urn:e-codex:services:", "Form_A", "https://localhost/as4", profile);
        com.helger.diagnostics.error.list.ErrorList errors = new com.helger.diagnostics.error.list.ErrorList();
        new EDeliveryProfileValidator().validatePMode(pmode, errors,
                com.helger.phase4.profile.IAS4ProfileValidator.EAS4ProfileValidationMode.USER_MESSAGE);
        assertThat(errors).isEmpty();

        pmode.getLeg1().getSecurity().setX509EncryptionAlgorithm(com.helger.phase4.crypto.ECryptoAlgorithmCrypt.AES_128_CBC);
        pmode.getLeg1().getSecurity().setSendReceiptNonRepudiation(false);
        new EDeliveryProfileValidator().validatePMode(pmode, errors,
                com.helger.phase4.profile.IAS4ProfileValidator.EAS4ProfileValidationMode.USER_MESSAGE);
        assertThat(errors).hasSize(2);
    }

    @Test
    void theStreamingGcmProviderServesAesGcm() throws Exception {
        String provider = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding").getProvider().getName();
        assertThat(provider).isEqualTo(StreamingGcmProvider.NAME);
    }

    @Test
    void refusesASignerThatDoesNotChainToTheTrustStore() throws Exception {
        // Same party id and trust, but the AS4 key comes from another CA.
        As4Settings intruder = settings(
                KeyStores.loadPkcs12(otherPki.parties().get("lexbridge-a").as4KeyStore(), PASSWORD),
                KeyStores.loadPkcs12(pki.trustStore(), PASSWORD), "intruder");
        PayloadRef content = PAYLOADS.put(PayloadKind.BUSINESS_CONTENT, "messageContent.xml", "text/xml",
                businessXml());
        int before = RECEIVER.receptions().size();
        int securityEvents = securityLog.list.size();

        SendOutcome outcome;
        try (EmbeddedAccessPoint sender = new EmbeddedAccessPoint(intruder, PAYLOADS)) {
            outcome = sender.send(envelope(HOME, null), List.of(new OutgoingPart("messageContent", "text/xml", content)),
                    self);
        }

        assertThat(outcome.status()).as(outcome.detail()).isEqualTo(SendOutcome.Status.FAILED);
        // ebMS3 Core §6.7.2: an untrusted signer is FailedAuthentication, not FailedDecryption; one sentence, no internals.
        assertThat(outcome.detail()).contains("EBMS:0101 FailedAuthentication").doesNotContain("EBMS:0102")
                .doesNotContain("WSSecurity").doesNotContain("Exception").doesNotContain("org.apache");
        assertThat(RECEIVER.receptions()).hasSize(before);
        assertThat(securityLog.list.subList(securityEvents, securityLog.list.size()))
                .extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains("certificate path validation"))
                .as("one refused message, one security event").hasSize(1);
    }

    @Test
    void refusesASenderThatIsNotAKnownPartner() {
        Party stranger = new Party("stranger", PARTY_TYPE, "GW");
        As4Settings strangerSettings = new As4Settings(stranger, "stranger.test", settings.dataDirectory(), settings.as4KeyStore(),
                TestPki.AS4_ALIAS, PASSWORD, settings.as4TrustStore(), settings.tlsTrustStore(), Duration.ofSeconds(5),
                Duration.ofSeconds(60), 4);
        PayloadRef content = PAYLOADS.put(PayloadKind.BUSINESS_CONTENT, "messageContent.xml", "text/xml",
                businessXml());
        int before = RECEIVER.receptions().size();
        int securityEvents = securityLog.list.size();

        SendOutcome outcome;
        try (EmbeddedAccessPoint sender = new EmbeddedAccessPoint(strangerSettings, PAYLOADS)) {
            outcome = sender.send(envelope(stranger, null),
                    List.of(new OutgoingPart("messageContent", "text/xml", content)), self);
        }

        assertThat(outcome.status()).as(outcome.detail()).isEqualTo(SendOutcome.Status.FAILED);
        assertThat(outcome.detail()).contains("EBMS:0010");
        assertThat(RECEIVER.receptions()).hasSize(before);
        assertThat(securityLog.list.subList(securityEvents, securityLog.list.size()))
                .extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains("UNKNOWN_PARTNER").contains("stranger")
                        .contains("not a known partner"))
                .as("one refused message, one security event").hasSize(1);
    }

    @Test
    void anUnreachableEndpointIsARetryableFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Partner gone = new Partner("gone", HOME, URI.create("https://localhost:" + closedPort + "/as4"),
                settings.as4Certificate());
        PayloadRef content = PAYLOADS.put(PayloadKind.BUSINESS_CONTENT, "messageContent.xml", "text/xml",
                businessXml());

        long started = System.nanoTime();
        SendOutcome outcome = accessPoint.send(envelope(HOME, null),
                List.of(new OutgoingPart("messageContent", "text/xml", content)), gone);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(outcome.status()).as(outcome.detail()).isEqualTo(SendOutcome.Status.RETRYABLE_FAILURE);
        assertThat(outcome.detail()).contains("gone");
        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }

    private static As4Settings settings(KeyStore as4Keys, KeyStore trust, String dataDirectory) {
        return new As4Settings(HOME, "a.lexbridge.test", work.resolve(dataDirectory), as4Keys, TestPki.AS4_ALIAS, PASSWORD, trust, trust,
                Duration.ofSeconds(5), Duration.ofSeconds(60), 4);
    }

    private static Envelope envelope(Party from, String refToMessageId) {
        return new Envelope(UUID.randomUUID() + "@lexbridge.test", "conv-" + UUID.randomUUID(), refToMessageId,
                new BusinessService("EPO", "urn:e-codex:services:"), "Form_A", from.withRole(INITIATOR),
                HOME.withRole(RESPONDER), "urn:lexbridge:court:at-vienna", "urn:lexbridge:court:de-berlin");
    }

    private static byte[] businessXml() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><epo:FormA xmlns:epo=\"urn:test\">");
        for (int i = 0; i < 2_000; i++) {
            xml.append("<epo:Claim id=\"").append(i).append("\"><epo:Amount>").append(i * 17).append("</epo:Amount></epo:Claim>");
        }
        return xml.append("</epo:FormA>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The dumped requests up to the first payload part: the SOAP envelope with the ebMS and security headers. */
    private static String headersOf(Path dumps) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(dumps)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                all.append(new String(bytes, 0, Math.min(bytes.length, 64 * 1024), StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    /** The app's wiring, reduced to the AS4 endpoint. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class ReceivingApp {

        @Bean
        ServletContextInitializer as4Endpoint() {
            return servletContext -> {
                runtime = As4Runtime.start(servletContext, settings);
                PartnerDirectory partners = partyId -> HOME.partyId().equals(partyId) ? Optional.of(self())
                        : Optional.empty();
                ServletRegistration.Dynamic servlet = servletContext.addServlet("as4",
                        new As4ReceivingServlet(settings, partners, RECEIVER, SecurityEvents.logOnly(),
                                new InboundLimits(64L << 20, 1L << 20, 8, Duration.ofSeconds(30))));
                servlet.addMapping("/as4");
                servlet.setLoadOnStartup(1);
            };
        }

        private static Partner self() {
            X509Certificate certificate = settings.as4Certificate();
            return self != null ? self : new Partner("self", HOME, URI.create("https://localhost/as4"), certificate);
        }
    }
}
