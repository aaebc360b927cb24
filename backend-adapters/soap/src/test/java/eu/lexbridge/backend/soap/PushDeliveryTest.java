package eu.lexbridge.backend.soap;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.backend.soap.auth.EndpointSecurity;
import eu.lexbridge.backend.soap.service.DeliveryWebServiceLink;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorConfirmationType;
import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.flow.BackendInbox;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.port.BackendLink;
import eu.lexbridge.core.port.PushDelivery;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The push client of DomibusConnectorBackendDeliveryWebService.deliverMessage, against real SOAP endpoints served from
 * our delivery WSDL on the loopback port (RecordingBackends): the 6.x one with WS-Security (the push is signed by the
 * connector and encrypted to court-b's certificate, or the endpoint refuses it), the 4.x one without.
 */
class PushDeliveryTest extends SoapTestSupport {

    private static final byte[] PDF = "%PDF-1.7 pushed".getBytes(StandardCharsets.US_ASCII);

    @Autowired BackendInbox inbox;
    @Autowired EndpointSecurity security;
    @Autowired PushDelivery soapPushDelivery;

    @BeforeEach
    void resetBackends() {
        RecordingBackends.reset();
    }

    @Test
    void aReceivedMessageArrivesSignedAndEncryptedWithItsPayloadsAt6xBackEnd() {
        UUID id = receive("urn:authority:court-b", XML, PDF);
        ConnectorMessage message = store.find(id).orElseThrow();

        BackendLink.Handover handover = link(TestConnector.PUSH_PATH, 6, true).deliver(message);

        assertThat(handover).isInstanceOf(BackendLink.Pushed.class);
        assertThat(RecordingBackends.PUSHED).singleElement().satisfies(pushed -> {
            assertThat(pushed.generation()).isEqualTo("6");
            assertThat(pushed.xmlContent()).isEqualTo(XML);
            assertThat(pushed.document()).isEqualTo(PDF);
            assertThat(pushed.message().getMessageDetails().getEbmsMessageId()).isEqualTo(message.ebmsMessageId());
            assertThat(pushed.message().getMessageDetails().getFinalRecipient()).isEqualTo("urn:authority:court-b");
        });
    }

    @Test
    void anUnsignedPushIsRefusedByTheBackEndThatRequiresWsSecurityAndIsLeftForAnotherAttempt() {
        UUID id = receive("urn:authority:court-b", XML, PDF);

        BackendLink.Handover handover = link(TestConnector.PUSH_PATH, 6, false).deliver(store.find(id).orElseThrow());

        assertThat(handover).isInstanceOf(BackendLink.Unreachable.class);
        assertThat(RecordingBackends.PUSHED).isEmpty();
    }

    @Test
    void aReceivedMessageArrivesWithItsPayloadsAtA4xBackEnd() {
        UUID id = receive("urn:authority:court-b", XML, PDF);

        BackendLink.Handover handover = link(TestConnector.LEGACY_PUSH_PATH, 4, false)
                .deliver(store.find(id).orElseThrow());

        assertThat(handover).isInstanceOf(BackendLink.Pushed.class);
        assertThat(RecordingBackends.PUSHED).singleElement().satisfies(pushed -> {
            assertThat(pushed.generation()).isEqualTo("4");
            assertThat(pushed.xmlContent()).isEqualTo(XML);
            assertThat(pushed.document()).isEqualTo(PDF);
        });
    }

    @Test
    void anEvidenceArrivesWithItsTypeAndXmlReferringToTheMessageByTheBackEndsIdOrElseTheEbmsId() {
        UUID received = receive("urn:authority:court-b", XML, PDF);
        ConnectorMessage inbound = store.find(received).orElseThrow();
        Evidence relay = store.evidences(received).stream()
                .filter(e -> e.type() == EvidenceType.RELAY_REMMD_ACCEPTANCE).findFirst().orElseThrow();
        backend(COURT_B).submitMessage(businessMessage("case-77"));
        ConnectorMessage sent = store.findByBackendMessageId(COURT_B, "case-77").orElseThrow();
        // the evidence's document and type are what matter here, not which flow issued it
        Evidence acceptance = relay;

        for (String path : List.of(TestConnector.PUSH_PATH, TestConnector.LEGACY_PUSH_PATH)) {
            int generation = path.equals(TestConnector.PUSH_PATH) ? 6 : 4;
            BackendLink link = link(path, generation, generation == 6);
            assertThat(link.notify(inbound, relay)).isInstanceOf(BackendLink.Pushed.class);
            assertThat(link.notify(sent, acceptance)).isInstanceOf(BackendLink.Pushed.class);
        }

        assertThat(RecordingBackends.PUSHED).hasSize(4).allSatisfy(pushed -> {
            assertThat(pushed.xmlContent()).isNull();
            assertThat(pushed.message().getMessageConfirmations()).singleElement()
                    .satisfies(c -> assertThat(c.getConfirmation()).isNotEmpty());
        });
        var aboutReceived = RecordingBackends.PUSHED.get(0).message();
        assertThat(aboutReceived.getMessageDetails().getRefToMessageId()).isEqualTo(inbound.ebmsMessageId());
        assertThat(aboutReceived.getMessageConfirmations().get(0).getConfirmationType())
                .isEqualTo(DomibusConnectorConfirmationType.RELAY_REMMD_ACCEPTANCE);
        assertThat(aboutReceived.getMessageConfirmations().get(0).getConfirmation())
                .isEqualTo(payloads.bytes(relay.document().payloadId()));
        var aboutSent = RecordingBackends.PUSHED.get(1).message();
        assertThat(aboutSent.getMessageDetails().getRefToMessageId()).isEqualTo("case-77");
        assertThat(aboutSent.getMessageConfirmations().get(0).getConfirmationType().name())
                .isEqualTo(acceptance.type().name());
        assertThat(RecordingBackends.PUSHED.get(3).message().getMessageDetails().getRefToMessageId())
                .isEqualTo("case-77");
    }

    @Test
    void anAcknowledgementWithResultFalseIsARefusalWithTheBackEndsReason() {
        UUID id = receive("urn:authority:court-b", XML, PDF);
        RecordingBackends.answer = "case file unknown here";

        BackendLink.Handover handover = link(TestConnector.PUSH_PATH, 6, true).deliver(store.find(id).orElseThrow());

        assertThat(handover).isEqualTo(new BackendLink.Refused("case file unknown here"));
    }

    @Test
    void aBackEndThatFailsOrIsDownIsUnreachableAndTheMessageStaysWhereItWas() {
        UUID id = receive("urn:authority:court-b", XML, PDF);
        ConnectorMessage message = store.find(id).orElseThrow();
        RecordingBackends.answer = "FAIL";

        assertThat(link(TestConnector.PUSH_PATH, 6, true).deliver(message))
                .isInstanceOf(BackendLink.Unreachable.class);
        long start = System.nanoTime();
        BackendLink.Handover down = soapPushDelivery.links().get(COURT_B).deliver(message);

        assertThat(down).isInstanceOf(BackendLink.Unreachable.class);
        assertThat(((BackendLink.Unreachable) down).detail()).contains(COURT_B);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(MessageState.AVAILABLE_TO_BACKEND);
    }

    @Test
    void theSoapApiContributesItsPushBackEndsOnly() {
        assertThat(soapPushDelivery.api()).isEqualTo("SOAP");
        assertThat(soapPushDelivery.links()).containsOnlyKeys(COURT_B);
    }

    private BackendLink link(String path, int generation, boolean signed) {
        return DeliveryWebServiceLink.of(COURT_B, URI.create("http://127.0.0.1:" + port + "/services" + path),
                generation, inbox, Duration.ofSeconds(2), Duration.ofSeconds(10),
                signed ? security.pushingTo(COURT_B, true) : List.of());
    }
}
