package eu.lexbridge.messaging;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.port.Hop;
import eu.lexbridge.core.port.MessageBus;
import jakarta.jms.TextMessage;
import java.util.UUID;
import org.springframework.jms.JmsException;
import org.springframework.jms.core.JmsTemplate;

/** {@link MessageBus} on a transacted JmsTemplate: the send is committed before {@link #publish} returns. */
public final class JmsMessageBus implements MessageBus {

    private final JmsTemplate jms;

    public JmsMessageBus(JmsTemplate jms) {
        this.jms = jms;
    }

    @Override
    public void publish(Hop hop, UUID connectorMessageId, String conversationId) {
        try {
            jms.send(hop.queue(), session -> {
                TextMessage message = session.createTextMessage(connectorMessageId.toString());
                message.setStringProperty("JMSXGroupID", conversationId);
                return message;
            });
        } catch (JmsException e) {
            throw new ConnectorException(ErrorCode.QUEUE_UNAVAILABLE, null,
                    "message " + connectorMessageId + " could not be queued on " + hop.queue(), e);
        }
    }
}
