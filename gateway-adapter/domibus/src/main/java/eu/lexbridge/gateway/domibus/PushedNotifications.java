package eu.lexbridge.gateway.domibus;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.port.GatewayOutcomes;
import eu.lexbridge.core.port.TransmissionReceiver;
import eu.lexbridge.core.transport.Envelope;
import eu.lexbridge.core.transport.IncomingPart;
import eu.lexbridge.core.transport.ReceptionOutcome;
import eu.lexbridge.gateway.domibus.wire.ebms.Messaging;
import eu.lexbridge.gateway.domibus.wire.push.BackendFault;
import eu.lexbridge.gateway.domibus.wire.push.BackendFaultDetail;
import eu.lexbridge.gateway.domibus.wire.push.BackendInterface;
import eu.lexbridge.gateway.domibus.wire.push.SubmitMessage;
import eu.lexbridge.gateway.domibus.wire.push.SubmitMessageResponse;
import jakarta.jws.WebService;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.cxf.io.CacheSizeExceededException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Domibus's WS plugin pushes to the connector ({@code BackendService}, namespace {@code eu.domibus}): a received
 * message ({@code submitMessage}) goes to the {@link TransmissionReceiver}, which stores it before the answer, so
 * Domibus marks it downloaded only once it is safe; the outcome of a message the connector submitted ({@code
 * sendSuccess}, {@code sendFailure}, a {@code messageStatusChange} to ACKNOWLEDGED or SEND_FAILURE) goes to {@link
 * GatewayOutcomes} by the ebMS id, a failure with the most recent error Domibus recorded on the message ({@link
 * MessageErrors}), or without it when Domibus cannot say. Reports are idempotent. A message the connector cannot take
 * for now (database or queue down) is answered with a Receiver fault, so Domibus pushes it again by its retry rule; a
 * message it refuses, with a fault that names the code. The other notifications are acknowledged and change nothing.
 */
@WebService(serviceName = "BackendService", portName = "BACKEND_PORT", targetNamespace = "eu.domibus",
        endpointInterface = "eu.lexbridge.gateway.domibus.wire.push.BackendInterface",
        wsdlLocation = "classpath:wsdl/domibus/BackendService.wsdl")
public class PushedNotifications implements BackendInterface {

    private static final Logger LOG = LoggerFactory.getLogger(PushedNotifications.class);
    /** The statuses that mean the partner's access point returned a receipt (Domibus MessageStatus). */
    private static final Set<String> SENT = Set.of("ACKNOWLEDGED", "ACKNOWLEDGED_WITH_WARNING");
    private static final String SEND_FAILURE = "SEND_FAILURE";

    private final TransmissionReceiver receiver;
    private final GatewayOutcomes outcomes;
    private final MessageErrors errors;

    /** @param errors asked why, when Domibus reports that a message could not be sent */
    public PushedNotifications(TransmissionReceiver receiver, GatewayOutcomes outcomes, MessageErrors errors) {
        this.receiver = Objects.requireNonNull(receiver, "receiver");
        this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    @Override
    public SubmitMessageResponse submitMessage(SubmitMessage submitMessage, Messaging ebMSHeaderInfo)
            throws BackendFault {
        String id = contractual(submitMessage.getMessageID());
        try {
            HeaderContract.check(ebMSHeaderInfo);
        } catch (IllegalArgumentException e) {
            throw fault(new ConnectorException(ErrorCode.MALFORMED_REQUEST, e.getMessage()));
        }
        Envelope envelope;
        List<IncomingPart> parts;
        try {
            envelope = EcodexHeader.incoming(ebMSHeaderInfo, id);
            parts = ReceivedParts.read(ebMSHeaderInfo.getUserMessage(), submitMessage.getBodyload(),
                    submitMessage.getPayload());
        } catch (IllegalArgumentException e) {
            throw fault(new ConnectorException(ErrorCode.INVALID_FIELD, "the message cannot be taken: "
                    + e.getMessage()));
        }
        try {
            ReceptionOutcome outcome = receiver.receive(envelope, parts, DomibusGateway.SIGNER);
            LOG.info("AS4 message {} from {} ({} parts) pushed by Domibus, taken: {}", LogSafe.of(id),
                    LogSafe.of(envelope.from().partyId()), parts.size(), outcome);
            return new SubmitMessageResponse();
        } catch (RuntimeException e) {
            if (oversized(e)) {
                // CXF reads a payload as the connector stores it, and stops at the endpoint's limit
                throw fault(new ConnectorException(ErrorCode.PAYLOAD_TOO_LARGE, "payload",
                        "a payload is larger than this connector takes from Domibus; nothing was stored"));
            }
            if (e instanceof ConnectorException) {
                throw fault((ConnectorException) e);
            }
            LOG.error("AS4 message {} pushed by Domibus could not be handed to the connector; Domibus pushes it again",
                    LogSafe.of(id), e);
            throw fault(new ConnectorException(ErrorCode.INTERNAL, "internal error"));
        }
    }

    @Override
    public void sendSuccess(String messageID) throws BackendFault {
        reportSent(contractual(messageID), "Domibus reports the partner's receipt");
    }

    @Override
    public void sendFailure(String messageID) throws BackendFault {
        contractual(messageID);
        reportFailure(messageID, "Domibus reports that sending failed for good (its retries are over)");
    }

    @Override
    public void messageStatusChange(String messageID, String messageStatus) throws BackendFault {
        contractual(messageID);
        if (SENT.contains(messageStatus)) {
            reportSent(messageID, "Domibus reports status " + messageStatus);
        } else if (SEND_FAILURE.equals(messageStatus)) {
            reportFailure(messageID, "Domibus reports status " + messageStatus);
        } else {
            LOG.debug("Domibus message {} is now {}", LogSafe.of(messageID), LogSafe.of(messageStatus, 64));
        }
    }

    @Override
    public void receiveSuccess(String messageID) {
        // the push of the message itself is what the connector acts on
    }

    @Override
    public void receiveFailure(String messageID) {
        LOG.info("Domibus reports that it could not receive message {}", LogSafe.of(messageID));
    }

    @Override
    public void delete(String messageID) {
        // Domibus deleted its copy after its retention; the connector keeps its own
    }

    @Override
    public void deleteBatch(List<String> messageIds) {
        // as delete
    }

    /**
     * The id, if it is the contract's {@code MessageId} (1 to 255 characters): CXF does not check the push requests
     * against the schema (see {@link HeaderContract}), so the values the connector acts on are checked here.
     */
    private static String contractual(String messageId) throws BackendFault {
        if (messageId == null || messageId.isBlank() || messageId.length() > 255) {
            throw fault(new ConnectorException(ErrorCode.MALFORMED_REQUEST,
                    "the messageID does not meet the contract: 1 to 255 characters"));
        }
        return messageId;
    }

    /**
     * A failure, with what Domibus recorded as its cause (the sentence alone when it has nothing to say). Domibus is
     * asked only when the report will be recorded: it reports one failure twice ({@code sendFailure}, then a status
     * change to SEND_FAILURE), and a message may have ended otherwise before (overtaken by an evidence); asking then
     * would cost a call while Domibus waits, for an answer nothing uses.
     */
    private void reportFailure(String messageId, String report) throws BackendFault {
        AtomicReference<String> detail = new AtomicReference<>(report);
        GatewayOutcomes.Effect effect = take(messageId, () -> outcomes.failed(messageId, () -> {
            detail.set(errors.latest(messageId).map(cause -> report + ": " + cause).orElse(report));
            return detail.get();
        }));
        logReport(messageId, "failed", effect, detail.get());
    }

    private void reportSent(String messageId, String detail) throws BackendFault {
        logReport(messageId, "sent", take(messageId, () -> outcomes.sent(messageId, detail)), detail);
    }

    /** The report handed to the connector; what it could not take becomes the fault Domibus sees, to push again. */
    private static GatewayOutcomes.Effect take(String messageId, Supplier<GatewayOutcomes.Effect> report)
            throws BackendFault {
        try {
            return report.get();
        } catch (ConnectorException e) {
            throw fault(e);
        } catch (RuntimeException e) {
            LOG.error("Domibus report on message {} could not be recorded; Domibus pushes it again",
                    LogSafe.of(messageId), e);
            throw fault(new ConnectorException(ErrorCode.INTERNAL, "internal error"));
        }
    }

    private static void logReport(String messageId, String what, GatewayOutcomes.Effect effect, String detail) {
        LOG.info("Domibus report on AS4 message {} ({}): {}: {}", LogSafe.of(messageId), what, effect,
                LogSafe.of(detail, 1024));
    }

    private static boolean oversized(Throwable e) {
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof CacheSizeExceededException) {
                return true;
            }
        }
        return false;
    }

    /** A declared fault: the code in the detail, a sentence (no internal detail for the connector's own trouble). */
    private static BackendFault fault(ConnectorException e) {
        String sentence = PushFaults.isCallersFault(e) ? e.getMessage() : e.code().title();
        BackendFaultDetail detail = new BackendFaultDetail();
        detail.setCode(e.code().code());
        detail.setMessage(sentence);
        return new BackendFault(e.code().code() + ": " + sentence, detail);
    }
}
