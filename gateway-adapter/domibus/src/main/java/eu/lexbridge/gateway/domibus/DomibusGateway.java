package eu.lexbridge.gateway.domibus;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.port.GatewayLink;
import eu.lexbridge.core.port.PayloadStore;
import eu.lexbridge.core.transport.EcodexWire;
import eu.lexbridge.core.transport.Envelope;
import eu.lexbridge.core.transport.OutgoingPart;
import eu.lexbridge.core.transport.Partner;
import eu.lexbridge.core.transport.SendOutcome;
import eu.lexbridge.gateway.domibus.wire.ebms.Messaging;
import eu.lexbridge.gateway.domibus.wire.payload.LargePayloadType;
import eu.lexbridge.gateway.domibus.wire.plugin.FaultDetail;
import eu.lexbridge.gateway.domibus.wire.plugin.MessageStatus;
import eu.lexbridge.gateway.domibus.wire.plugin.PluginFault;
import eu.lexbridge.gateway.domibus.wire.plugin.StatusRequest;
import eu.lexbridge.gateway.domibus.wire.plugin.SubmitRequest;
import eu.lexbridge.gateway.domibus.wire.plugin.SubmitResponse;
import eu.lexbridge.gateway.domibus.wire.plugin.WebServicePluginInterface;
import jakarta.activation.DataHandler;
import jakarta.xml.ws.WebServiceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands e-CODEX user messages to Domibus through its WS plugin ({@code submitMessage}) and answers PENDING: Domibus
 * keeps its own queue and retries, and reports later, by push ({@link PushedNotifications}), whether the message was
 * sent. The header carries our ebMS MessageId, which Domibus keeps, so its reports name the message as the connector
 * knows it. The payloads stream from the payload store as MTOM attachments. Transport trouble (Domibus unreachable, a
 * timeout, an HTTP error, an undeclared fault) is RETRYABLE_FAILURE; a refusal the plugin declares ({@code FaultDetail},
 * e.g. for a header no PMode matches) is FAILED: sending the same request again cannot help; but a MessageId Domibus
 * refuses because it has the message already (a submission whose answer was lost) is PENDING, by its status.
 * Never throws for Domibus's trouble. Thread-safe.
 */
public final class DomibusGateway implements GatewayLink {

    private static final Logger LOG = LoggerFactory.getLogger(DomibusGateway.class);
    /**
     * What the connector records as the signer of a message Domibus received: Domibus verified the AS4 signature
     * against its PMode and does not hand the certificate to the plugin.
     */
    static final String SIGNER = "the partner's AS4 signature, verified by Domibus";

    private final PayloadStore payloads;
    private final WebServicePluginInterface plugin;
    private final String address;

    public DomibusGateway(DomibusSettings settings, PayloadStore payloads) {
        this.payloads = Objects.requireNonNull(payloads, "payloads");
        this.plugin = PluginClient.create(settings);
        this.address = settings.pluginAddress().toString();
    }

    @Override
    public SendOutcome send(Envelope envelope, List<OutgoingPart> parts, Partner partner) {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(parts, "parts");
        Objects.requireNonNull(partner, "partner");
        if (!envelope.to().partyId().equals(partner.party().partyId())) {
            return SendOutcome.failed("the envelope's recipient " + envelope.to().partyId() + " is not partner "
                    + partner.name() + " (" + partner.party().partyId() + ")");
        }
        long started = System.nanoTime();
        SendOutcome outcome = submit(envelope, parts);
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (outcome.status() == SendOutcome.Status.PENDING) {
            LOG.info("AS4 message {} to {} handed to Domibus in {} ms", LogSafe.of(envelope.ebmsMessageId()),
                    LogSafe.of(partner.name()), millis);
        } else if (outcome.status() == SendOutcome.Status.RETRYABLE_FAILURE) {
            // expected while Domibus is down: the dispatch route says it once, with the attempt and until when
            LOG.debug("AS4 message {} not handed to Domibus after {} ms: {}", LogSafe.of(envelope.ebmsMessageId()),
                    millis, LogSafe.of(outcome.detail(), 2048));
        } else {
            LOG.warn("AS4 message {} refused by Domibus after {} ms: {}", LogSafe.of(envelope.ebmsMessageId()),
                    millis, LogSafe.of(outcome.detail(), 2048));
        }
        return outcome;
    }

    private SendOutcome submit(Envelope envelope, List<OutgoingPart> parts) {
        List<EcodexHeader.WirePart> described = new ArrayList<>(parts.size());
        SubmitRequest request = new SubmitRequest();
        for (OutgoingPart part : parts) {
            String href = "cid:" + EcodexWire.CONTENT_ID_PREFIX + UUID.randomUUID();
            String mimeType = EcodexWire.wireMimeType(part.description(), part.mimeType());
            described.add(new EcodexHeader.WirePart(href, part.description(), part.payload().name(), mimeType));
            LargePayloadType payload = new LargePayloadType();
            payload.setPayloadId(href);
            payload.setContentType(mimeType);
            payload.setValue(new DataHandler(new StoredPayloadSource(payloads, part.payload())));
            request.getPayload().add(payload);
        }
        Messaging header = EcodexHeader.outgoing(envelope, described);
        SubmitResponse response;
        try {
            response = plugin.submitMessage(request, header);
        } catch (PluginFault e) {
            return refused(envelope.ebmsMessageId(), describe(e.getFaultInfo(), e.getMessage()));
        } catch (WebServiceException | ConnectorException e) {
            ConnectorException payloadTrouble = payloadTrouble(e);
            if (payloadTrouble != null) {
                return SendOutcome.failed("payload not sendable: " + payloadTrouble.code().code() + " "
                        + payloadTrouble.getMessage());
            }
            return SendOutcome.retryable("Domibus at " + address + " did not take the message: " + TransportTrouble.describe(e));
        }
        List<String> ids = response == null ? List.of() : response.getMessageID();
        if (ids.contains(envelope.ebmsMessageId())) {
            return SendOutcome.pending("Domibus took message " + envelope.ebmsMessageId());
        }
        // Domibus took it under another id: its reports will not name our message, so the relay timeout decides.
        LOG.warn("Domibus took AS4 message {} as {}; its send reports cannot be matched",
                LogSafe.of(envelope.ebmsMessageId()), LogSafe.of(ids, 512));
        return SendOutcome.pending("Domibus took the message as " + LogSafe.of(ids, 512)
                + ", not under its ebMS id; its send report cannot be matched");
    }

    /**
     * A refusal, unless Domibus has the message already: a submission whose answer was lost (a timeout after Domibus
     * stored it) is sent again by the dispatch route with the same MessageId, and Domibus refuses the duplicate. Its
     * status tells: known and not failed, Domibus sends it and reports as for the first submission.
     */
    private SendOutcome refused(String ebmsMessageId, String refusal) {
        MessageStatus status;
        try {
            StatusRequest request = new StatusRequest();
            request.setMessageID(ebmsMessageId);
            status = plugin.getStatus(request);
        } catch (PluginFault | WebServiceException e) {
            status = null; // the refusal stands
        }
        if (status != null && status != MessageStatus.NOT_FOUND && status != MessageStatus.SEND_FAILURE) {
            return SendOutcome.pending("Domibus has message " + ebmsMessageId + " already (" + status
                    + "); it refused it again: " + refusal);
        }
        return SendOutcome.failed("Domibus refused the message: " + refusal);
    }

    private static String describe(FaultDetail detail, String reason) {
        if (detail == null) {
            return LogSafe.of(reason, 1024);
        }
        return LogSafe.of(detail.getCode(), 64) + (detail.getMessage() == null ? ""
                : " " + LogSafe.of(detail.getMessage(), 1024));
    }

    /** A payload the store could not give (gone, or its bytes no longer match their SHA-256): no retry helps. */
    private static ConnectorException payloadTrouble(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectorException) {
                return (ConnectorException) cause;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
