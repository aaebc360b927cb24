package eu.lexbridge.backend.soap;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibsConnectorAcknowledgementType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorConfirmationType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageConfirmationType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageDetailsType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageType;
import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.message.MessageState;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Evidence triggers over submitMessage in the 6.x namespaces (ecodex-wire §2.2): the back-end asks for DELIVERY,
 * NON_DELIVERY, RETRIEVAL or NON_RETRIEVAL about a message it received; the connector issues it to the sender. A
 * trigger the contract does not allow, or about a message that is not the caller's, issues nothing.
 */
class EvidenceTriggerTest extends SoapTestSupport {

    private static final byte[] PDF = "%PDF-1.7 the order".getBytes(StandardCharsets.US_ASCII);

    @Test
    void deliveryByEbmsIdThenRetrievalByTransportIdAreIssuedAndAnsweredWithTheEvidenceIds() {
        UUID id = receive("urn:authority:court-a", XML, PDF);
        String ebmsId = store.find(id).orElseThrow().ebmsMessageId();
        var courtA = backend(COURT_A);

        DomibsConnectorAcknowledgementType delivered = courtA.submitMessage(
                trigger("trigger-1", ebmsId, DomibusConnectorConfirmationType.DELIVERY));

        Evidence delivery = store.findEvidence(id, EvidenceType.DELIVERY, EvidenceOrigin.ISSUED).orElseThrow();
        assertThat(delivered.isResult()).isTrue();
        assertThat(delivered.getMessageId()).isEqualTo(delivery.evidenceId().toString());
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(MessageState.DELIVERED_TO_BACKEND);

        DomibsConnectorAcknowledgementType retrieved = courtA.submitMessage(
                trigger("trigger-2", id.toString(), DomibusConnectorConfirmationType.RETRIEVAL));

        Evidence retrieval = store.findEvidence(id, EvidenceType.RETRIEVAL, EvidenceOrigin.ISSUED).orElseThrow();
        assertThat(retrieved.getMessageId()).isEqualTo(retrieval.evidenceId().toString());
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(MessageState.RETRIEVED_BY_BACKEND);
        assertThat(bus.published()).isNotEmpty(); // each evidence is queued for the sender
    }

    @Test
    void nonDeliveryIsIssuedWithTheOfficialReason() {
        UUID id = receive("urn:authority:court-a", XML, PDF);

        backend(COURT_A).submitMessage(trigger("trigger-3",
                store.find(id).orElseThrow().ebmsMessageId(), DomibusConnectorConfirmationType.NON_DELIVERY));

        assertThat(store.find(id).orElseThrow().state()).isEqualTo(MessageState.NOT_DELIVERED_TO_BACKEND);
        assertThat(store.findEvidence(id, EvidenceType.NON_DELIVERY, EvidenceOrigin.ISSUED)).isPresent();
    }

    @Test
    void courtBCannotTriggerAnEvidenceOnCourtAsMessageByEitherId() {
        UUID id = receive("urn:authority:court-a", XML, PDF);
        String ebmsId = store.find(id).orElseThrow().ebmsMessageId();
        List<Evidence> before = store.evidences(id);
        var courtB = backend(COURT_B);

        var byEbms = assertFault(() -> courtB.submitMessage(
                trigger("b-1", ebmsId, DomibusConnectorConfirmationType.DELIVERY)), "LB-1100");
        assertFault(() -> courtB.submitMessage(
                trigger("b-2", id.toString(), DomibusConnectorConfirmationType.NON_DELIVERY)), "LB-1100");
        var unknown = assertFault(() -> courtB.submitMessage(
                trigger("b-3", "nothing@de.example", DomibusConnectorConfirmationType.DELIVERY)), "LB-1100");

        // Exactly the answer for an id that names nothing: the fault does not tell that the message exists.
        assertThat(byEbms.getFault().getFaultString().replace(ebmsId, "ID"))
                .isEqualTo(unknown.getFault().getFaultString().replace("nothing@de.example", "ID"));
        assertThat(store.evidences(id)).isEqualTo(before);
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(MessageState.AVAILABLE_TO_BACKEND);
    }

    @Test
    void aTriggerAboutAMessageTheBackEndSentIsAnUnknownMessage() {
        backend(COURT_A).submitMessage(businessMessage("case-1"));
        var sent = store.findByBackendMessageId(COURT_A, "case-1").orElseThrow();
        int evidences = store.evidences(sent.connectorMessageId()).size();

        assertFault(() -> backend(COURT_A).submitMessage(
                trigger("t-1", sent.ebmsMessageId(), DomibusConnectorConfirmationType.DELIVERY)), "LB-1100");
        assertThat(store.evidences(sent.connectorMessageId())).hasSize(evidences);
    }

    @Test
    void aTriggerTheContractDoesNotAllowIsRefusedWithItsCodeAndIssuesNothing() {
        UUID id = receive("urn:authority:court-a", XML, PDF);
        String ebmsId = store.find(id).orElseThrow().ebmsMessageId();
        List<Evidence> before = store.evidences(id);
        int messages = store.all().size();
        var courtA = backend(COURT_A);

        var connectorsType = assertFault(() -> courtA.submitMessage(
                trigger("t-1", ebmsId, DomibusConnectorConfirmationType.SUBMISSION_ACCEPTANCE)), "LB-1002");
        assertThat(connectorsType.getFault().getFaultString()).contains("SUBMISSION_ACCEPTANCE");

        DomibusConnectorMessageType withContent = businessMessage("t-2");
        withContent.getMessageDetails().setRefToMessageId(ebmsId);
        withContent.getMessageConfirmations().add(confirmation(DomibusConnectorConfirmationType.DELIVERY));
        assertFault(() -> courtA.submitMessage(withContent), "LB-1002");

        DomibusConnectorMessageType withEvidence = trigger("t-3", ebmsId, DomibusConnectorConfirmationType.DELIVERY);
        withEvidence.getMessageConfirmations().get(0).setConfirmation("<forged/>".getBytes(StandardCharsets.UTF_8));
        assertFault(() -> courtA.submitMessage(withEvidence), "LB-1002");

        DomibusConnectorMessageType twice = trigger("t-4", ebmsId, DomibusConnectorConfirmationType.DELIVERY);
        twice.getMessageConfirmations().add(confirmation(DomibusConnectorConfirmationType.RETRIEVAL));
        assertFault(() -> courtA.submitMessage(twice), "LB-1002");

        assertFault(() -> courtA.submitMessage(trigger("t-5", null, DomibusConnectorConfirmationType.DELIVERY)),
                "LB-1001");

        assertThat(store.evidences(id)).isEqualTo(before);
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(MessageState.AVAILABLE_TO_BACKEND);
        assertThat(store.all()).hasSize(messages);
    }

    @Test
    void aTriggerTheMessagesStateDoesNotAllowIsRefusedWithItsCode() {
        UUID id = receive("urn:authority:court-a", XML, PDF);
        var courtA = backend(COURT_A);

        // RETRIEVAL before DELIVERY: the message is not with the back-end yet as far as the sender knows
        assertFault(() -> courtA.submitMessage(
                trigger("t-1", id.toString(), DomibusConnectorConfirmationType.RETRIEVAL)), "LB-1300");
        courtA.submitMessage(trigger("t-2", id.toString(), DomibusConnectorConfirmationType.DELIVERY));
        assertFault(() -> courtA.submitMessage(
                trigger("t-3", id.toString(), DomibusConnectorConfirmationType.NON_DELIVERY)), "LB-1301");

        assertThat(store.findEvidence(id, EvidenceType.NON_DELIVERY, EvidenceOrigin.ISSUED)).isEmpty();
        assertThat(store.findEvidence(id, EvidenceType.RETRIEVAL, EvidenceOrigin.ISSUED)).isEmpty();
    }

    /** A trigger as the official contract has it: addressing empty, no content, one empty confirmation. */
    static DomibusConnectorMessageType trigger(String backendMessageId, String refToMessageId,
                                               DomibusConnectorConfirmationType type) {
        DomibusConnectorMessageDetailsType details = new DomibusConnectorMessageDetailsType();
        details.setBackendMessageId(backendMessageId);
        details.setRefToMessageId(refToMessageId);
        details.setOriginalSender("");
        details.setFinalRecipient("");
        DomibusConnectorMessageType message = new DomibusConnectorMessageType();
        message.setMessageDetails(details);
        message.getMessageConfirmations().add(confirmation(type));
        return message;
    }

    static DomibusConnectorMessageConfirmationType confirmation(DomibusConnectorConfirmationType type) {
        DomibusConnectorMessageConfirmationType confirmation = new DomibusConnectorMessageConfirmationType();
        confirmation.setConfirmation(new byte[0]);
        confirmation.setConfirmationType(type);
        return confirmation;
    }
}
