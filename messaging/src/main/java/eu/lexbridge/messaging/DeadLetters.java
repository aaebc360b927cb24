package eu.lexbridge.messaging;

import eu.lexbridge.core.port.Hop;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The messages the broker gave up on, in the dead-letter queue of each hop ({@code DLQ.<queue>}): listed, put back on
 * their hop (replayed) or discarded by an operator. Only JMS, so that it works on an external broker with a user that
 * may consume the dead-letter queues, no management permission needed.
 *
 * <p>A replay takes the dead letter and puts a fresh copy on its hop in one local transaction: the broker has it in
 * exactly one of the two queues whatever happens in between, and the copy starts with a delivery count of zero, so
 * the hop's whole redelivery policy applies again.
 */
public final class DeadLetters {

    /** The property the flows group a conversation's messages by; kept on a replayed copy. */
    private static final String GROUP = "JMSXGroupID";

    private final ConnectionFactory factory;
    private final Duration timeout;

    /**
     * @param factory a factory whose connections are the caller's own: one is opened and closed per call
     * @param timeout how long to wait for the dead letter once found by browsing
     */
    public DeadLetters(ConnectionFactory factory, Duration timeout) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The dead letters of every hop, oldest first within each hop, at most {@code limit} in all. */
    public List<DeadLetter> list(int limit) throws JMSException {
        List<DeadLetter> found = new ArrayList<>();
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            connection.start();
            for (Hop hop : Hop.values()) {
                try (QueueBrowser browser = session.createBrowser(session.createQueue(deadLetterQueue(hop)))) {
                    Enumeration<?> messages = browser.getEnumeration();
                    while (messages.hasMoreElements() && found.size() < limit) {
                        found.add(deadLetter(hop, (Message) messages.nextElement()));
                    }
                }
            }
        }
        return found;
    }

    /** Puts the dead letter back on its hop; empty when it is no longer there (replayed or discarded meanwhile). */
    public Optional<DeadLetter> replay(Hop hop, String jmsMessageId) throws JMSException {
        return take(hop, jmsMessageId, true);
    }

    /** Removes the dead letter for good; empty when it is no longer there. */
    public Optional<DeadLetter> discard(Hop hop, String jmsMessageId) throws JMSException {
        return take(hop, jmsMessageId, false);
    }

    private Optional<DeadLetter> take(Hop hop, String jmsMessageId, boolean replay) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            connection.start();
            // a message id is the broker's ("ID:" and a UUID); quoted as a selector literal, a quote doubled
            String selector = "JMSMessageID = '" + jmsMessageId.replace("'", "''") + "'";
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(deadLetterQueue(hop)),
                    selector)) {
                Message message = consumer.receive(timeout.toMillis());
                if (message == null) {
                    session.rollback();
                    return Optional.empty();
                }
                DeadLetter letter = deadLetter(hop, message);
                if (replay) {
                    TextMessage copy = session.createTextMessage(letter.body());
                    if (message.propertyExists(GROUP)) {
                        copy.setStringProperty(GROUP, message.getStringProperty(GROUP));
                    }
                    session.createProducer(session.createQueue(hop.queue())).send(copy);
                }
                session.commit();
                return Optional.of(letter);
            }
        }
    }

    /** Fully qualified (address::queue): the queue's own name alone would be taken for an address of that name. */
    private static String deadLetterQueue(Hop hop) {
        return QueueSettings.DEAD_LETTER_ADDRESS + "::" + QueueSettings.deadLetterQueue(hop);
    }

    private static DeadLetter deadLetter(Hop hop, Message message) throws JMSException {
        String body = message instanceof TextMessage text && text.getText() != null ? text.getText() : "";
        return new DeadLetter(hop, message.getJMSMessageID(), body, Instant.ofEpochMilli(message.getJMSTimestamp()));
    }

    /**
     * @param hop the hop it was given up on, where a replay puts it
     * @param jmsMessageId the broker's id of it, to replay or discard it by
     * @param body what the hop carries: a connector message id (an evidence id on the back-end evidence hop)
     * @param queuedAt when it was first put on the hop
     */
    public record DeadLetter(Hop hop, String jmsMessageId, String body, Instant queuedAt) {
        public DeadLetter {
            Objects.requireNonNull(hop, "hop");
            Objects.requireNonNull(jmsMessageId, "jmsMessageId");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(queuedAt, "queuedAt");
        }
    }
}
