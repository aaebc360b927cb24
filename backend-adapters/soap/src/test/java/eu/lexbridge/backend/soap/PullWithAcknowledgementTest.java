package eu.lexbridge.backend.soap;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.backend.soap.wire.ecodex.EmptyRequestType;
import eu.lexbridge.backend.soap.wire.ecodex.GetMessageByIdRequest;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorConfirmationType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageResponseType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessagesType;
import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.message.MessageState;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The 4.4 pull (listPendingMessageIds, getMessageById, acknowledgeMessage) and the 4.0 requestMessages, in the 6.x
 * namespaces. A back-end sees its own messages only: another's look as if they did not exist.
 */
class PullWithAcknowledgementTest extends SoapTestSupport {

    private static final byte[] PDF = "%PDF-1.7 the order".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aBackEndListsFetchesAndAcknowledgesItsMessageAndDeliveryGoesToTheSender() {
        UUID id = receive("urn:authority:court-a", XML, PDF);
        var courtA = backend(COURT_A);

        assertThat(courtA.listPendingMessageIds(new EmptyRequestType()).getMessageTransportIds())
                .containsExactly(id.toString());
        DomibusConnectorMessageType message = courtA.getMessageById(request(id));

        assertThat(bytes(message.getMessageContent().getXmlContent())).isEqualTo(XML);
        assertThat(bytes(message.getMessageContent().getDocument().getDocument())).isEqualTo(PDF);
        assertThat(message.getMessageContent().getDocument().getDocumentName()).isEqualTo("order.pdf");
        assertThat(message.getMessageDetails().getFinalRecipient()).isEqualTo("urn:authority:court-a");
        assertThat(message.getMessageDetails().getFromParty().getPartyId()).isEqualTo("DE");
        assertThat(message.getMessageDetails().getService().getService()).isEqualTo("EPO");
        assertThat(message.getMessageDetails().getEbmsMessageId()).endsWith("@de.example");
        assertThat(message.getMessageConfirmations()).extracting(c -> c.getConfirmationType())
                .contains(DomibusConnectorConfirmationType.RELAY_REMMD_ACCEPTANCE);
        // fetched (PENDING_DOWNLOADED in the official connector): not listed again within its lease
        assertThat(courtA.listPendingMessageIds(new EmptyRequestType()).getMessageTransportIds()).isEmpty();
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(MessageState.AVAILABLE_TO_BACKEND);

        courtA.acknowledgeMessage(response(id, true, null));

        assertThat(store.find(id).orElseThrow().state()).isEqualTo(MessageState.DELIVERED_TO_BACKEND);
        assertThat(store.findEvidence(id, EvidenceType.DELIVERY, EvidenceOrigin.ISSUED)).isPresent();
        assertThat(courtA.listPendingMessageIds(new EmptyRequestType()).getMessageTransportIds()).isEmpty();
    }

    @Test
    void aRefusalIsNonDeliveryWithTheBackEndsReason() {
        UUID id = receive("urn:authority:court-a", XML, PDF);

        backend(COURT_A).acknowledgeMessage(response(id, false, "case file unknown here"));

        assertThat(store.find(id).orElseThrow().state()).isEqualTo(MessageState.NOT_DELIVERED_TO_BACKEND);
        assertThat(store.findEvidence(id, EvidenceType.NON_DELIVERY, EvidenceOrigin.ISSUED).orElseThrow().reason())
                .contains("case file unknown here");
    }

    @Test
    void anotherBackEndCannotListFetchOrAcknowledgeTheMessageByGuessingItsId() {
        UUID id = receive("urn:authority:court-a", XML, PDF);
        var courtB = backend(COURT_B);

        assertThat(courtB.listPendingMessageIds(new EmptyRequestType()).getMessageTransportIds()).isEmpty();
        var fetch = assertFault(() -> courtB.getMessageById(request(id)), "LB-1100");
        assertFault(() -> courtB.acknowledgeMessage(response(id, true, null)), "LB-1100");
        assertFault(() -> courtB.acknowledgeMessage(response(id, false, "not mine")), "LB-1100");
        assertThat(courtB.requestMessages(new EmptyRequestType()).getMessages()).isEmpty();

        // Exactly the answer for an id that names nothing: the fault does not tell that the message exists.
        var unknown = assertFault(() -> courtB.getMessageById(request(UUID.randomUUID())), "LB-1100");
        assertThat(fetch.getFault().getFaultString().replace(id.toString(), "ID"))
                .isEqualTo(unknown.getFault().getFaultString().replaceAll("[0-9a-f-]{36}", "ID"));
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(MessageState.AVAILABLE_TO_BACKEND);
        assertThat(store.evidences(id)).extracting(e -> e.type()).doesNotContain(EvidenceType.DELIVERY,
                EvidenceType.NON_DELIVERY);
    }

    @Test
    void anIdThatIsNoTransportIdIsAnUnknownMessage() {
        assertFault(() -> backend(COURT_A).getMessageById(request("1_court-a_1")), "LB-1100");
        assertFault(() -> backend(COURT_A).getMessageById(new GetMessageByIdRequest()), "LB-1001");
    }

    @Test
    void requestMessagesHandsOverEveryWaitingMessageAndTakesThemAsDelivered() {
        UUID first = receive("urn:authority:court-a", XML, PDF);
        UUID second = receive("urn:authority:court-a", XML, PDF);
        UUID other = receive("urn:authority:court-b", XML, PDF);

        DomibusConnectorMessagesType messages = backend(COURT_A)
                .requestMessages(new EmptyRequestType());

        assertThat(messages.getMessages()).hasSize(2)
                .allSatisfy(m -> assertThat(bytes(m.getMessageContent().getXmlContent())).isEqualTo(XML));
        assertThat(store.find(first).orElseThrow().state()).isEqualTo(MessageState.DELIVERED_TO_BACKEND);
        assertThat(store.find(second).orElseThrow().state()).isEqualTo(MessageState.DELIVERED_TO_BACKEND);
        assertThat(store.find(other).orElseThrow().state()).isEqualTo(MessageState.AVAILABLE_TO_BACKEND);
    }

    static GetMessageByIdRequest request(Object id) {
        GetMessageByIdRequest request = new GetMessageByIdRequest();
        request.setMessageTransportId(id.toString());
        return request;
    }

    static DomibusConnectorMessageResponseType response(UUID id, boolean result, String message) {
        DomibusConnectorMessageResponseType response = new DomibusConnectorMessageResponseType();
        response.setResponseForMessageId(id.toString());
        response.setResult(result);
        response.setResultMessage(message);
        return response;
    }
}
