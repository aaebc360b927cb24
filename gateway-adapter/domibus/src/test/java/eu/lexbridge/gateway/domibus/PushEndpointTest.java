package eu.lexbridge.gateway.domibus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.port.SecurityEvents;
import eu.lexbridge.core.testkit.InMemoryConnector;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The endpoint Domibus pushes to: received messages reach the connector's real reception with their bytes intact,
 * send reports reach its outcomes, and hostile input is refused with a SOAP fault and changes nothing.
 */
class PushEndpointTest {

    private static final long MAX_PAYLOAD = 16L * 1024 * 1024;
    private static final long SMALL_MAX_PAYLOAD = 1024 * 1024;

    @TempDir
    Path directory;

    private final InMemoryConnector connector = new InMemoryConnector(InMemoryConnector.Options.defaults()
            .withMaxPayloadBytes(MAX_PAYLOAD));
    private final RecordingOutcomes outcomes = new RecordingOutcomes();
    private final List<String> securityEvents = new ArrayList<>();
    private LoopbackServer domibusServer;
    private LoopbackServer connectorServer;
    private StandInDomibus domibus;

    @BeforeEach
    void start() {
        domibusServer = new LoopbackServer();
        domibus = StandInDomibus.start(domibusServer, directory);
        connectorServer = new LoopbackServer();
        SecurityEvents security = (kind, detail) -> securityEvents.add(kind + " " + detail);
        PushedNotifications notifications = new PushedNotifications(connector.reception(), outcomes,
                new MessageErrors(DomibusGatewayTest.settings(domibusServer.url("/domibus/services/wsplugin"),
                        StandInDomibus.PASSWORD)));
        PushEndpoint.publish(connectorServer.bus(), "/domibus-push", notifications,
                new PushCredentials("domibus", "push-secret"), security, MAX_PAYLOAD, directory.resolve("spool"));
        PushEndpoint.publish(connectorServer.bus(), "/small-push", notifications,
                new PushCredentials("domibus", "push-secret"), security, SMALL_MAX_PAYLOAD, directory.resolve("spool"));
        domibus.pushTo(connectorServer.url("/domibus-push"), "domibus", "push-secret");
    }

    @AfterEach
    void stop() throws Exception {
        domibus.close();
        domibusServer.close();
        connectorServer.close();
    }

    @Test
    void aPushedMessageIsStoredWithItsMultiMebibytePayloadIntact() throws Exception {
        InboundFixture message = InboundFixture.message(connector, domibus, 6 * 1024 * 1024, 11);

        domibus.push(message.header, message.payloads);

        ConnectorMessage stored = InboundFixture.stored(connector, message.id()).orElseThrow();
        assertThat(stored.conversationId()).isEqualTo(message.envelope.conversationId());
        assertThat(stored.from()).isEqualTo(message.envelope.from());
        assertThat(stored.finalRecipient()).isEqualTo(InboundFixture.COURT);
        assertThat(stored.originalSender()).isEqualTo("urn:authority:de-prosecutor");
        assertThat(InboundFixture.storedContainerSha256(connector, stored)).isEqualTo(message.containerSha256());
    }

    @Test
    void aMessagePushedTwiceIsStoredOnce() throws Exception {
        InboundFixture message = InboundFixture.message(connector, domibus, 64 * 1024, 12);

        domibus.push(message.header, message.payloads);
        var first = InboundFixture.stored(connector, message.id()).orElseThrow();
        int storedPayloads = connector.payloads().count();
        domibus.push(message.header, message.payloads);

        assertThat(connector.payloads().count()).isEqualTo(storedPayloads);
        assertThat(InboundFixture.stored(connector, message.id()).orElseThrow().connectorMessageId())
                .isEqualTo(first.connectorMessageId());
    }

    @Test
    void sendReportsReachTheOutcomesByEbmsId() throws Exception {
        domibus.pushPort().sendSuccess("a@at.example");
        domibus.pushPort().sendFailure("b@at.example");
        domibus.pushPort().messageStatusChange("c@at.example", "ACKNOWLEDGED");
        domibus.pushPort().messageStatusChange("d@at.example", "SEND_ENQUEUED");
        domibus.pushPort().messageStatusChange("e@at.example", "SEND_FAILURE");

        assertThat(List.of(outcomes.next(), outcomes.next(), outcomes.next(), outcomes.next()))
                .containsExactly("sent a@at.example", "failed b@at.example", "sent c@at.example",
                        "failed e@at.example");
        assertThat(outcomes.none()).isTrue();
    }

    @Test
    void aMessageFromAnUnknownPartyIsRefusedWithItsCode() throws Exception {
        InboundFixture message = InboundFixture.message(connector, domibus, 1024, 13);
        message.header.getUserMessage().getPartyInfo().getFrom().getPartyId().setValue("ZZ");

        assertThatThrownBy(() -> domibus.push(message.header, message.payloads))
                .hasMessageContaining("LB-3003");
        assertThat(InboundFixture.stored(connector, message.id())).isEmpty();
    }

    @Test
    void aPushWithTheWrongPasswordIsRefusedBeforeAnythingIsRead() throws Exception {
        domibus.pushTo(connectorServer.url("/domibus-push"), "domibus", "guessed");
        InboundFixture message = InboundFixture.message(connector, domibus, 1024, 14);

        assertThatThrownBy(() -> domibus.push(message.header, message.payloads))
                .isInstanceOf(SOAPFaultException.class).hasMessageContaining("LB-1200");
        assertThatThrownBy(() -> domibus.pushPort().sendSuccess("a@at.example"))
                .hasMessageContaining("LB-1200");
        assertThat(InboundFixture.stored(connector, message.id())).isEmpty();
        assertThat(outcomes.none()).isTrue();
        assertThat(securityEvents).hasSize(2).allSatisfy(event -> assertThat(event)
                .startsWith("GATEWAY_ACCESS_REFUSED").doesNotContain("guessed"));
    }

    @Test
    void aCallWithoutCredentialsIsRefused() throws Exception {
        HttpResponse<String> answer = post("/domibus-push", null, sendSuccess("a@at.example"));

        assertThat(answer.statusCode()).isIn(400, 500);
        assertThat(answer.body()).contains("Fault").contains("LB-1200");
        assertThat(outcomes.none()).isTrue();
    }

    @Test
    void aRequestWithAnExternalEntityIsRefusedAndTheEntityNeverRead() throws Exception {
        Path secret = Files.writeString(directory.resolve("secret.txt"), "s3cr3t-marker");
        String body = "<?xml version=\"1.0\"?>\n<!DOCTYPE e [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + envelope("<ns:sendFailure xmlns:ns=\"eu.domibus\"><messageID>&x;</messageID></ns:sendFailure>");

        HttpResponse<String> answer = post("/domibus-push", "push-secret", body);

        assertThat(answer.statusCode()).isIn(400, 500);
        assertThat(answer.body()).contains("Fault").contains("LB-1008").doesNotContain("s3cr3t-marker");
        assertThat(outcomes.none()).isTrue();
    }

    @Test
    void aRequestOutsideTheContractIsRefused() throws Exception {
        HttpResponse<String> answer = post("/domibus-push", "push-secret",
                envelope("<ns:sendSuccess xmlns:ns=\"eu.domibus\"><unknown>x</unknown></ns:sendSuccess>"));

        assertThat(answer.statusCode()).isIn(400, 500);
        assertThat(answer.body()).contains("Fault").contains("LB-1008");
        assertThat(outcomes.none()).isTrue();
    }

    @Test
    void aValueTheContractDoesNotAllowIsRefusedThoughJaxbWouldTakeIt() throws Exception {
        HttpResponse<String> answer = post("/domibus-push", "push-secret", sendSuccess("x".repeat(256) + "@at.example"));

        assertThat(answer.statusCode()).isIn(400, 500);
        assertThat(answer.body()).contains("Fault").contains("LB-1008");
        assertThat(outcomes.none()).isTrue();
    }

    /**
     * CXF does not validate the whole request against the schema (it would hold every MTOM payload in memory for the
     * validator), so the ebMS header is checked against the contract on its own: a UserMessage without its PartyInfo
     * (which JAXB would take) is refused, and nothing is stored.
     */
    @Test
    void anEbmsHeaderOutsideTheContractIsRefusedAndNothingIsStored() throws Exception {
        String body = "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:eb=\""
                + "http://docs.oasis-open.org/ebxml-msg/ebms/v3.0/ns/core/200704/\"><soap:Header><eb:Messaging>"
                + "<eb:UserMessage><eb:MessageInfo><eb:MessageId>x@at.example</eb:MessageId></eb:MessageInfo>"
                + "</eb:UserMessage>"
                + "</eb:Messaging></soap:Header><soap:Body><ns:submitMessage xmlns:ns=\"eu.domibus\">"
                + "<messageID>x@at.example</messageID></ns:submitMessage></soap:Body></soap:Envelope>";

        HttpResponse<String> answer = post("/domibus-push", "push-secret", body);

        assertThat(answer.statusCode()).isIn(400, 500);
        assertThat(answer.body()).contains("Fault").contains("LB-1008").contains("contract");
        assertThat(InboundFixture.stored(connector, "x@at.example")).isEmpty();
    }

    @Test
    void aPayloadOverTheLimitIsRefusedWhileItIsReadAndNothingIsStored() throws Exception {
        domibus.pushTo(connectorServer.url("/small-push"), "domibus", "push-secret");
        InboundFixture message = InboundFixture.message(connector, domibus, (int) SMALL_MAX_PAYLOAD * 2, 15);

        assertThatThrownBy(() -> domibus.push(message.header, message.payloads))
                .hasMessageContaining("LB-1007");
        assertThat(InboundFixture.stored(connector, message.id())).isEmpty();
    }

    private HttpResponse<String> post(String path, String password, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(connectorServer.url(path)))
                .header("Content-Type", "application/soap+xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (password != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("domibus:" + password)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sendSuccess(String id) {
        return envelope("<ns:sendSuccess xmlns:ns=\"eu.domibus\"><messageID>" + id + "</messageID></ns:sendSuccess>");
    }

    private static String envelope(String body) {
        return "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body>" + body
                + "</soap:Body></soap:Envelope>";
    }
}
