package eu.lexbridge.backend.soap;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.backend.soap.wire.domibus.EmptyRequestType;
import eu.lexbridge.backend.soap.wire.domibus.GetMessageByIdRequest;
import eu.lexbridge.backend.soap.wire.domibus.transition.DomibsConnectorAcknowledgementType;
import eu.lexbridge.backend.soap.wire.domibus.transition.DomibusConnectorActionType;
import eu.lexbridge.backend.soap.wire.domibus.transition.DomibusConnectorConfirmationType;
import eu.lexbridge.backend.soap.wire.domibus.transition.DomibusConnectorMessageConfirmationType;
import eu.lexbridge.backend.soap.wire.domibus.transition.DomibusConnectorMessageContentType;
import eu.lexbridge.backend.soap.wire.domibus.transition.DomibusConnectorMessageDetailsType;
import eu.lexbridge.backend.soap.wire.domibus.transition.DomibusConnectorMessageResponseType;
import eu.lexbridge.backend.soap.wire.domibus.transition.DomibusConnectorMessageType;
import eu.lexbridge.backend.soap.wire.domibus.transition.DomibusConnectorPartyType;
import eu.lexbridge.backend.soap.wire.domibus.transition.DomibusConnectorServiceType;
import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.testkit.SampleMessages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A back-end built on the 4.x client libraries (namespaces under connector.domibus.eu) talks to /services/backend-4
 * unchanged: it submits, lists, fetches and acknowledges, and gets the same faults, side by side with the 6.x endpoint.
 */
class LegacyNamespaceTest extends SoapTestSupport {

    @Test
    void aLegacyBackEndSubmitsAndTheMessageIsStored() {
        DomibsConnectorAcknowledgementType answer = legacyBackend(COURT_A)
                .submitMessage(legacyMessage("legacy-1"));

        ConnectorMessage stored = store.findByBackendMessageId(COURT_A, "legacy-1").orElseThrow();
        assertThat(answer.isResult()).isTrue();
        assertThat(answer.getMessageId()).isEqualTo(stored.connectorMessageId().toString());
        assertThat(payloads.bytes(stored.payload(PayloadKind.BUSINESS_CONTENT).orElseThrow().payloadId()))
                .isEqualTo(XML);
    }

    @Test
    void aLegacyBackEndGetsTheSameFaultsAndNothingIsStored() {
        legacyBackend(COURT_A).submitMessage(legacyMessage("legacy-2"));
        assertFault(() -> legacyBackend(COURT_A).submitMessage(legacyMessage("legacy-2")),
                "LB-1006");
        DomibusConnectorMessageType answer = legacyMessage("legacy-3");
        answer.getMessageDetails().setRefToMessageId("some-ebms-id@de.example");
        assertFault(() -> legacyBackend(COURT_A).submitMessage(answer), "LB-1002");
        assertFault(() -> legacyBackend(COURT_A).submitMessage(legacyMessage(null)), "LB-1001");

        assertThat(store.all()).hasSize(1);
    }

    @Test
    void aLegacyBackEndListsFetchesAndAcknowledgesOnlyItsOwnMessages() {
        UUID id = receive("urn:authority:court-a", XML, "%PDF".getBytes(StandardCharsets.US_ASCII));
        var courtA = legacyBackend(COURT_A);
        var courtB = legacyBackend(COURT_B);
        GetMessageByIdRequest fetch = new GetMessageByIdRequest();
        fetch.setMessageTransportId(id.toString());
        DomibusConnectorMessageResponseType ack = new DomibusConnectorMessageResponseType();
        ack.setResponseForMessageId(id.toString());
        ack.setResult(true);

        assertThat(courtB.listPendingMessageIds(new EmptyRequestType()).getMessageTransportIds()).isEmpty();
        assertFault(() -> courtB.getMessageById(fetch), "LB-1100");
        assertFault(() -> courtB.acknowledgeMessage(ack), "LB-1100");

        assertThat(courtA.listPendingMessageIds(new EmptyRequestType()).getMessageTransportIds())
                .containsExactly(id.toString());
        assertThat(bytes(courtA.getMessageById(fetch).getMessageContent().getXmlContent())).isEqualTo(XML);
        courtA.acknowledgeMessage(ack);
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(MessageState.DELIVERED_TO_BACKEND);
    }

    @Test
    void aLegacyBackEndTriggersAnEvidenceOnlyOnItsOwnReceivedMessage() {
        UUID id = receive("urn:authority:court-a", XML, "%PDF".getBytes(StandardCharsets.US_ASCII));
        String ebmsId = store.find(id).orElseThrow().ebmsMessageId();

        assertFault(() -> legacyBackend(COURT_B).submitMessage(
                legacyTrigger("b-1", ebmsId, DomibusConnectorConfirmationType.DELIVERY)), "LB-1100");
        assertThat(store.findEvidence(id, EvidenceType.DELIVERY, EvidenceOrigin.ISSUED)).isEmpty();
        assertFault(() -> legacyBackend(COURT_A).submitMessage(
                legacyTrigger("a-0", ebmsId, DomibusConnectorConfirmationType.RELAY_REMMD_ACCEPTANCE)), "LB-1002");

        DomibsConnectorAcknowledgementType answer = legacyBackend(COURT_A).submitMessage(
                legacyTrigger("a-1", ebmsId, DomibusConnectorConfirmationType.DELIVERY));

        assertThat(answer.isResult()).isTrue();
        assertThat(answer.getMessageId()).isEqualTo(store.findEvidence(id, EvidenceType.DELIVERY,
                EvidenceOrigin.ISSUED).orElseThrow().evidenceId().toString());
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(MessageState.DELIVERED_TO_BACKEND);
    }

    @Test
    void eachEndpointServesTheWsdlOfItsGeneration() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String current = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/services/backend?wsdl")).build(), HttpResponse.BodyHandlers.ofString()).body();
        String legacy = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/services/backend-4?wsdl")).build(), HttpResponse.BodyHandlers.ofString()).body();

        assertThat(current).contains("targetNamespace=\"http://connector.ecodex.eu/ws/backend/webservice\"")
                .doesNotContain("connector.domibus.eu");
        assertThat(legacy).contains("targetNamespace=\"http://connector.domibus.eu/ws/backend/webservice\"")
                .doesNotContain("connector.ecodex.eu");
    }

    static DomibusConnectorMessageType legacyTrigger(String backendMessageId, String refToMessageId,
                                                     DomibusConnectorConfirmationType type) {
        DomibusConnectorMessageDetailsType details = new DomibusConnectorMessageDetailsType();
        details.setBackendMessageId(backendMessageId);
        details.setRefToMessageId(refToMessageId);
        details.setOriginalSender("");
        details.setFinalRecipient("");
        DomibusConnectorMessageConfirmationType confirmation = new DomibusConnectorMessageConfirmationType();
        confirmation.setConfirmation(new byte[0]);
        confirmation.setConfirmationType(type);
        DomibusConnectorMessageType message = new DomibusConnectorMessageType();
        message.setMessageDetails(details);
        message.getMessageConfirmations().add(confirmation);
        return message;
    }

    static DomibusConnectorMessageType legacyMessage(String backendMessageId) {
        DomibusConnectorMessageDetailsType details = new DomibusConnectorMessageDetailsType();
        details.setBackendMessageId(backendMessageId);
        details.setOriginalSender("urn:authority:at-prosecutor");
        details.setFinalRecipient("urn:authority:de-court");
        DomibusConnectorServiceType service = new DomibusConnectorServiceType();
        service.setService(SampleMessages.SERVICE.value());
        details.setService(service);
        DomibusConnectorActionType action = new DomibusConnectorActionType();
        action.setAction(SampleMessages.ACTION);
        details.setAction(action);
        DomibusConnectorPartyType from = new DomibusConnectorPartyType();
        from.setPartyId(SampleMessages.HOME.partyId());
        details.setFromParty(from);
        DomibusConnectorPartyType to = new DomibusConnectorPartyType();
        to.setPartyId(SampleMessages.GERMANY.partyId());
        details.setToParty(to);
        DomibusConnectorMessageContentType content = new DomibusConnectorMessageContentType();
        content.setXmlContent(data(XML, "application/xml"));
        DomibusConnectorMessageType message = new DomibusConnectorMessageType();
        message.setMessageDetails(details);
        message.setMessageContent(content);
        return message;
    }
}
