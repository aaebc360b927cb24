package eu.lexbridge.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.port.Hop;
import jakarta.jms.Connection;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real broker with the queues of {@link QueueSettings}; messages are dead-lettered the way the broker does it. */
class DeadLettersTest {

    private static final QueueSettings SETTINGS = new QueueSettings(Duration.ZERO, Duration.ZERO, 2, 2, 2);

    private EmbeddedActiveMQ broker;
    private ActiveMQConnectionFactory connections;
    private DeadLetters deadLetters;

    @BeforeEach
    void start() throws Exception {
        Configuration config = new ConfigurationImpl().setPersistenceEnabled(false).setSecurityEnabled(false)
                .addAcceptorConfiguration("in-vm", "vm://8");
        QueueDepthsTest.springBootsOwnDeadLetterAddress(config);
        SETTINGS.applyTo(config);
        broker = new EmbeddedActiveMQ().setConfiguration(config);
        broker.start();
        connections = new ActiveMQConnectionFactory("vm://8");
        deadLetters = new DeadLetters(connections, Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() throws Exception {
        connections.close();
        broker.stop();
    }

    @Test
    void aDeadLetterIsListedWithItsHopAndReplayedOnceAsAFreshMessageOfItsConversation() throws Exception {
        deadLetter(Hop.OUTBOUND_DISPATCH, "message-1", "conversation-1");
        deadLetter(Hop.INBOUND_RECEIVED, "message-2", "conversation-2");

        var letters = deadLetters.list(100);
        assertThat(letters).extracting(DeadLetters.DeadLetter::hop, DeadLetters.DeadLetter::body)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Hop.OUTBOUND_DISPATCH, "message-1"),
                        org.assertj.core.groups.Tuple.tuple(Hop.INBOUND_RECEIVED, "message-2"));
        var dispatch = letters.stream().filter(letter -> letter.hop() == Hop.OUTBOUND_DISPATCH).findFirst()
                .orElseThrow();

        assertThat(deadLetters.replay(Hop.OUTBOUND_DISPATCH, dispatch.jmsMessageId())).contains(dispatch);
        assertThat(deadLetters.replay(Hop.OUTBOUND_DISPATCH, dispatch.jmsMessageId())).as("once").isEmpty();

        assertThat(deadLetters.list(100)).extracting(DeadLetters.DeadLetter::body).containsExactly("message-2");
        var replayed = receive(Hop.OUTBOUND_DISPATCH);
        assertThat(replayed).hasSize(1);
        assertThat(replayed.get(0).getText()).isEqualTo("message-1");
        assertThat(replayed.get(0).getStringProperty("JMSXGroupID")).isEqualTo("conversation-1");
        assertThat(replayed.get(0).getIntProperty("JMSXDeliveryCount")).as("a fresh start of the policy")
                .isEqualTo(1);
    }

    @Test
    void aDiscardedDeadLetterIsGoneAndTheOthersStay() throws Exception {
        deadLetter(Hop.BACKEND_DELIVERY, "message-3", "conversation-3");
        deadLetter(Hop.BACKEND_DELIVERY, "message-4", "conversation-3");
        var first = deadLetters.list(100).get(0);

        assertThat(deadLetters.discard(Hop.BACKEND_DELIVERY, first.jmsMessageId())).contains(first);

        assertThat(deadLetters.list(100)).extracting(DeadLetters.DeadLetter::body)
                .containsExactly(first.body().equals("message-3") ? "message-4" : "message-3");
        assertThat(receive(Hop.BACKEND_DELIVERY)).as("nothing put back").isEmpty();
    }

    @Test
    void anUnknownOrHostileIdTakesNothing() throws Exception {
        deadLetter(Hop.EVIDENCE_INBOUND, "message-5", "conversation-5");
        var letter = deadLetters.list(100).get(0);

        assertThat(deadLetters.discard(Hop.EVIDENCE_INBOUND, "ID:no-such-message")).isEmpty();
        assertThat(deadLetters.discard(Hop.EVIDENCE_INBOUND, "x' OR JMSMessageID IS NOT NULL OR 'x")).isEmpty();
        assertThat(deadLetters.discard(Hop.OUTBOUND_DISPATCH, letter.jmsMessageId())).as("another hop").isEmpty();
        assertThat(deadLetters.list(100)).containsExactly(letter);
    }

    /** What the connector's own tests do to put a dead letter in place: as the broker moves one there. */
    @Test
    void aMessageSentToTheDeadLetterAddressWithItsOriginGoesToThatHopsQueue() throws Exception {
        try (Connection connection = connections.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TextMessage message = session.createTextMessage("message-6");
            message.setStringProperty("_AMQ_ORIG_ADDRESS", Hop.BACKEND_EVIDENCE.queue());
            session.createProducer(session.createTopic(QueueSettings.DEAD_LETTER_ADDRESS)).send(message);
        }
        assertThat(deadLetters.list(100)).extracting(DeadLetters.DeadLetter::hop, DeadLetters.DeadLetter::body)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Hop.BACKEND_EVIDENCE, "message-6"));
    }

    @Test
    void theListStopsAtItsLimit() throws Exception {
        for (int i = 0; i < 3; i++) {
            deadLetter(Hop.OUTBOUND_SUBMITTED, "message-" + i, "conversation");
        }
        assertThat(deadLetters.list(2)).hasSize(2);
    }

    private void deadLetter(Hop hop, String body, String conversation) throws Exception {
        try (Connection connection = connections.createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            TextMessage message = session.createTextMessage(body);
            message.setStringProperty("JMSXGroupID", conversation);
            session.createProducer(session.createQueue(hop.queue())).send(message);
            session.commit();
            connection.start();
            var consumer = session.createConsumer(session.createQueue(hop.queue()));
            for (int attempt = 0; attempt < SETTINGS.maxDeliveryAttempts(); attempt++) {
                assertThat(consumer.receive(5000)).isNotNull();
                session.rollback();
            }
        }
    }

    private List<TextMessage> receive(Hop hop) throws Exception {
        List<TextMessage> received = new ArrayList<>();
        try (Connection connection = connections.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            var consumer = session.createConsumer(session.createQueue(hop.queue()));
            for (var message = consumer.receive(500); message != null; message = consumer.receive(500)) {
                received.add((TextMessage) message);
            }
        }
        return received;
    }
}
