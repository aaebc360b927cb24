package eu.lexbridge.backend.jms;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.evidence.BackendConfirmation;
import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.flow.BackendInbox;
import eu.lexbridge.core.log.LogSafe;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.listener.SessionAwareMessageListener;

/**
 * Takes one back-end's {@code .confirm} queue: DELIVERY, NON_DELIVERY (with a reason), RETRIEVAL or NON_RETRIEVAL
 * about a message it received, issued as the evidence to the sender. A message of another back-end is unknown here,
 * exactly as one that does not exist.
 */
final class ConfirmListener implements SessionAwareMessageListener<Message> {

    private static final Logger LOG = LoggerFactory.getLogger(ConfirmListener.class);
    /** As the REST API: the reason goes into the sealed evidence. */
    static final int MAX_REASON_LENGTH = 1000;

    private final BackendQueues queues;
    private final BackendInbox inbox;

    ConfirmListener(BackendQueues queues, BackendInbox inbox) {
        this.queues = queues;
        this.inbox = inbox;
    }

    @Override
    public void onMessage(Message message, Session session) throws JMSException {
        Reply reply;
        try {
            UUID messageId = messageId(message.getStringProperty(WireFormat.MESSAGE_ID));
            BackendConfirmation confirmation = confirmation(message.getStringProperty(WireFormat.CONFIRMATION));
            String reason = reason(message.getStringProperty(WireFormat.REASON));
            Evidence evidence = inbox.confirm(queues.backend(), messageId, confirmation, reason);
            Map<String, String> ids = new LinkedHashMap<>();
            ids.put(WireFormat.MESSAGE_ID, messageId.toString());
            ids.put(WireFormat.EVIDENCE_TYPE, evidence.type().name());
            ids.put(WireFormat.EVIDENCE_ID, evidence.evidenceId().toString());
            reply = Reply.accepted(ids);
        } catch (ConnectorException e) {
            LOG.info("confirmation of back-end {} over JMS refused: {} {}", LogSafe.of(queues.backend()),
                    e.code().code(), LogSafe.of(e.getMessage()));
            reply = Reply.problem(e);
        } catch (RuntimeException e) {
            LOG.error("confirmation of back-end {} over JMS failed", LogSafe.of(queues.backend()), e);
            reply = Reply.problem(new ConnectorException(ErrorCode.INTERNAL, null, ErrorCode.INTERNAL.title()));
        }
        reply.send(session, queues.reply(), message);
    }

    private static UUID messageId(String value) {
        if (value == null || value.isBlank()) {
            throw new ConnectorException(ErrorCode.MISSING_FIELD, WireFormat.MESSAGE_ID, "messageId is required");
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, WireFormat.MESSAGE_ID,
                    "messageId must be the connector's message id (a UUID)");
        }
    }

    private static BackendConfirmation confirmation(String value) {
        if (value == null || value.isBlank()) {
            throw new ConnectorException(ErrorCode.MISSING_FIELD, WireFormat.CONFIRMATION, "confirmation is required");
        }
        return Arrays.stream(BackendConfirmation.values()).filter(c -> c.name().equals(value.strip())).findFirst()
                .orElseThrow(() -> new ConnectorException(ErrorCode.INVALID_FIELD, WireFormat.CONFIRMATION,
                        "confirmation must be one of DELIVERY, NON_DELIVERY, RETRIEVAL, NON_RETRIEVAL"));
    }

    private static String reason(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_REASON_LENGTH) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, WireFormat.REASON,
                    "reason is longer than " + MAX_REASON_LENGTH + " characters");
        }
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0xFFFE || c == 0xFFFF
                || Character.getType(c) == Character.SURROGATE)) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, WireFormat.REASON,
                    "reason must be text on one line, without control characters");
        }
        return value;
    }
}
