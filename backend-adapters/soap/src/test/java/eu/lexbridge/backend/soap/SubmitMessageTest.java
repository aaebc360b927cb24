package eu.lexbridge.backend.soap;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibsConnectorAcknowledgementType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageAttachmentType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageType;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.testkit.SampleMessages;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** submitMessage in the 6.x namespaces: what the official contract accepts is stored; what it refuses stores nothing. */
class SubmitMessageTest extends SoapTestSupport {

    @Test
    void aBusinessMessageIsStoredAndQueuedWithItsPayloadsStreamedIntoTheStore() {
        byte[] pdf = new byte[200_000]; // past the 1 KB test threshold: spooled to disk by CXF, not held in memory
        Arrays.fill(pdf, (byte) 'p');
        DomibusConnectorMessageType message = businessMessage("case-4711");
        message.getMessageContent().setDocument(document("order.pdf", pdf));
        DomibusConnectorMessageAttachmentType attachment = new DomibusConnectorMessageAttachmentType();
        attachment.setIdentifier("annex-1.xml");
        attachment.setName("Annex one");
        attachment.setMimeType("application/xml");
        attachment.setAttachment(data("<annex/>".getBytes(), "application/xml"));
        message.getMessageAttachments().add(attachment);

        DomibsConnectorAcknowledgementType answer = backend(COURT_A).submitMessage(message);

        assertThat(answer.isResult()).isTrue();
        ConnectorMessage stored = store.findByBackendMessageId(COURT_A, "case-4711").orElseThrow();
        assertThat(answer.getMessageId()).isEqualTo(stored.connectorMessageId().toString());
        assertThat(answer.getResultMessage()).contains(stored.ebmsMessageId());
        assertThat(stored.state()).isEqualTo(MessageState.SUBMITTED);
        assertThat(stored.to()).isEqualTo(SampleMessages.GERMANY);
        assertThat(stored.finalRecipient()).isEqualTo("urn:authority:de-court");
        assertThat(payloads.bytes(stored.payload(PayloadKind.BUSINESS_CONTENT).orElseThrow().payloadId()))
                .isEqualTo(XML);
        PayloadRef document = stored.payload(PayloadKind.BUSINESS_DOCUMENT).orElseThrow();
        assertThat(document.name()).isEqualTo("order.pdf");
        assertThat(payloads.bytes(document.payloadId())).isEqualTo(pdf);
        PayloadRef annex = stored.payload(PayloadKind.ATTACHMENT).orElseThrow();
        assertThat(annex.name()).isEqualTo("annex-1.xml");
        assertThat(annex.mimeType()).isEqualTo("application/xml");
        assertThat(payloads.bytes(annex.payloadId())).isEqualTo("<annex/>".getBytes());
        assertThat(bus.published()).hasSize(1);
    }

    @Test
    void aRepeatedBackendMessageIdIsRefusedWithItsCodeAndTheFirstMessageStaysAlone() {
        backend(COURT_A).submitMessage(businessMessage("case-1"));
        int payloadsBefore = payloads.count();

        var fault = assertFault(() -> backend(COURT_A).submitMessage(businessMessage("case-1")),
                "LB-1006");

        assertThat(fault.getFault().getFaultString()).contains("'case-1'", "already submitted");
        assertThat(store.all()).hasSize(1);
        assertThat(payloads.count()).isEqualTo(payloadsBefore);
    }

    @Test
    void anotherBackEndMayUseTheSameBackendMessageId() {
        backend(COURT_A).submitMessage(businessMessage("case-1"));
        backend(COURT_B).submitMessage(businessMessage("case-1"));

        assertThat(store.findByBackendMessageId(COURT_B, "case-1")).isPresent();
        assertThat(store.all()).hasSize(2);
    }

    @Test
    void aBusinessMessageWithRefToMessageIdIsRefusedAndNothingIsStored() {
        DomibusConnectorMessageType message = businessMessage("case-2");
        message.getMessageDetails().setRefToMessageId(UUID.randomUUID() + "@de.example");

        var fault = assertFault(() -> backend(COURT_A).submitMessage(message), "LB-1002");

        assertThat(fault.getFault().getFaultString()).contains("refToMessageId");
        assertNothingStored();
    }

    @Test
    void aMessageWithoutBackendMessageIdIsRefusedAndNothingIsStored() {
        DomibusConnectorMessageType message = businessMessage(null);

        var fault = assertFault(() -> backend(COURT_A).submitMessage(message), "LB-1001");

        assertThat(fault.getFault().getFaultString()).contains("backendMessageId");
        assertNothingStored();
    }

    @Test
    void aMessageWithoutXmlContentIsRefusedAndNothingIsStored() {
        DomibusConnectorMessageType message = businessMessage("case-3");
        message.setMessageContent(null);

        assertFault(() -> backend(COURT_A).submitMessage(message), "LB-1001");
        assertNothingStored();
    }

    @Test
    void businessXmlThatIsNotWellFormedIsRefusedAndNothingIsStored() {
        DomibusConnectorMessageType message = businessMessage("case-4");
        message.getMessageContent().setXmlContent(data("<open>".getBytes(), "application/xml"));

        assertFault(() -> backend(COURT_A).submitMessage(message), "LB-1003");
        assertNothingStored();
    }

    /** The test limit is 250 KB (application.properties), below the connector's 256 KB. */
    @Test
    void aPayloadPastTheAttachmentLimitIsRefusedAndNothingIsStored() {
        byte[] pdf = new byte[400_000];
        Arrays.fill(pdf, (byte) 'p');
        DomibusConnectorMessageType signed = businessMessage("case-5");
        signed.getMessageContent().setDocument(document("order.pdf", pdf));
        DomibusConnectorMessageType plain = businessMessage("case-6");
        plain.getMessageContent().setDocument(document("order.pdf", pdf));

        var overSigned = assertFault(() -> backend(COURT_A).submitMessage(signed), "LB-1007");
        var overPlain = assertFault(() -> basicBackend(COURT_A, COURT_A_PASSWORD).submitMessage(plain), "LB-1007");

        // the signed request is refused by CXF's limit while read for its signature check; the streamed one by whichever
        // limit it meets first, CXF's or the connector's max-payload-size
        assertThat(overSigned.getFault().getFaultString()).contains("larger than 256000 bytes");
        assertThat(overPlain.getFault().getFaultString()).contains("larger than");
        assertNothingStored();
    }

    private void assertNothingStored() {
        assertThat(store.all()).isEmpty();
        assertThat(payloads.count()).isZero();
        assertThat(bus.published()).isEmpty();
    }
}
