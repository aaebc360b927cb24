package eu.lexbridge.messaging;

import eu.lexbridge.core.port.Hop;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;

/**
 * How many messages wait in each queue of LexBridge and in its dead-letter queue, and how long the oldest has waited.
 * Asked of the broker's management address over JMS, so that it reads the embedded broker and an external one alike
 * (there, the connector's broker user needs the {@code manage} permission on {@value #MANAGEMENT_ADDRESS}).
 */
public final class QueueDepths {

    /** Artemis's default management address. */
    public static final String MANAGEMENT_ADDRESS = "activemq.management";

    private final ConnectionFactory factory;
    private final Duration timeout;

    /**
     * @param factory a factory whose connections are the caller's own: one is opened and closed per reading
     * @param timeout how long to wait for each answer of the broker
     */
    public QueueDepths(ConnectionFactory factory, Duration timeout) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Every queue read: each hop's queue, then each hop's dead-letter queue. */
    public static List<String> queues() {
        return Stream.concat(Stream.of(Hop.values()).map(Hop::queue),
                Stream.of(Hop.values()).map(QueueSettings::deadLetterQueue)).toList();
    }

    /**
     * One reading of every queue. A dead-letter queue the broker has not created yet (nothing was ever dead-lettered
     * there) counts as empty.
     *
     * @throws JMSException when the broker cannot be reached or does not answer in time
     */
    public List<Depth> read() throws JMSException {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue replies = session.createTemporaryQueue();
            MessageProducer management = session.createProducer(ActiveMQJMSClient.createQueue(MANAGEMENT_ADDRESS));
            MessageConsumer answers = session.createConsumer(replies);
            connection.start();
            List<Depth> depths = new ArrayList<>();
            for (String queue : queues()) {
                Number messages = attribute(session, management, answers, replies, queue, "messageCount");
                Number age = messages == null || messages.longValue() == 0 ? null
                        : attribute(session, management, answers, replies, queue, "firstMessageAge");
                depths.add(new Depth(queue, messages == null ? 0 : messages.longValue(),
                        Duration.ofMillis(age == null ? 0 : Math.max(0, age.longValue()))));
            }
            return depths;
        }
    }

    /** The attribute's value, or {@code null} when the broker has no such queue (or no value for it). */
    private Number attribute(Session session, MessageProducer management, MessageConsumer answers,
                             TemporaryQueue replies, String queue, String attribute) throws JMSException {
        Message request = session.createMessage();
        JMSManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, attribute);
        request.setJMSReplyTo(replies);
        management.send(request);
        Message answer = answers.receive(timeout.toMillis());
        if (answer == null) {
            throw new JMSException("the broker did not answer within " + timeout + " for the queue " + queue);
        }
        if (!JMSManagementHelper.hasOperationSucceeded(answer)) {
            return null;
        }
        try {
            return JMSManagementHelper.getResult(answer) instanceof Number number ? number : null;
        } catch (Exception e) { // the helper declares Exception for a body it cannot read
            throw new JMSException("the broker's answer about the queue " + queue + " could not be read: " + e);
        }
    }

    /**
     * @param messages the messages in the queue, those scheduled for a later redelivery included
     * @param oldest how long the oldest has waited; zero when the queue is empty
     */
    public record Depth(String queue, long messages, Duration oldest) {
        public Depth {
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(oldest, "oldest");
        }

        public boolean deadLetters() {
            return queue.startsWith(QueueSettings.DEAD_LETTER_QUEUE_PREFIX);
        }
    }
}
