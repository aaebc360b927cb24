package eu.lexbridge.backend.soap.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.backend.soap.wire.domibus.transition.DomibusConnectorMessageType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.AdvancedElectronicSystemType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorActionType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorConfirmationType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorDetachedSignatureMimeType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorDetachedSignatureType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageAttachmentType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageConfirmationType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageContentType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageDetailsType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageDocumentType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageErrorType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorPartyType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorServiceType;
import jakarta.activation.DataHandler;
import org.junit.jupiter.api.Test;

class TwinCopyTest {

    @Test
    void aMessageWithEveryFieldSetCrossesToTheOtherGenerationAndBackUnchanged() {
        eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageType original = everyField();

        DomibusConnectorMessageType legacy = TwinCopy.copy(original, DomibusConnectorMessageType.class);
        var back = TwinCopy.copy(legacy,
                eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageType.class);

        assertThat(legacy.getMessageDetails().getToParty().getRole()).isEqualTo("responder");
        assertThat(legacy.getMessageContent().getDocument().getAesType().name()).isEqualTo("SIGNATURE_BASED");
        assertThat(legacy.getMessageConfirmations().get(0).getConfirmationType().name()).isEqualTo("NON_DELIVERY");
        assertThat(back).usingRecursiveComparison().isEqualTo(original);
        // Payloads are handed over, not read: the very same stream source.
        assertThat(legacy.getMessageContent().getXmlContent()).isSameAs(original.getMessageContent().getXmlContent());
    }

    @Test
    void aClassWithoutTwinIsRefused() {
        assertThatThrownBy(() -> TwinCopy.copy(new DomibusConnectorActionType(),
                eu.lexbridge.backend.soap.wire.domibus.transition.DomibusConnectorServiceType.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageType everyField() {
        var details = new DomibusConnectorMessageDetailsType();
        details.setBackendMessageId("b-1");
        details.setEbmsMessageId("e-1");
        details.setRefToMessageId("r-1");
        details.setConversationId("c-1");
        details.setOriginalSender("sender");
        details.setFinalRecipient("recipient");
        var service = new DomibusConnectorServiceType();
        service.setService("EPO");
        service.setServiceType("urn:type");
        details.setService(service);
        var action = new DomibusConnectorActionType();
        action.setAction("Form_A");
        details.setAction(action);
        var from = new DomibusConnectorPartyType();
        from.setPartyId("AT");
        from.setPartyIdType("urn:iso");
        from.setRole("initiator");
        details.setFromParty(from);
        var to = new DomibusConnectorPartyType();
        to.setPartyId("DE");
        to.setPartyIdType("urn:iso");
        to.setRole("responder");
        details.setToParty(to);
        var signature = new DomibusConnectorDetachedSignatureType();
        signature.setDetachedSignature(new DataHandler("sig", "text/plain"));
        signature.setDetachedSignatureName("order.p7s");
        signature.setMimeType(DomibusConnectorDetachedSignatureMimeType.PKCS_7);
        var document = new DomibusConnectorMessageDocumentType();
        document.setDocument(new DataHandler("pdf", "text/plain"));
        document.setDocumentName("order.pdf");
        document.setDetachedSignature(signature);
        document.setAesType(AdvancedElectronicSystemType.SIGNATURE_BASED);
        var content = new DomibusConnectorMessageContentType();
        content.setXmlContent(new DataHandler("xml", "text/plain"));
        content.setDocument(document);
        var confirmation = new DomibusConnectorMessageConfirmationType();
        confirmation.setConfirmation(new byte[] {1, 2, 3});
        confirmation.setConfirmationType(DomibusConnectorConfirmationType.NON_DELIVERY);
        var attachment = new DomibusConnectorMessageAttachmentType();
        attachment.setIdentifier("annex");
        attachment.setAttachment(new DataHandler("annex", "text/plain"));
        attachment.setName("Annex");
        attachment.setMimeType("application/xml");
        attachment.setDescription("the annex");
        var error = new DomibusConnectorMessageErrorType();
        error.setErrorMessage("m");
        error.setErrorDetails("d");
        error.setErrorSource("s");
        var message = new eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageType();
        message.setMessageDetails(details);
        message.setMessageContent(content);
        message.getMessageConfirmations().add(confirmation);
        message.getMessageAttachments().add(attachment);
        message.getMessageErrors().add(error);
        return message;
    }
}
