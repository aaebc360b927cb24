package eu.lexbridge.backend.jms;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer to one submit or confirm, put on the back-end's {@code .reply} queue: ACCEPTED with the ids it needs, or a
 * PROBLEM with the stable LB code and a sentence. It is correlated to the request by {@code JMSCorrelationID}: the
 * request's own correlation id when it set one, else its {@code JMSMessageID}. A request's {@code JMSReplyTo} is not
 * followed: a back-end's answers go to its own queue only.
 *
 * @param properties the reply's string properties, in order
 * @param text the text body: the problem's sentence, or "accepted"
 */
record Reply(Map<String, String> properties, String text) {

    Reply {
        properties = Map.copyOf(properties);
    }

    static Reply accepted(Map<String, String> ids) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(WireFormat.OUTCOME, WireFormat.ACCEPTED);
        ids.forEach((name, value) -> {
            if (value != null) {
                properties.put(name, value);
            }
        });
        return new Reply(properties, "accepted");
    }

    static Reply problem(ConnectorException problem) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(WireFormat.OUTCOME, WireFormat.PROBLEM);
        properties.put(WireFormat.CODE, problem.code().code());
        if (problem.field() != null) {
            properties.put(WireFormat.FIELD, problem.field());
        }
        String detail = problem.code() == ErrorCode.INTERNAL ? ErrorCode.INTERNAL.title() : problem.getMessage();
        properties.put(WireFormat.DETAIL, detail);
        return new Reply(properties, detail);
    }

    /** Sends it in {@code session} (the one the request was received in, so both commit together). */
    void send(Session session, String queue, Message request) throws JMSException {
        TextMessage reply = session.createTextMessage(text);
        properties.forEach((name, value) -> {
            try {
                reply.setStringProperty(name, value);
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        String correlation = request.getJMSCorrelationID();
        reply.setJMSCorrelationID(correlation == null || correlation.isBlank() ? request.getJMSMessageID()
                : correlation);
        try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
            producer.send(reply);
        }
    }
}
