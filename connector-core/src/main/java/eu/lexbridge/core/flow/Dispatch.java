package eu.lexbridge.core.flow;

import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.flow.EvidenceIssuer.Route;
import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageKind;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.GatewayLink;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.port.PartnerDirectory;
import eu.lexbridge.core.transport.Envelope;
import eu.lexbridge.core.transport.OutgoingPart;
import eu.lexbridge.core.transport.SendOutcome;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands an accepted message (business or evidence) to the access point and records what became of it. */
public final class Dispatch {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatch.class);
    /** Rejection codes of the official connector, so that its back-ends read our reasons the same way. */
    public static final String GATEWAY_REJECTION = "E201 ";
    public static final String UNREACHABLE = "E404 ";

    private final MessageStore store;
    private final PartnerDirectory partners;
    private final GatewayLink gateway;
    private final EvidenceIssuer evidences;
    private final Clock clock;

    public Dispatch(MessageStore store, PartnerDirectory partners, GatewayLink gateway, EvidenceIssuer evidences,
                    Clock clock) {
        this.store = store;
        this.partners = partners;
        this.gateway = gateway;
        this.evidences = evidences;
        this.clock = clock;
    }

    /**
     * Sends the message if it still waits to be sent.
     *
     * @throws RetryableSendException when another attempt may succeed
     */
    public void dispatch(UUID connectorMessageId) {
        ConnectorMessage message = store.find(connectorMessageId).orElse(null);
        if (message == null || message.state() != MessageState.ACCEPTED) {
            return; // already sent, or finished another way
        }
        var partner = partners.byPartyId(message.to().partyId());
        if (partner.isEmpty()) {
            giveUp(connectorMessageId, "E100 party " + message.to().partyId() + " is not a configured partner");
            return;
        }
        var envelope = new Envelope(message.ebmsMessageId(), message.conversationId(), message.refToMessageId(),
                message.service(), message.action(), message.from(), message.to(), message.originalSender(),
                message.finalRecipient());
        SendOutcome outcome = gateway.send(envelope, parts(message), partner.get());
        switch (outcome.status()) {
            case DELIVERED -> store.advance(connectorMessageId, MessageState.SENT,
                    "sent to " + partner.get().name() + "; " + outcome.detail(), clock.instant());
            case RETRYABLE_FAILURE -> throw new RetryableSendException(outcome.detail());
            case FAILED -> giveUp(connectorMessageId, GATEWAY_REJECTION + outcome.detail());
        }
    }

    /**
     * Records a final send failure at once: a business message gets RELAY_REMMD_FAILURE for its back-end, an
     * evidence message is marked failed.
     */
    public void giveUp(UUID connectorMessageId, String reason) {
        ConnectorMessage message = store.find(connectorMessageId).orElse(null);
        if (message == null || message.state() != MessageState.ACCEPTED) {
            return;
        }
        // The reason may quote the partner's answer.
        LOG.warn("sending message {} failed for good: {}", connectorMessageId, LogSafe.of(reason, 1024));
        if (message.kind() == MessageKind.BUSINESS) {
            evidences.issue(message, EvidenceType.RELAY_REMMD_FAILURE, Route.BACKEND_ONLY, MessageState.RELAY_FAILED,
                    reason);
        } else {
            store.advance(connectorMessageId, MessageState.RELAY_FAILED, "the AS4 message could not be sent: "
                    + reason, clock.instant());
        }
    }

    /**
     * The leading part first: the business content, then the container and its token (or, without a container, the
     * document and attachments themselves), then the evidences.
     */
    private List<OutgoingPart> parts(ConnectorMessage message) {
        List<OutgoingPart> parts = new ArrayList<>();
        boolean sealed = message.payload(PayloadKind.CONTAINER).isPresent();
        for (PayloadRef payload : message.payloads()) {
            boolean insideContainer = payload.kind() == PayloadKind.BUSINESS_DOCUMENT
                    || payload.kind() == PayloadKind.DETACHED_SIGNATURE || payload.kind() == PayloadKind.ATTACHMENT;
            if (payload.kind() != PayloadKind.VALIDATION_REPORT && !(sealed && insideContainer)) {
                parts.add(new OutgoingPart(PayloadDescriptions.describe(payload), payload.mimeType(), payload));
            }
        }
        if (message.kind() == MessageKind.BUSINESS) {
            for (Evidence evidence : store.evidences(message.connectorMessageId())) {
                if (evidence.origin() == EvidenceOrigin.ISSUED
                        && message.connectorMessageId().equals(evidence.carrierMessageId())) {
                    parts.add(new OutgoingPart(evidence.type().payloadDescription(), "text/xml", evidence.document()));
                }
            }
        }
        return parts;
    }

}
