package eu.lexbridge.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.port.Hop;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real broker with the queues of {@link QueueSettings}; a message is dead-lettered the way the broker does it. */
class QueueDepthsTest {

    private static final QueueSettings SETTINGS = new QueueSettings(Duration.ZERO, Duration.ZERO, 2, 2, 2);

    private EmbeddedActiveMQ broker;
    private ActiveMQConnectionFactory connections;

    @BeforeEach
    void start() throws Exception {
        Configuration config = new ConfigurationImpl().setPersistenceEnabled(false).setSecurityEnabled(false)
                .addAcceptorConfiguration("in-vm", "vm://7");
        springBootsOwnDeadLetterAddress(config);
        SETTINGS.applyTo(config);
        broker = new EmbeddedActiveMQ().setConfiguration(config);
        broker.start();
        connections = new ActiveMQConnectionFactory("vm://7");
    }

    /**
     * Spring Boot's embedded broker comes with an address DLQ of its own, with an anycast queue DLQ: the connector's
     * embedded broker is that one plus {@link QueueSettings}.
     */
    static void springBootsOwnDeadLetterAddress(Configuration config) {
        config.addAddressConfiguration(new org.apache.activemq.artemis.core.config.CoreAddressConfiguration()
                .setName("DLQ").addRoutingType(org.apache.activemq.artemis.api.core.RoutingType.ANYCAST)
                .addQueueConfiguration(org.apache.activemq.artemis.api.core.QueueConfiguration.of("DLQ")
                        .setRoutingType(org.apache.activemq.artemis.api.core.RoutingType.ANYCAST)));
    }

    @AfterEach
    void stop() throws Exception {
        connections.close();
        broker.stop();
    }

    @Test
    void everyQueueAndItsDeadLetterQueueIsReadWithItsDepthAndItsOldestMessagesAge() throws Exception {
        send(Hop.OUTBOUND_DISPATCH, 3);
        send(Hop.BACKEND_DELIVERY, 1);
        deadLetter(Hop.INBOUND_RECEIVED);
        Thread.sleep(300);

        var depths = new QueueDepths(connections, Duration.ofSeconds(5)).read().stream()
                .collect(Collectors.toMap(QueueDepths.Depth::queue, Function.identity()));

        assertThat(depths).hasSize(2 * Hop.values().length);
        assertThat(depths.get("lexbridge.outbound.dispatch").messages()).isEqualTo(3);
        assertThat(depths.get("lexbridge.outbound.dispatch").oldest()).isGreaterThanOrEqualTo(Duration.ofMillis(250))
                .isLessThan(Duration.ofMinutes(1));
        assertThat(depths.get("lexbridge.backend.delivery").messages()).isEqualTo(1);
        assertThat(depths.get("lexbridge.inbound.received").messages()).isZero();
        assertThat(depths.get("lexbridge.inbound.received").oldest()).isZero();
        QueueDepths.Depth dead = depths.get("DLQ.lexbridge.inbound.received");
        assertThat(dead.messages()).isEqualTo(1);
        assertThat(dead.deadLetters()).isTrue();
        assertThat(depths.get("DLQ.lexbridge.outbound.dispatch").messages()).as("nothing dead-lettered").isZero();
        assertThat(depths.values().stream().filter(QueueDepths.Depth::deadLetters)).hasSize(Hop.values().length);
        assertThat(broker.getActiveMQServer().locateQueue("DLQ").getMessageCount()).as("not kept twice").isZero();
        assertThat(countsOf(depths)).as("reading changes nothing").isEqualTo(countsOf(
                new QueueDepths(connections, Duration.ofSeconds(5)).read().stream()
                        .collect(Collectors.toMap(QueueDepths.Depth::queue, Function.identity()))));
    }

    /** Up front, so that reading an empty one never creates it without a filter. */
    @Test
    void everyDeadLetterQueueExistsFromTheStartWithTheFilterOfItsHop() {
        for (Hop hop : Hop.values()) {
            var queue = broker.getActiveMQServer().locateQueue(QueueSettings.deadLetterQueue(hop));
            assertThat(queue).as(hop.queue()).isNotNull();
            assertThat(queue.getAddress().toString()).isEqualTo("DLQ");
            assertThat(queue.getFilter().getFilterString().toString())
                    .isEqualTo("_AMQ_ORIG_ADDRESS = '" + hop.queue() + "'");
        }
        assertThat(broker.getActiveMQServer().locateQueue("DLQ").getFilter().getFilterString().toString())
                .as("Spring Boot's own, for others' dead letters only").isEqualTo(QueueSettings.OTHERS_DEAD_LETTERS);
    }

    /** A journal written before: its DLQ queue, without a filter, gets the filter at the next start. */
    @Test
    void aJournalFromBeforeKeepsNoSecondCopyOfTheConnectorsDeadLetters(@org.junit.jupiter.api.io.TempDir
                                                                          java.nio.file.Path journal) throws Exception {
        Configuration before = new ConfigurationImpl().setPersistenceEnabled(true).setSecurityEnabled(false)
                .setJournalDirectory(journal.resolve("journal").toString())
                .setBindingsDirectory(journal.resolve("bindings").toString())
                .setPagingDirectory(journal.resolve("paging").toString())
                .setLargeMessagesDirectory(journal.resolve("large").toString())
                .addAcceptorConfiguration("in-vm", "vm://9");
        springBootsOwnDeadLetterAddress(before);
        var old = new EmbeddedActiveMQ().setConfiguration(before);
        old.start();
        old.stop();
        SETTINGS.applyTo(before);
        var upgraded = new EmbeddedActiveMQ().setConfiguration(before);
        upgraded.start();
        try {
            assertThat(upgraded.getActiveMQServer().locateQueue("DLQ").getFilter()).isNotNull();
            assertThat(upgraded.getActiveMQServer().locateQueue("DLQ").getFilter().getFilterString().toString())
                    .isEqualTo(QueueSettings.OTHERS_DEAD_LETTERS);
            assertThat(upgraded.getActiveMQServer().locateQueue(QueueSettings.deadLetterQueue(Hop.OUTBOUND_DISPATCH)))
                    .isNotNull();
        } finally {
            upgraded.stop();
        }
    }

    @Test
    void aBrokerThatIsDownIsAnErrorNotAnEmptyQueue() throws Exception {
        broker.stop();
        var unreachable = new ActiveMQConnectionFactory("vm://7?reconnectAttempts=0&initialConnectAttempts=1");
        assertThatThrownBy(() -> new QueueDepths(unreachable, Duration.ofSeconds(1)).read())
                .isInstanceOf(JMSException.class);
        unreachable.close();
        broker.start();
    }

    private static Map<String, Long> countsOf(Map<String, QueueDepths.Depth> depths) {
        return depths.values().stream().collect(Collectors.toMap(QueueDepths.Depth::queue,
                QueueDepths.Depth::messages));
    }

    private void send(Hop hop, int count) throws Exception {
        try (Connection connection = connections.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            var producer = session.createProducer(session.createQueue(hop.queue()));
            for (int i = 0; i < count; i++) {
                producer.send(session.createTextMessage("id-" + i));
            }
        }
    }

    /** Rolled back as often as the policy allows, so the broker moves it to the hop's dead-letter queue. */
    private void deadLetter(Hop hop) throws Exception {
        send(hop, 1);
        try (Connection connection = connections.createConnection()) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            var consumer = session.createConsumer(session.createQueue(hop.queue()));
            for (int attempt = 0; attempt < SETTINGS.maxDeliveryAttempts(); attempt++) {
                assertThat(consumer.receive(5000)).isNotNull();
                session.rollback();
            }
        }
    }
}
