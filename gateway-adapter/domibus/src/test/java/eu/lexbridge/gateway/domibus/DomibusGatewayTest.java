package eu.lexbridge.gateway.domibus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.sun.net.httpserver.HttpServer;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.SecurityEvents;
import eu.lexbridge.core.testkit.InMemoryConnector;
import eu.lexbridge.core.testkit.InMemoryPayloadStore;
import eu.lexbridge.core.testkit.SampleMessages;
import eu.lexbridge.core.transport.Envelope;
import eu.lexbridge.core.transport.OutgoingPart;
import eu.lexbridge.core.transport.SendOutcome;
import eu.lexbridge.gateway.domibus.wire.ebms.PartInfo;
import eu.lexbridge.gateway.domibus.wire.ebms.Property;
import eu.lexbridge.gateway.domibus.wire.ebms.UserMessage;
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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Submitting to the stand-in Domibus WS plugin, and Domibus's report pushed back to the connector. */
class DomibusGatewayTest {

    private static final int LARGE = 6 * 1024 * 1024;
    private static final String PLUGIN_PATH = "/domibus/services/wsplugin";
    private static final Party UNREACHABLE = new Party(StandInDomibus.UNREACHABLE_PARTY, SampleMessages.PARTY_TYPE,
            SampleMessages.ROLE);
    private static final String GAVE_UP = "Domibus reports that sending failed for good (its retries are over)";
    /** The last of the stand-in's attempts to reach the unreachable party, in the form the failure's detail has. */
    private static final String LAST_ERROR = "EBMS:0005 Error dispatching message to "
            + StandInDomibus.UNREACHABLE_ENDPOINT + ": Connection refused";

    @TempDir
    Path directory;

    private LoopbackServer domibusServer;
    private LoopbackServer connectorServer;
    private StandInDomibus domibus;
    private final RecordingOutcomes outcomes = new RecordingOutcomes();
    private final InMemoryPayloadStore payloads = new InMemoryPayloadStore();
    private final InMemoryConnector connector = new InMemoryConnector();
    private DomibusGateway gateway;

    @BeforeEach
    void start() {
        domibusServer = new LoopbackServer();
        domibus = StandInDomibus.start(domibusServer, directory);
        connectorServer = new LoopbackServer();
        publishPush("/domibus-push", settings(domibusServer.url(PLUGIN_PATH), StandInDomibus.PASSWORD));
        domibus.pushTo(connectorServer.url("/domibus-push"), "domibus", "push-secret");
        gateway = new DomibusGateway(settings(domibusServer.url(PLUGIN_PATH), StandInDomibus.PASSWORD), payloads);
    }

    /** The connector's push endpoint at {@code path}, asking the Domibus {@code errorsFrom} names why a send failed. */
    private void publishPush(String path, DomibusSettings errorsFrom) {
        PushEndpoint.publish(connectorServer.bus(), path,
                new PushedNotifications(connector.reception(), outcomes, new MessageErrors(errorsFrom)),
                new PushCredentials("domibus", "push-secret"), SecurityEvents.logOnly(), 16L * 1024 * 1024,
                directory.resolve("push-spool"));
    }

    @AfterEach
    void stop() throws Exception {
        domibus.close();
        domibusServer.close();
        connectorServer.close();
    }

    @Test
    void aSubmittedMessageIsPendingUnderItsEbmsIdWithTheEcodexHeaderAndItsPayloadsIntact() throws Exception {
        byte[] content = "<order>1</order>".getBytes(StandardCharsets.UTF_8);
        byte[] container = Sha256.randomBytes(LARGE, 7);
        List<OutgoingPart> parts = List.of(
                part("messageContent", "application/xml", PayloadKind.BUSINESS_CONTENT, "content.xml", content),
                part("ASIC-S", "application/vnd.etsi.asic-s+zip", PayloadKind.CONTAINER, "container.asics", container),
                part("tokenXML", "application/xml", PayloadKind.TRUST_TOKEN, "Token.xml",
                        "<token/>".getBytes(StandardCharsets.UTF_8)));
        Envelope envelope = outbound(SampleMessages.GERMANY, null);

        SendOutcome outcome = gateway.send(envelope, parts, SampleMessages.germany());

        assertThat(outcome.status()).isEqualTo(SendOutcome.Status.PENDING);
        assertThat(outcome.detail()).contains(envelope.ebmsMessageId());
        assertThat(domibus.submitted()).hasSize(1);
        StandInDomibus.Submitted held = domibus.submitted().get(0);
        UserMessage header = held.header().getUserMessage();
        assertThat(header.getMessageInfo().getMessageId()).isEqualTo(envelope.ebmsMessageId());
        assertThat(header.getMessageInfo().getRefToMessageId()).isNull();
        assertThat(header.getPartyInfo().getFrom().getPartyId().getValue()).isEqualTo("AT");
        assertThat(header.getPartyInfo().getFrom().getPartyId().getType()).isEqualTo(SampleMessages.PARTY_TYPE);
        assertThat(header.getPartyInfo().getFrom().getRole()).isEqualTo(SampleMessages.ROLE);
        assertThat(header.getPartyInfo().getTo().getPartyId().getValue()).isEqualTo("DE");
        assertThat(header.getCollaborationInfo().getService().getValue()).isEqualTo("EPO");
        assertThat(header.getCollaborationInfo().getService().getType()).isEqualTo("urn:e-codex:services:");
        assertThat(header.getCollaborationInfo().getAction()).isEqualTo("Form_A");
        assertThat(header.getCollaborationInfo().getConversationId()).isEqualTo(envelope.conversationId());
        assertThat(header.getCollaborationInfo().getAgreementRef()).isNull();
        assertThat(properties(header.getMessageProperties().getProperty())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "originalSender", "urn:authority:at-court", "finalRecipient", "urn:authority:de-prosecutor"));
        List<PartInfo> infos = header.getPayloadInfo().getPartInfo();
        assertThat(infos).extracting(info -> properties(info.getPartProperties().getProperty()).get("description"))
                .containsExactly("messageContent", "ASIC-S", "tokenXML");
        // the official connector's MimeType for its XML parts, whatever the back-end called them
        assertThat(infos).extracting(info -> properties(info.getPartProperties().getProperty()).get("MimeType"))
                .containsExactly("text/xml", "application/vnd.etsi.asic-s+zip", "text/xml");
        assertThat(infos).extracting(info -> properties(info.getPartProperties().getProperty()).get("name"))
                .containsExactly("content.xml", "container.asics", "Token.xml");
        assertThat(infos).allSatisfy(info -> assertThat(info.getHref()).startsWith("cid:payload_"));
        assertThat(held.payloads()).extracting(StandInDomibus.HeldPayload::payloadId)
                .containsExactlyElementsOf(infos.stream().map(PartInfo::getHref).toList());
        assertThat(held.payloads().get(1).size()).isEqualTo(LARGE);
        // MTOM: the payloads travel as binary MIME parts beside the envelope, not as base64 text inside it
        assertThat(domibus.contentTypes()).singleElement().satisfies(type -> assertThat(type)
                .contains("multipart/related").contains("application/xop+xml"));
        assertThat(held.payloads()).extracting(StandInDomibus.HeldPayload::sha256)
                .containsExactly(Sha256.of(content), Sha256.of(container), Sha256.of("<token/>".getBytes(
                        StandardCharsets.UTF_8)));

        // Domibus reports later, by push, naming the message by our ebMS id
        assertThat(outcomes.next()).isEqualTo("sent " + envelope.ebmsMessageId());
    }

    @Test
    void anEvidenceMessageRepeatsTheBusinessMessageIdAsOriginalMessageId() {
        String businessId = UUID.randomUUID() + "@de.example";
        Envelope envelope = outbound(SampleMessages.GERMANY, businessId);

        SendOutcome outcome = gateway.send(envelope, List.of(part("RELAY_REMMD_ACCEPTANCE", "application/xml",
                PayloadKind.EVIDENCE, "evidence.xml", "<evidence/>".getBytes(StandardCharsets.UTF_8))),
                SampleMessages.germany());

        assertThat(outcome.status()).isEqualTo(SendOutcome.Status.PENDING);
        UserMessage header = domibus.submitted().get(0).header().getUserMessage();
        assertThat(header.getMessageInfo().getRefToMessageId()).isEqualTo(businessId);
        assertThat(properties(header.getMessageProperties().getProperty())).containsEntry("originalMessageId",
                businessId);
    }

    @Test
    void domibusReportsASendFailureByPushAndTheFailureSaysWhatDomibusMetLast() throws Exception {
        Envelope envelope = outbound(UNREACHABLE, null);

        SendOutcome outcome = gateway.send(envelope, List.of(smallContent()),
                SampleMessages.partner("xx-connector", UNREACHABLE));

        assertThat(outcome.status()).isEqualTo(SendOutcome.Status.PENDING);
        assertThat(outcomes.next()).isEqualTo("failed " + envelope.ebmsMessageId());
        // Domibus lists its last attempt's error first; the most recent counts, whatever the order
        assertThat(outcomes.detail(envelope.ebmsMessageId())).isEqualTo(GAVE_UP + ": " + LAST_ERROR);
    }

    @Test
    void aStatusChangeToSendFailureSaysWhatDomibusMetLastToo() throws Exception {
        domibus.relayWith(taken -> { }); // taken, and never reported on by the stand-in itself
        Envelope envelope = outbound(UNREACHABLE, null);
        gateway.send(envelope, List.of(smallContent()), SampleMessages.partner("xx-connector", UNREACHABLE));
        domibus.recordError(envelope.ebmsMessageId(), "EBMS_0005", "Error dispatching message to "
                + StandInDomibus.UNREACHABLE_ENDPOINT + ": Connection refused", Instant.now());

        domibus.pushPort().messageStatusChange(envelope.ebmsMessageId(), "SEND_FAILURE");

        assertThat(outcomes.next()).isEqualTo("failed " + envelope.ebmsMessageId());
        assertThat(outcomes.detail(envelope.ebmsMessageId())).isEqualTo("Domibus reports status SEND_FAILURE: "
                + LAST_ERROR);
    }

    @Test
    void oneFailureReportedTwiceAsksDomibusWhyOnce() throws Exception {
        Envelope envelope = outbound(UNREACHABLE, null);
        gateway.send(envelope, List.of(smallContent()), SampleMessages.partner("xx-connector", UNREACHABLE));
        assertThat(outcomes.next()).isEqualTo("failed " + envelope.ebmsMessageId());
        assertThat(outcomes.detail(envelope.ebmsMessageId())).isEqualTo(GAVE_UP + ": " + LAST_ERROR);

        // Domibus follows its sendFailure with a status change to SEND_FAILURE: taken (idempotent; the message no
        // longer waits for it), and Domibus is not asked why again
        domibus.pushPort().messageStatusChange(envelope.ebmsMessageId(), "SEND_FAILURE");

        assertThat(outcomes.next()).isEqualTo("failed " + envelope.ebmsMessageId());
        assertThat(domibus.errorsAsked()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = StandInDomibus.ErrorsAnswer.class, names = {"FAULT", "NOTHING"})
    void aSendFailureIsRecordedWithDomibusReportAloneWhenDomibusGivesNoErrors(StandInDomibus.ErrorsAnswer answer)
            throws Exception {
        domibus.answerErrorsWith(answer);
        Envelope envelope = outbound(UNREACHABLE, null);

        gateway.send(envelope, List.of(smallContent()), SampleMessages.partner("xx-connector", UNREACHABLE));

        assertThat(outcomes.next()).isEqualTo("failed " + envelope.ebmsMessageId());
        assertThat(outcomes.detail(envelope.ebmsMessageId())).isEqualTo(GAVE_UP);
        // and Domibus's push is answered, not faulted: it would push again and again
        assertThatCode(() -> domibus.pushPort().sendFailure(envelope.ebmsMessageId())).doesNotThrowAnyException();
        assertThat(outcomes.next()).isEqualTo("failed " + envelope.ebmsMessageId());
    }

    @Test
    void aSendFailureIsRecordedWithDomibusReportAloneWhenDomibusCannotBeAskedWhy() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        publishPush("/deaf-push", settings("http://127.0.0.1:" + closedPort + PLUGIN_PATH, StandInDomibus.PASSWORD));
        domibus.pushTo(connectorServer.url("/deaf-push"), "domibus", "push-secret");
        Envelope envelope = outbound(UNREACHABLE, null);

        gateway.send(envelope, List.of(smallContent()), SampleMessages.partner("xx-connector", UNREACHABLE));

        assertThat(outcomes.next()).isEqualTo("failed " + envelope.ebmsMessageId());
        assertThat(outcomes.detail(envelope.ebmsMessageId())).isEqualTo(GAVE_UP);
    }

    @Test
    void aPluginFaultIsAFailureWithDomibusSentence() {
        Envelope envelope = new Envelope(UUID.randomUUID() + "@at.example", "conversation-1", null,
                SampleMessages.SERVICE, StandInDomibus.UNCONFIGURED_ACTION, SampleMessages.HOME,
                SampleMessages.GERMANY, "urn:authority:at-court", "urn:authority:de-prosecutor");

        SendOutcome outcome = gateway.send(envelope, List.of(smallContent()), SampleMessages.germany());

        assertThat(outcome.status()).isEqualTo(SendOutcome.Status.FAILED);
        assertThat(outcome.detail()).isEqualTo("Domibus refused the message: WS_PLUGIN:0002 No matching leg found "
                + "for the message");
        assertThat(domibus.submitted()).isEmpty();
    }

    @Test
    void aSubmissionSentAgainAfterALostAnswerStaysPendingThoughDomibusRefusesTheDuplicate() throws Exception {
        Envelope envelope = outbound(SampleMessages.GERMANY, null);
        gateway.send(envelope, List.of(smallContent()), SampleMessages.germany());

        // the dispatch route sends again, e.g. after a timeout that came after Domibus had stored the message
        SendOutcome again = gateway.send(envelope, List.of(smallContent()), SampleMessages.germany());

        assertThat(again.status()).isEqualTo(SendOutcome.Status.PENDING);
        assertThat(again.detail()).contains("already (ACKNOWLEDGED)").contains("already exists");
        assertThat(domibus.submitted()).hasSize(1);
    }

    @Test
    void domibusUnreachableIsRetryable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DomibusGateway nowhere = new DomibusGateway(settings("http://127.0.0.1:" + closedPort
                + "/domibus/services/wsplugin", StandInDomibus.PASSWORD), payloads);

        SendOutcome outcome = nowhere.send(outbound(SampleMessages.GERMANY, null), List.of(smallContent()),
                SampleMessages.germany());

        assertThat(outcome.status()).isEqualTo(SendOutcome.Status.RETRYABLE_FAILURE);
        assertThat(outcome.detail()).contains("connection refused").doesNotContain("Exception");
    }

    @Test
    void theHealthCheckIsAnsweredWhenDomibusTakesThePluginUser() {
        assertThat(new DomibusProbe(settings(domibusServer.url("/domibus/services/wsplugin"),
                StandInDomibus.PASSWORD)).check()).isEmpty();
        assertThat(domibus.submitted()).as("asking holds nothing").isEmpty();
    }

    @Test
    void theHealthCheckSaysWhatItMetWhenNobodyListens() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String address = "http://127.0.0.1:" + closedPort + "/domibus/services/wsplugin";

        var unanswered = new DomibusProbe(settings(address, StandInDomibus.PASSWORD)).check();

        assertThat(unanswered).hasValueSatisfying(u -> {
            assertThat(u.trouble()).isEqualTo(TransportTrouble.Kind.CONNECTION_REFUSED);
            assertThat(u.address()).isEqualTo(address);
            assertThat(u.detail()).isEqualTo("connection refused");
        });
    }

    /** Where Domibus's web layer refuses the plugin user before the plugin sees the request: HTTP 401. */
    @Test
    void theHealthCheckSaysThePluginUserWasRefusedOnHttp401() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"domibus\"");
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        server.start();
        try {
            var unanswered = new DomibusProbe(settings("http://127.0.0.1:" + server.getAddress().getPort()
                    + "/domibus/services/wsplugin", "not-the-password")).check();

            assertThat(unanswered).hasValueSatisfying(u -> {
                assertThat(u.trouble()).isEqualTo(TransportTrouble.Kind.REFUSED_USER);
                assertThat(u.detail()).isEqualTo("the plugin user was refused (HTTP 401)");
            });
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aWrongPluginPasswordIsRetryableAndDomibusHoldsNothing() {
        DomibusGateway wrong = new DomibusGateway(settings(domibusServer.url("/domibus/services/wsplugin"),
                "not-the-password"), payloads);

        SendOutcome outcome = wrong.send(outbound(SampleMessages.GERMANY, null), List.of(smallContent()),
                SampleMessages.germany());

        assertThat(outcome.status()).isEqualTo(SendOutcome.Status.RETRYABLE_FAILURE);
        assertThat(domibus.submitted()).isEmpty();
    }

    @Test
    void aCorruptedStoredPayloadFailsAndDomibusHoldsNothing() throws Exception {
        OutgoingPart container = part("ASIC-S", "application/vnd.etsi.asic-s+zip", PayloadKind.CONTAINER,
                "container.asics", Sha256.randomBytes(1024 * 1024, 3));
        payloads.corrupt(container.payload().payloadId());

        SendOutcome outcome = gateway.send(outbound(SampleMessages.GERMANY, null), List.of(smallContent(), container),
                SampleMessages.germany());

        assertThat(outcome.status()).isEqualTo(SendOutcome.Status.FAILED);
        assertThat(outcome.detail()).startsWith("payload not sendable: LB-2001");
        assertThat(domibus.submitted()).isEmpty();
        assertThat(outcomes.none()).isTrue();
    }

    @Test
    void aMessageForAnotherPartnerIsNotSubmitted() {
        SendOutcome outcome = gateway.send(outbound(SampleMessages.GERMANY, null), List.of(smallContent()),
                SampleMessages.partner("fr-connector", new Party("FR", SampleMessages.PARTY_TYPE,
                        SampleMessages.ROLE)));

        assertThat(outcome.status()).isEqualTo(SendOutcome.Status.FAILED);
        assertThat(domibus.submitted()).isEmpty();
    }

    @Test
    void theStandInChecksEveryRequestAgainstTheContract() throws Exception {
        // a payload without its required payloadId: JAXB alone would take it, the schema does not
        String body = "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:eb=\""
                + "http://docs.oasis-open.org/ebxml-msg/ebms/v3.0/ns/core/200704/\"><soap:Header><eb:Messaging>"
                + "<eb:UserMessage><eb:PartyInfo><eb:From><eb:PartyId>AT</eb:PartyId><eb:Role>r</eb:Role></eb:From>"
                + "<eb:To><eb:PartyId>DE</eb:PartyId><eb:Role>r</eb:Role></eb:To></eb:PartyInfo><eb:CollaborationInfo>"
                + "<eb:Service>EPO</eb:Service><eb:Action>Form_A</eb:Action></eb:CollaborationInfo></eb:UserMessage>"
                + "</eb:Messaging></soap:Header><soap:Body><p:submitRequest xmlns:p=\"http://eu.domibus.wsplugin/\">"
                + "<payload><value>AAAA</value></payload></p:submitRequest></soap:Body></soap:Envelope>";
        HttpRequest request = HttpRequest.newBuilder(URI.create(domibusServer.url("/domibus/services/wsplugin")))
                .header("Content-Type", "application/soap+xml; charset=UTF-8")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((StandInDomibus.USER + ":"
                        + StandInDomibus.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();

        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isIn(400, 500);
        assertThat(answer.body()).contains("payloadId");
        assertThat(domibus.submitted()).isEmpty();
    }

    private Envelope outbound(Party to, String refToMessageId) {
        return new Envelope(UUID.randomUUID() + "@at.example", "conversation-" + UUID.randomUUID(), refToMessageId,
                SampleMessages.SERVICE, refToMessageId == null ? SampleMessages.ACTION : "RelayREMMDAcceptanceRejection",
                SampleMessages.HOME, to, "urn:authority:at-court", "urn:authority:de-prosecutor");
    }

    private OutgoingPart smallContent() {
        return part("messageContent", "text/xml", PayloadKind.BUSINESS_CONTENT, "content.xml",
                "<order/>".getBytes(StandardCharsets.UTF_8));
    }

    private OutgoingPart part(String description, String mimeType, PayloadKind kind, String name, byte[] bytes) {
        PayloadRef ref = payloads.put(kind, name, mimeType, bytes);
        return new OutgoingPart(description, mimeType, ref);
    }

    private static Map<String, String> properties(List<Property> properties) {
        return properties.stream().collect(Collectors.toMap(Property::getName, Property::getValue));
    }

    static DomibusSettings settings(String address, String password) {
        return new DomibusSettings(URI.create(address), StandInDomibus.USER, password, null, Duration.ofSeconds(5),
                Duration.ofSeconds(30));
    }
}
