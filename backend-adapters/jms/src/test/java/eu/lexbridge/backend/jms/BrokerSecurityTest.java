package eu.lexbridge.backend.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.message.MessageState;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The broker itself keeps the back-ends apart: over the TLS acceptor each back-end's user reaches its own queues only,
 * in the direction the API has them, and no one logs in without a back-end's credentials.
 */
class BrokerSecurityTest extends JmsTestSupport {

    private static final BackendQueues A = new BackendQueues(COURT_A);
    private static final BackendQueues B = new BackendQueues(COURT_B);

    @Test
    void anotherBackEndCannotConsumeTheDeliverQueueOfA() throws Exception {
        UUID ofCourtA = receive("urn:authority:court-a", XML, "%PDF a".getBytes(StandardCharsets.US_ASCII));
        Connection b = connect(COURT_B, COURT_B_PASSWORD);

        try (Session session = b.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(A.deliver())))
                    .isInstanceOf(JMSSecurityException.class);
        }
        // still there for A
        Connection a = connect(COURT_A, COURT_A_PASSWORD);
        assertThat(await(a, A.deliver(), "messageId", ofCourtA.toString())).isNotNull();
    }

    @Test
    void anotherBackEndCannotSendToTheSubmitOrConfirmQueueOfA() throws Exception {
        Connection b = connect(COURT_B, COURT_B_PASSWORD);

        for (String queue : new String[] {A.submit(), A.confirm()}) {
            try (Session session = b.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
                assertThatThrownBy(() -> {
                    try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
                        var message = session.createBytesMessage();
                        metadata("case-of-b").forEach((name, value) -> set(message, name, value));
                        message.writeBytes(zip("businessContent/form.xml", XML, null));
                        producer.send(message);
                    }
                }).as(queue).isInstanceOf(JMSSecurityException.class);
            }
        }
        assertThat(store.all()).isEmpty();
    }

    @Test
    void anotherBackEndCannotReadTheRepliesOfA() throws Exception {
        Connection b = connect(COURT_B, COURT_B_PASSWORD);

        try (Session session = b.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(A.reply())))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void aBackEndCannotForgeWhatTheConnectorSendsNorTakeWhatItIsSent() throws Exception {
        Connection a = connect(COURT_A, COURT_A_PASSWORD);

        try (Session session = a.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            for (String queue : new String[] {A.deliver(), A.reply()}) {
                assertThatThrownBy(() -> {
                    try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
                        producer.send(session.createTextMessage("forged"));
                    }
                }).as(queue).isInstanceOf(JMSSecurityException.class);
            }
            for (String queue : new String[] {A.submit(), A.confirm()}) {
                assertThatThrownBy(() -> session.createConsumer(session.createQueue(queue)))
                        .as(queue).isInstanceOf(JMSSecurityException.class);
            }
        }
    }

    @Test
    void aBackEndReachesItsOwnQueuesBothWays() throws Exception {
        Connection a = connect(COURT_A, COURT_A_PASSWORD);

        String requestId = submit(a, A.submit(), metadata("case-own"), zip("businessContent/form.xml", XML, null));

        Message reply = reply(a, COURT_A, requestId);
        assertThat(reply.getStringProperty("outcome")).isEqualTo("ACCEPTED");
        assertThat(store.find(UUID.fromString(reply.getStringProperty("messageId"))).orElseThrow().state())
                .isEqualTo(MessageState.SUBMITTED);
    }

    @Test
    void aWrongPasswordAnUnknownUserOrNoUserCannotLogIn() {
        assertThatThrownBy(() -> connect(COURT_A, COURT_B_PASSWORD)).isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> connect("court-x", COURT_A_PASSWORD)).isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> connect(null, null)).isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void withoutTlsTheAcceptorTakesNoClient() {
        var plain = new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory(
                "tcp://127.0.0.1:" + ACCEPTOR_PORT + "?reconnectAttempts=0&callTimeout=3000&connectionTTL=3000");
        assertThatThrownBy(() -> {
            try (Connection connection = plain.createConnection(COURT_A, COURT_A_PASSWORD)) {
                connection.start();
            }
        }).isInstanceOf(JMSException.class);
    }

    private static void set(Message message, String name, String value) {
        try {
            message.setStringProperty(name, value);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
