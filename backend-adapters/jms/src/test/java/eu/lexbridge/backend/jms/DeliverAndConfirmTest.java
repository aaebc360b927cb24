package eu.lexbridge.backend.jms;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.port.BackendLink;
import eu.lexbridge.core.port.PushDelivery;
import eu.lexbridge.core.record.DeadlineAlert;
import eu.lexbridge.core.testkit.InMemoryConnector;
import eu.lexbridge.core.testkit.SampleMessages;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A received message is pushed onto its back-end's {@code .deliver} queue; the back-end confirms it on its
 * {@code .confirm} queue, and the evidence goes to the sender.
 */
class DeliverAndConfirmTest extends JmsTestSupport {

    private static final byte[] PDF = "%PDF-1.7 received".getBytes(StandardCharsets.US_ASCII);

    @Autowired PushDelivery jmsPushes;

    @Test
    void aReceivedMessageIsPutOnItsBackEndsDeliverQueueWithItsPayloads() throws Exception {
        Connection a = connect(COURT_A, COURT_A_PASSWORD);

        UUID id = receive("urn:authority:court-a", XML, PDF);

        Received delivered = await(a, new BackendQueues(COURT_A).deliver(), "messageId", id.toString());
        assertThat(delivered).as("the message on court-a's deliver queue").isNotNull();
        ConnectorMessage message = store.find(id).orElseThrow();
        assertThat(delivered.property("kind")).isEqualTo("MESSAGE");
        assertThat(delivered.property("ebmsMessageId")).isEqualTo(message.ebmsMessageId());
        assertThat(delivered.property("conversationId")).isEqualTo(message.conversationId());
        assertThat(delivered.property("JMSXGroupID")).isEqualTo(message.conversationId());
        assertThat(delivered.property("service")).isEqualTo(SampleMessages.SERVICE.value());
        assertThat(delivered.property("action")).isEqualTo(SampleMessages.ACTION);
        assertThat(delivered.property("fromPartyId")).isEqualTo("DE");
        assertThat(delivered.property("finalRecipient")).isEqualTo("urn:authority:court-a");
        Map<String, byte[]> parts = unzip(delivered.body());
        assertThat(parts).containsOnlyKeys("businessContent/messageContent",
                "businessDocument/" + InMemoryConnector.DOCUMENT_NAME);
        assertThat(parts.get("businessContent/messageContent")).isEqualTo(XML);
        assertThat(parts.get("businessDocument/" + InMemoryConnector.DOCUMENT_NAME)).isEqualTo(PDF);
        // pushed is not delivered: the back-end confirms that itself
        assertThat(message.state()).isEqualTo(MessageState.AVAILABLE_TO_BACKEND);
        assertThat(store.timeline(id)).anyMatch(e -> e.detail() != null && e.detail().contains("pushed to back-end court-a"));
    }

    @Test
    void deliveryConfirmedOnTheConfirmQueueIssuesTheEvidenceAndIsAccepted() throws Exception {
        Connection a = connect(COURT_A, COURT_A_PASSWORD);
        UUID id = receive("urn:authority:court-a", XML, PDF);

        Message reply = reply(a, COURT_A, confirm(a, COURT_A, id.toString(), "DELIVERY", null));

        assertThat(reply.getStringProperty("outcome")).isEqualTo("ACCEPTED");
        assertThat(reply.getStringProperty("messageId")).isEqualTo(id.toString());
        assertThat(reply.getStringProperty("evidenceType")).isEqualTo("DELIVERY");
        Evidence evidence = store.findEvidence(id, EvidenceType.DELIVERY, EvidenceOrigin.ISSUED).orElseThrow();
        assertThat(reply.getStringProperty("evidenceId")).isEqualTo(evidence.evidenceId().toString());
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(MessageState.DELIVERED_TO_BACKEND);
    }

    @Test
    void aRefusalCarriesTheBackEndsReasonIntoTheEvidence() throws Exception {
        Connection a = connect(COURT_A, COURT_A_PASSWORD);
        UUID id = receive("urn:authority:court-a", XML, PDF);

        Message reply = reply(a, COURT_A, confirm(a, COURT_A, id.toString(), "NON_DELIVERY",
                "the recipient court is not competent"));

        assertThat(reply.getStringProperty("evidenceType")).isEqualTo("NON_DELIVERY");
        Evidence evidence = store.findEvidence(id, EvidenceType.NON_DELIVERY, EvidenceOrigin.ISSUED).orElseThrow();
        assertThat(evidence.reason()).contains("the recipient court is not competent");
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(MessageState.NOT_DELIVERED_TO_BACKEND);
    }

    @Test
    void retrievalFollowsDeliveryAndAContradictionIsAProblem() throws Exception {
        Connection a = connect(COURT_A, COURT_A_PASSWORD);
        UUID id = receive("urn:authority:court-a", XML, PDF);
        reply(a, COURT_A, confirm(a, COURT_A, id.toString(), "DELIVERY", null));

        Message retrieval = reply(a, COURT_A, confirm(a, COURT_A, id.toString(), "RETRIEVAL", null));
        Message contradiction = reply(a, COURT_A, confirm(a, COURT_A, id.toString(), "NON_RETRIEVAL", "too late"));

        assertThat(retrieval.getStringProperty("evidenceType")).isEqualTo("RETRIEVAL");
        SubmitTest.assertProblem(contradiction, "LB-1301", "messageId");
        assertThat(store.findEvidence(id, EvidenceType.NON_RETRIEVAL, EvidenceOrigin.ISSUED)).isEmpty();
    }

    @Test
    void aConfirmationNamingAnotherBackEndsMessageIsUnknownAndIssuesNothing() throws Exception {
        Connection b = connect(COURT_B, COURT_B_PASSWORD);
        UUID ofCourtA = receive("urn:authority:court-a", XML, PDF);

        Message reply = reply(b, COURT_B, confirm(b, COURT_B, ofCourtA.toString(), "DELIVERY", null));

        SubmitTest.assertProblem(reply, "LB-1100", "messageId");
        assertThat(store.evidences(ofCourtA)).noneMatch(e -> e.type() == EvidenceType.DELIVERY);
        assertThat(store.find(ofCourtA).orElseThrow().state()).isEqualTo(MessageState.AVAILABLE_TO_BACKEND);
    }

    @Test
    void aBadConfirmationIsAProblem() throws Exception {
        Connection a = connect(COURT_A, COURT_A_PASSWORD);
        UUID id = receive("urn:authority:court-a", XML, PDF);

        SubmitTest.assertProblem(reply(a, COURT_A, confirm(a, COURT_A, "not-a-uuid", "DELIVERY", null)),
                "LB-1002", "messageId");
        SubmitTest.assertProblem(reply(a, COURT_A, confirm(a, COURT_A, id.toString(), "ACKNOWLEDGED", null)),
                "LB-1002", "confirmation");
        SubmitTest.assertProblem(reply(a, COURT_A, confirm(a, COURT_A, id.toString(), null, null)),
                "LB-1001", "confirmation");
        assertThat(store.evidences(id)).noneMatch(e -> e.origin() == EvidenceOrigin.ISSUED
                && e.type() == EvidenceType.DELIVERY);
    }

    @Test
    void anEvidenceIsPutOnTheDeliverQueueWithItsDocument() throws Exception {
        Connection a = connect(COURT_A, COURT_A_PASSWORD);
        UUID id = receive("urn:authority:court-a", XML, PDF);
        reply(a, COURT_A, confirm(a, COURT_A, id.toString(), "NON_DELIVERY", "not competent"));
        Evidence evidence = store.findEvidence(id, EvidenceType.NON_DELIVERY, EvidenceOrigin.ISSUED).orElseThrow();
        BackendLink link = jmsPushes.links().get(COURT_A);

        BackendLink.Handover handover = link.notify(store.find(id).orElseThrow(), evidence);

        assertThat(handover).isInstanceOf(BackendLink.Pushed.class);
        Received delivered = await(a, new BackendQueues(COURT_A).deliver(), "evidenceId",
                evidence.evidenceId().toString());
        assertThat(delivered).isNotNull();
        assertThat(delivered.property("kind")).isEqualTo("EVIDENCE");
        assertThat(delivered.property("messageId")).isEqualTo(id.toString());
        assertThat(delivered.property("evidenceType")).isEqualTo("NON_DELIVERY");
        assertThat(delivered.property("reason")).contains("not competent");
        assertThat(delivered.body()).isEqualTo(payloads.bytes(evidence.document().payloadId()));
    }

    @Test
    void aTimeLimitAlertIsPutOnTheDeliverQueueInItsConversationsGroup() throws Exception {
        Connection a = connect(COURT_A, COURT_A_PASSWORD);
        Instant due = Instant.parse("2026-12-16T23:00:00Z");
        DeadlineAlert alert = new DeadlineAlert(7, DeadlineAlert.Kind.DUE_SOON, COURT_A, "case-0042", "D4",
                "execute the EPOC: produce the data", "Reg (EU) 2023/1543 Art 10(2)", "addressee", "msg-1",
                due.minusSeconds(864_000), due, due.minusSeconds(3600));

        BackendLink.Handover handover = jmsPushes.links().get(COURT_A).alert(alert);

        assertThat(handover).isInstanceOf(BackendLink.Pushed.class);
        Received delivered = await(a, new BackendQueues(COURT_A).deliver(), "deadlineId", "D4");
        assertThat(delivered).isNotNull();
        assertThat(delivered.property("kind")).isEqualTo("DEADLINE_ALERT");
        assertThat(delivered.property("alert")).isEqualTo("DUE_SOON");
        assertThat(delivered.property("alertSequence")).isEqualTo("7");
        assertThat(delivered.property("conversationId")).isEqualTo("case-0042");
        assertThat(delivered.property("JMSXGroupID")).isEqualTo("case-0042");
        assertThat(delivered.property("dueAt")).isEqualTo("2026-12-16T23:00:00Z");
        assertThat(delivered.property("startedBy")).isEqualTo("msg-1");
        assertThat(delivered.body()).as("a message of properties, no bytes body").isNull();
    }

    @Test
    void theJmsApiPushesToItsBackEnds() {
        assertThat(jmsPushes.api()).isEqualTo("JMS");
        assertThat(jmsPushes.links()).containsOnlyKeys(COURT_A, COURT_B, "court-c");
    }

    /** Sends a confirmation on {@code backend}'s own {@code .confirm} queue; returns its JMSMessageID. */
    static String confirm(Connection connection, String backend, String messageId, String confirmation, String reason)
            throws Exception {
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             MessageProducer producer = session.createProducer(
                     session.createQueue(new BackendQueues(backend).confirm()))) {
            Message message = session.createMessage();
            message.setStringProperty("messageId", messageId);
            if (confirmation != null) {
                message.setStringProperty("confirmation", confirmation);
            }
            if (reason != null) {
                message.setStringProperty("reason", reason);
            }
            producer.send(message);
            return message.getJMSMessageID();
        }
    }
}
