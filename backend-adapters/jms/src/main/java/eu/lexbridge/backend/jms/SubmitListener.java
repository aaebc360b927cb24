package eu.lexbridge.backend.jms;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.flow.Submission;
import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.message.ConnectorMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.listener.SessionAwareMessageListener;

/**
 * Takes one back-end's {@code .submit} queue: each message is the core's submission, and its answer goes to the
 * back-end's {@code .reply} queue in the same JMS transaction. The back-end is the one whose queue it is: the broker
 * lets only that back-end's user send to it.
 */
final class SubmitListener implements SessionAwareMessageListener<Message> {

    private static final Logger LOG = LoggerFactory.getLogger(SubmitListener.class);

    private final BackendQueues queues;
    private final Submission submission;
    private final Path spoolDirectory;
    private final long maxMessageBytes;

    SubmitListener(BackendQueues queues, Submission submission, Path spoolDirectory, long maxMessageBytes) {
        this.queues = queues;
        this.submission = submission;
        this.spoolDirectory = spoolDirectory;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public void onMessage(Message message, Session session) throws JMSException {
        Reply reply;
        try (SpooledSubmission read = SpooledSubmission.read(queues.backend(), message, spoolDirectory,
                maxMessageBytes)) {
            ConnectorMessage stored = submission.submit(read.request());
            Map<String, String> ids = new LinkedHashMap<>();
            ids.put(WireFormat.MESSAGE_ID, stored.connectorMessageId().toString());
            ids.put(WireFormat.BACKEND_MESSAGE_ID, stored.backendMessageId());
            ids.put(WireFormat.CONVERSATION_ID, stored.conversationId());
            ids.put(WireFormat.EBMS_MESSAGE_ID, stored.ebmsMessageId());
            reply = Reply.accepted(ids);
            LOG.info("message {} submitted by back-end {} over JMS", stored.connectorMessageId(),
                    LogSafe.of(queues.backend()));
        } catch (ConnectorException e) {
            LOG.info("submission of back-end {} over JMS refused: {} {}", LogSafe.of(queues.backend()),
                    e.code().code(), LogSafe.of(e.getMessage()));
            reply = Reply.problem(e);
        } catch (RuntimeException e) {
            // Answered, not redelivered: the back-end learns at once and may send again.
            LOG.error("submission of back-end {} over JMS failed", LogSafe.of(queues.backend()), e);
            reply = Reply.problem(new ConnectorException(ErrorCode.INTERNAL, null, ErrorCode.INTERNAL.title()));
        }
        reply.send(session, queues.reply(), message);
    }
}
