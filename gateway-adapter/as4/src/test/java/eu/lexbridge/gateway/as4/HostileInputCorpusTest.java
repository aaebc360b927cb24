package eu.lexbridge.gateway.as4;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import eu.lexbridge.core.message.BusinessService;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.testkit.InMemoryPayloadStore;
import eu.lexbridge.core.transport.Envelope;
import eu.lexbridge.core.transport.OutgoingPart;
import eu.lexbridge.core.transport.Partner;
import eu.lexbridge.core.transport.ReceptionOutcome;
import eu.lexbridge.core.transport.SendOutcome;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.TestPki;
import java.io.File;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * Issue 8's hostile inputs at the AS4 endpoint, one row per class: what is sent, the answer (HTTP status and, where a
 * SOAP envelope could be read, the ebMS error code), and that nothing changed — nothing reached the receiver, no
 * spool or phase4 temp file is left, the answer names no Java internals, the log has no stack trace for it and no
 * forged line, and a security event was counted.
 */
class HostileInputCorpusTest {

    private static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    private static final String EBMS = "http://docs.oasis-open.org/ebxml-msg/ebms/v3.0/ns/core/200704/";
    /** The e-CODEX roles the partner configuration expects: a message with other roles is refused (EBMS:0010). */
    private static final String INITIATOR = "GW";
    private static final String RESPONDER = "GW";
    private static final long MAX_REQUEST = 8L << 20;
    private static final long MAX_ENVELOPE = 256L << 10;

    @TempDir
    static Path work;

    private static ReceivingFixture endpoint;
    private static EmbeddedAccessPoint sender;
    private static final InMemoryPayloadStore PAYLOADS = new InMemoryPayloadStore();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static ListAppender<ILoggingEvent> log;
    private static GeneratedPki otherPki;
    private static InterceptingProxy proxy;
    /** A valid message as it went over the wire, delivered once in {@link #start()}. */
    private static InterceptingProxy.Captured delivered;

    /** What the caller got back. */
    record Answer(int status, String body) {
    }

    @BeforeAll
    static void start() throws Exception {
        endpoint = ReceivingFixture.start(work.resolve("receiver"), new InboundLimits(MAX_REQUEST, MAX_ENVELOPE, 4, Duration.ofSeconds(30)));
        sender = new EmbeddedAccessPoint(endpoint.settings, PAYLOADS);
        otherPki = TestPki.generate(work.resolve("other-pki"), List.of("lexbridge-a"), ReceivingFixture.PASSWORD);
        log = new ListAppender<>();
        log.start();
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(log);

        proxy = new InterceptingProxy(endpoint.endpoint());
        Partner viaProxy = new Partner("self", ReceivingFixture.HOME, proxy.endpoint(), endpoint.settings.as4Certificate());
        SendOutcome first = sender.send(validEnvelope(), List.of(validPart()), viaProxy);
        assertThat(first.status()).as(first.detail()).isEqualTo(SendOutcome.Status.DELIVERED);
        delivered = proxy.last();
    }

    @AfterAll
    static void stop() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(log);
        if (proxy != null) {
            proxy.close();
        }
        if (sender != null) {
            sender.close();
        }
        if (endpoint != null) {
            endpoint.close();
        }
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
                row("empty body", 400, null, () -> post("multipart/related; boundary=b1", new byte[0])),
                row("random bytes, no AS4 content type", 415, null,
                        () -> post("application/octet-stream", random(4096))),
                row("text/plain", 415, null, () -> post("text/plain", "hello".getBytes(StandardCharsets.UTF_8))),
                row("no Content-Type", 415, null, () -> post(null, "hello".getBytes(StandardCharsets.UTF_8))),
                row("random bytes declared multipart/related", 400, null,
                        () -> post("multipart/related; boundary=b1", random(4096))),
                row("multipart/related without boundary", 400, null,
                        () -> post("multipart/related", random(64))),
                row("SOAP envelope with a DOCTYPE", 400, null, () -> post("application/soap+xml",
                        ("<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                                + "<S:Envelope xmlns:S=\"" + SOAP12 + "\"><S:Body>&x;</S:Body></S:Envelope>")
                                .getBytes(StandardCharsets.UTF_8))),
                row("entity bomb in the envelope (multipart)", 400, null, () -> post(
                        "multipart/related; boundary=b1; type=\"application/soap+xml\"", multipart("b1", entityBomb()))),
                row("not well-formed envelope", 400, null, () -> post("application/soap+xml",
                        ("<S:Envelope xmlns:S=\"" + SOAP12 + "\"><S:Header>").getBytes(StandardCharsets.UTF_8))),
                row("XML that is no SOAP envelope", 400, null, () -> post("application/soap+xml",
                        "<a/>".getBytes(StandardCharsets.UTF_8))),
                row("declared Content-Length over max-request-size", 413, null,
                        () -> postStream("application/soap+xml", MAX_REQUEST + 1, true)),
                row("chunked body over max-request-size", 413, null,
                        () -> postStream("multipart/related; boundary=b1", MAX_REQUEST * 2, false)),
                row("SOAP envelope over max-envelope-size", 413, null,
                        () -> postStream("application/soap+xml", MAX_ENVELOPE * 2, false)),
                row("more MIME parts than allowed", 413, null, () -> post("multipart/related; boundary=b1",
                        multipart("b1", envelope(userMessage("many-parts@x")), SpooledRequest.MAX_PARTS + 1))),
                row("unsigned user message whose eb:MessageId carries a forged log line", 200, "EBMS:0101",
                        () -> post("application/soap+xml", envelope(userMessage(
                                "forged@x\n2026-12-05 WARN lexbridge.security: FORGED"))
                                .getBytes(StandardCharsets.UTF_8))),
                row("unsigned user message with an attachment PayloadInfo does not name", 200, "EBMS:0011",
                        () -> post("multipart/related; boundary=b1; type=\"application/soap+xml\"",
                                multipart("b1", envelope(userMessage(
                                        "unsigned@x\r\n2026-12-05 INFO accepted: FORGED")), 2))),
                row("SOAP envelope without an ebMS header", 200, "EBMS:0001", () -> post("application/soap+xml",
                        envelope("").getBytes(StandardCharsets.UTF_8))),
                row("GET", 405, null, HostileInputCorpusTest::get),
                // ebMS3 Core §6.7.2: a signer we do not trust is FailedAuthentication; a payload that does not decrypt
                // (changed ciphertext) stays FailedDecryption.
                signedRow("signer not chaining to the trust store", "EBMS:0101", () -> sendFrom(
                        ReceivingFixture.HOME, otherPki, ReceivingFixture.HOME)),
                signedRow("attachment changed in transit (signed and encrypted by the partner)", "EBMS:0102",
                        HostileInputCorpusTest::sendTampered),
                row("replay of a delivered message (same bytes, same ebMS id)", 200, "Receipt",
                        () -> post(delivered.contentType(), delivered.body())),
                row("garbage WS-Security header", 200, "EBMS:0101", () -> post("application/soap+xml",
                        envelope("<wsse:Security xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-"
                                + "wss-wssecurity-secext-1.0.xsd\" S:mustUnderstand=\"true\"><ds:Signature "
                                + "xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:SignedInfo>garbage"
                                + "</ds:SignedInfo></ds:Signature></wsse:Security>" + userMessage("garbage@x"))
                                .getBytes(StandardCharsets.UTF_8))),
                signedRow("unknown partner", "EBMS:0010", () -> sendFrom(
                        new Party("stranger", ReceivingFixture.PARTY_TYPE, "GW"), endpoint.pki,
                        ReceivingFixture.HOME)),
                signedRow("wrong PMode: addressed to another party", "EBMS:0010", () -> sendFrom(
                        ReceivingFixture.HOME, endpoint.pki, new Party("someone-else", ReceivingFixture.PARTY_TYPE,
                                "GW"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedAndChangesNothing(String input, int expectedStatus, String expectedEbmsError,
                                    Supplier<Answer> send) throws Exception {
        int received = endpoint.receiver.receptions().size();
        int logged = log.list.size();
        int events = endpoint.securityEvents.size();
        long phase4Temp = phase4TempFiles();

        Answer answer = send.get();

        assertThat(answer.status()).as(input + ": " + answer.body()).isEqualTo(expectedStatus);
        if (expectedEbmsError != null) {
            assertThat(answer.body()).as(input).contains(expectedEbmsError);
        }
        assertThat(answer.body()).as("no Java internals to the caller")
                .doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Za-z.]*[A-Z]\\w+(Exception|Error)")
                .doesNotContainPattern("@[0-9a-fA-F]{6,}").doesNotContain("\tat ").doesNotContain("Exception");
        if (input.startsWith("replay")) {
            // The duplicate is answered with a receipt again (the sender may have lost the first) and handed on as a
            // duplicate, which the connector does not store twice.
            assertThat(endpoint.receiver.receptions()).hasSize(received + 1);
            assertThat(endpoint.receiver.outcomes()).last().isEqualTo(ReceptionOutcome.DUPLICATE);
        } else {
            assertThat(endpoint.receiver.receptions()).as("nothing reached the receiver").hasSize(received);
        }
        assertThat(spoolEmptied()).as("no spooled part left").isTrue();
        assertThat(phase4TempFiles()).as("no phase4 temp file left").isEqualTo(phase4Temp);

        List<ILoggingEvent> lines = List.copyOf(log.list.subList(logged, log.list.size()));
        assertThat(lines).as("no stack trace, no ERROR for an expected refusal").allSatisfy(event -> {
            assertThat(event.getThrowableProxy()).as(event.getFormattedMessage()).isNull();
            assertThat(event.getLevel()).as(event.getFormattedMessage()).isNotEqualTo(Level.ERROR);
        });
        assertThat(lines).as("no forged line").extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(line -> line.contains("\n") || line.contains("\r"));
        if (!"GET".equals(input) && !input.startsWith("replay")) {
            assertThat(endpoint.securityEvents.subList(events, endpoint.securityEvents.size()))
                    .as("one refused request, one security event").hasSize(1);
            assertThat(lines).as("a security event")
                    .anySatisfy(event -> {
                        assertThat(event.getLoggerName()).isEqualTo("lexbridge.security");
                        assertThat(event.getLevel()).isEqualTo(Level.WARN);
                    });
        }
    }

    private static Arguments row(String input, int status, String ebmsError, Supplier<Answer> send) {
        return Arguments.of(input, status, ebmsError, send);
    }

    /**
     * A message signed and encrypted by phase4 itself, through the proxy; the refusal comes as an ebMS error in the
     * HTTP 200 answer, checked as the sender read it and raw.
     */
    private static Arguments signedRow(String input, String ebmsError, Supplier<Answer> send) {
        return Arguments.of(input, 200, ebmsError, send);
    }

    private static Envelope validEnvelope() {
        return new Envelope(UUID.randomUUID() + "@lexbridge.test", "conv-1", null,
                new BusinessService("EPO", "urn:e-codex:services:"), "Form_A",
                ReceivingFixture.HOME.withRole(INITIATOR), ReceivingFixture.HOME.withRole(RESPONDER), "urn:a", "urn:b");
    }

    private static OutgoingPart validPart() {
        PayloadRef content = PAYLOADS.put(PayloadKind.BUSINESS_DOCUMENT, "container.asics",
                "application/vnd.etsi.asic-s+zip", random(64 * 1024));
        return new OutgoingPart("ASIC-S", "application/vnd.etsi.asic-s+zip", content);
    }

    private static Answer sendTampered() {
        Partner viaProxy = new Partner("self", ReceivingFixture.HOME, proxy.endpoint(),
                endpoint.settings.as4Certificate());
        proxy.tamper(true);
        try {
            SendOutcome outcome = sender.send(validEnvelope(), List.of(validPart()), viaProxy);
            assertThat(outcome.status()).as(outcome.detail()).isEqualTo(SendOutcome.Status.FAILED);
            return new Answer(200, outcome.detail() + "\n" + proxy.lastAnswer());
        } finally {
            proxy.tamper(false);
        }
    }

    private static Answer sendFrom(Party from, GeneratedPki keys, Party to) {
        try {
            As4Settings own = endpoint.settings;
            As4Settings settings = new As4Settings(from, "sender.test", work.resolve("sender-" + UUID.randomUUID()),
                    KeyStores.loadPkcs12(keys.parties().get("lexbridge-a").as4KeyStore(), ReceivingFixture.PASSWORD),
                    TestPki.AS4_ALIAS, ReceivingFixture.PASSWORD, own.as4TrustStore(), own.tlsTrustStore(),
                    Duration.ofSeconds(5), Duration.ofSeconds(30), 2);
            PayloadRef content = PAYLOADS.put(PayloadKind.BUSINESS_CONTENT, "messageContent.xml", "text/xml",
                    "<a>1</a>".getBytes(StandardCharsets.UTF_8));
            Envelope envelope = new Envelope(UUID.randomUUID() + "@lexbridge.test", "conv-1", null,
                    new BusinessService("EPO", "urn:e-codex:services:"), "Form_A", from.withRole(INITIATOR),
                    to.withRole(RESPONDER), "urn:a", "urn:b");
            Partner target = new Partner("self", to, proxy.endpoint(), endpoint.settings.as4Certificate());
            try (EmbeddedAccessPoint other = new EmbeddedAccessPoint(settings, PAYLOADS)) {
                SendOutcome outcome = other.send(envelope,
                        List.of(new OutgoingPart("messageContent", "text/xml", content)), target);
                assertThat(outcome.status()).as(outcome.detail()).isEqualTo(SendOutcome.Status.FAILED);
                return new Answer(200, outcome.detail() + "\n" + proxy.lastAnswer());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Answer post(String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.endpoint())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return exchange(request.build());
    }

    /** A body generated while sent, never held: with a declared length or chunked. */
    private static Answer postStream(String contentType, long length, boolean declared) {
        Supplier<InputStream> stream = () -> new GeneratedBody(length);
        HttpRequest.BodyPublisher publisher = declared
                ? HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(stream), length)
                : HttpRequest.BodyPublishers.ofInputStream(stream);
        return exchange(HttpRequest.newBuilder(endpoint.endpoint()).header("Content-Type", contentType)
                .POST(publisher).build());
    }

    private static Answer get() {
        return exchange(HttpRequest.newBuilder(endpoint.endpoint()).GET().build());
    }

    private static Answer exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (java.io.IOException e) {
            // The server may close the connection while an oversized body is still being sent.
            throw new IllegalStateException("no answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String userMessage(String messageId) {
        return "<eb:Messaging xmlns:eb=\"" + EBMS + "\" S:mustUnderstand=\"true\"><eb:UserMessage>"
                + "<eb:MessageInfo><eb:Timestamp>2026-12-05T00:00:00Z</eb:Timestamp><eb:MessageId>" + messageId
                + "</eb:MessageId></eb:MessageInfo><eb:PartyInfo>"
                + "<eb:From><eb:PartyId type=\"" + ReceivingFixture.PARTY_TYPE + "\">lexbridge-a</eb:PartyId>"
                + "<eb:Role>" + INITIATOR + "</eb:Role></eb:From>"
                + "<eb:To><eb:PartyId type=\"" + ReceivingFixture.PARTY_TYPE + "\">lexbridge-a</eb:PartyId>"
                + "<eb:Role>" + RESPONDER + "</eb:Role></eb:To></eb:PartyInfo>"
                + "<eb:CollaborationInfo><eb:Service type=\"urn:e-codex:services:\">EPO</eb:Service>"
                + "<eb:Action>Form_A</eb:Action><eb:ConversationId>c1</eb:ConversationId></eb:CollaborationInfo>"
                + "</eb:UserMessage></eb:Messaging>";
    }

    static String envelope(String header) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><S:Envelope xmlns:S=\"" + SOAP12 + "\"><S:Header>"
                + header + "</S:Header><S:Body/></S:Envelope>";
    }

    private static byte[] entityBomb() {
        return ("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">]>"
                + "<S:Envelope xmlns:S=\"" + SOAP12 + "\"><S:Body>&lol2;</S:Body></S:Envelope>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] multipart(String boundary, byte[] envelope) {
        return (new String(multipart(boundary, new String(envelope, StandardCharsets.UTF_8), 1),
                StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    /** The envelope and {@code parts - 1} small attachments. */
    private static byte[] multipart(String boundary, String envelope, int parts) {
        StringBuilder body = new StringBuilder("--").append(boundary)
                .append("\r\nContent-Type: application/soap+xml; charset=UTF-8\r\n\r\n").append(envelope);
        for (int i = 1; i < parts; i++) {
            body.append("\r\n--").append(boundary).append("\r\nContent-Type: application/octet-stream\r\n")
                    .append("Content-ID: <part").append(i).append("@x>\r\n\r\n").append("attachment ").append(i);
        }
        return body.append("\r\n--").append(boundary).append("--\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    /** The servlet deletes the spool right after phase4 has written its answer, which the caller may see first. */
    private static boolean spoolEmptied() throws Exception {
        long deadline = System.nanoTime() + 2_000_000_000L;
        do {
            try (Stream<Path> left = Files.list(endpoint.spoolDirectory())) {
                if (left.findAny().isEmpty()) {
                    return true;
                }
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return false;
    }

    private static long phase4TempFiles() {
        File[] files = endpoint.settings.dataDirectory().resolve(As4Runtime.TEMP).toFile().listFiles();
        return files == null ? 0 : files.length;
    }

}
