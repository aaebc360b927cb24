package eu.lexbridge.backend.jms;

import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.flow.BackendInbox;
import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.BackendLink;
import eu.lexbridge.core.record.DeadlineAlert;
import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.JmsException;
import org.springframework.jms.core.JmsTemplate;

/**
 * Pushes one back-end's received messages, the evidences about its messages and the alerts about its time limits onto
 * its {@code .deliver} queue. The
 * payloads are streamed from the payload store into an Artemis large message (a message as a ZIP of its parts,
 * written to a spool file first; an evidence as its XML), never held whole. Broker trouble is {@code Unreachable}, and
 * the step is tried again; a message put twice (a redelivered step) is for the back-end to take twice.
 */
final class QueueDelivery implements BackendLink {

    private static final Logger LOG = LoggerFactory.getLogger(QueueDelivery.class);
    /** Artemis: the producer streams the body from this stream as a large message. */
    static final String ARTEMIS_INPUT_STREAM = "JMS_AMQ_InputStream";
    private static final Map<PayloadKind, String> FOLDERS = Map.of(
            PayloadKind.BUSINESS_CONTENT, WireFormat.BUSINESS_CONTENT,
            PayloadKind.BUSINESS_DOCUMENT, WireFormat.BUSINESS_DOCUMENT,
            PayloadKind.DETACHED_SIGNATURE, WireFormat.DETACHED_SIGNATURE,
            PayloadKind.ATTACHMENT, WireFormat.ATTACHMENTS);

    private final BackendQueues queues;
    private final JmsTemplate jms;
    private final BackendInbox inbox;
    private final Path spoolDirectory;

    QueueDelivery(BackendQueues queues, JmsTemplate jms, BackendInbox inbox, Path spoolDirectory) {
        this.queues = queues;
        this.jms = jms;
        this.inbox = inbox;
        this.spoolDirectory = spoolDirectory;
    }

    @Override
    public Handover deliver(ConnectorMessage message) {
        Path zip = null;
        try {
            zip = zip(message);
            Path body = zip;
            put(session -> {
                BytesMessage out = session.createBytesMessage();
                out.setStringProperty(WireFormat.KIND, WireFormat.KIND_MESSAGE);
                out.setStringProperty(WireFormat.MESSAGE_ID, message.connectorMessageId().toString());
                property(out, WireFormat.EBMS_MESSAGE_ID, message.ebmsMessageId());
                property(out, WireFormat.CONVERSATION_ID, message.conversationId());
                property(out, WireFormat.SERVICE, message.service().value());
                property(out, WireFormat.SERVICE_TYPE, message.service().type());
                property(out, WireFormat.ACTION, message.action());
                property(out, WireFormat.FROM_PARTY_ID, message.from().partyId());
                property(out, WireFormat.TO_PARTY_ID, message.to().partyId());
                property(out, WireFormat.ORIGINAL_SENDER, message.originalSender());
                property(out, WireFormat.FINAL_RECIPIENT, message.finalRecipient());
                return out;
            }, message.conversationId(), () -> Files.newInputStream(body));
            return new Pushed("put on " + queues.deliver());
        } catch (JmsException | IOException | UncheckedIOException e) {
            LOG.warn("message {} not put on {}: {}", message.connectorMessageId(), queues.deliver(),
                    LogSafe.of(e.getMessage()));
            return new Unreachable("the back-end's queue " + queues.deliver() + " cannot be reached");
        } finally {
            delete(zip);
        }
    }

    @Override
    public Handover notify(ConnectorMessage subject, Evidence evidence) {
        try {
            put(session -> {
                BytesMessage out = session.createBytesMessage();
                out.setStringProperty(WireFormat.KIND, WireFormat.KIND_EVIDENCE);
                out.setStringProperty(WireFormat.MESSAGE_ID, subject.connectorMessageId().toString());
                property(out, WireFormat.BACKEND_MESSAGE_ID, subject.backendMessageId());
                property(out, WireFormat.CONVERSATION_ID, subject.conversationId());
                out.setStringProperty(WireFormat.EVIDENCE_TYPE, evidence.type().name());
                out.setStringProperty(WireFormat.EVIDENCE_ID, evidence.evidenceId().toString());
                property(out, WireFormat.REASON, evidence.reason());
                return out;
            }, subject.conversationId(), () -> inbox.open(subject.backendName(), subject.connectorMessageId(),
                    evidence.document()));
            return new Pushed("put on " + queues.deliver());
        } catch (JmsException | IOException | UncheckedIOException e) {
            LOG.warn("{} evidence about {} not put on {}: {}", evidence.type(), subject.connectorMessageId(),
                    queues.deliver(), LogSafe.of(e.getMessage()));
            return new Unreachable("the back-end's queue " + queues.deliver() + " cannot be reached");
        }
    }

    /**
     * A time-limit alert, as a message of properties and no body: the limit, when it ends, and what it is about; the
     * conversation as message group, so it comes in order with the conversation's messages and evidences.
     */
    @Override
    public Handover alert(DeadlineAlert alert) {
        try {
            put(session -> {
                Message out = session.createMessage();
                out.setStringProperty(WireFormat.KIND, WireFormat.KIND_DEADLINE_ALERT);
                out.setLongProperty(WireFormat.ALERT_SEQUENCE, alert.sequence());
                out.setStringProperty(WireFormat.ALERT, alert.kind().name());
                out.setStringProperty(WireFormat.CONVERSATION_ID, alert.conversationId());
                out.setStringProperty(WireFormat.DEADLINE_ID, alert.deadlineId());
                out.setStringProperty(WireFormat.DEADLINE_TITLE, alert.title());
                property(out, WireFormat.DEADLINE_SOURCE, alert.source());
                property(out, WireFormat.DEADLINE_ACTOR, alert.actor());
                property(out, WireFormat.STARTED_BY, alert.startedBy());
                out.setStringProperty(WireFormat.STARTED_AT, alert.startedAt().toString());
                out.setStringProperty(WireFormat.DUE_AT, alert.dueAt().toString());
                out.setStringProperty(WireFormat.RAISED_AT, alert.raisedAt().toString());
                return out;
            }, alert.conversationId(), null);
            return new Pushed("put on " + queues.deliver());
        } catch (JmsException | IOException e) {
            LOG.warn("time-limit alert {} not put on {}: {}", alert.sequence(), queues.deliver(),
                    LogSafe.of(e.getMessage()));
            return new Unreachable("the back-end's queue " + queues.deliver() + " cannot be reached");
        }
    }

    /** The parts the back-end sees, one ZIP folder per role as in a submission; the entry comment is the MIME type. */
    private Path zip(ConnectorMessage message) throws IOException {
        Path file = spoolDirectory == null ? Files.createTempFile("lexbridge-jms-", ".zip")
                : Files.createTempFile(Files.createDirectories(spoolDirectory), "lexbridge-jms-", ".zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (PayloadRef payload : message.payloads()) {
                String folder = FOLDERS.get(payload.kind());
                if (folder == null) {
                    continue; // the container and token stay at the connector
                }
                ZipEntry entry = new ZipEntry(folder + "/" + payload.name());
                entry.setComment(payload.mimeType());
                zip.putNextEntry(entry);
                try (InputStream in = inbox.open(message.backendName(), message.connectorMessageId(), payload)) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        } catch (IOException | RuntimeException e) {
            delete(file);
            throw e;
        }
        return file;
    }

    private interface Body {
        InputStream open() throws IOException;
    }

    private interface Headers {
        Message create(Session session) throws JMSException;
    }

    /** @param body streamed as an Artemis large message, or {@code null} for a message of properties only */
    private void put(Headers headers, String group, Body body) throws IOException {
        try (InputStream in = body == null ? null : body.open()) {
            jms.execute(session -> {
                Message out = headers.create(session);
                if (group != null) {
                    out.setStringProperty("JMSXGroupID", group); // one conversation in order
                }
                if (in != null) {
                    out.setObjectProperty(ARTEMIS_INPUT_STREAM, in);
                }
                try (MessageProducer producer = session.createProducer(session.createQueue(queues.deliver()))) {
                    producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                    producer.send(out);
                }
                return null;
            }, false);
        }
    }

    private static void property(Message message, String name, String value) throws JMSException {
        if (value != null && !value.isEmpty()) {
            message.setStringProperty(name, value);
        }
    }

    private static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("spool file {} not deleted: {}", file, e.getMessage());
        }
    }
}
