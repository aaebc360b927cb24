package eu.lexbridge.core.flow;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.MessageKind;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.port.MessageBus;
import eu.lexbridge.core.port.MessageStore;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An operator sends again a message whose send failed (RELAY_FAILED), once its partner is back: the same ebMS message
 * (same id, same parts), a new AS4 attempt, tried again with back-off for a new relay timeout counted from the
 * resend. A business message's back-end already has its RELAY_REMMD_FAILURE; it sees the message ACCEPTED again in its
 * change feed, then the evidences the partner sends. Who resent it is on the message's timeline and in the audit log.
 */
public final class Resend {

    /** How a resend is recorded on the timeline; the relay timeout counts from the last one. */
    public static final String RESENT = "sent again at the request of ";
    private static final Logger AUDIT = LoggerFactory.getLogger("lexbridge.audit");

    private final MessageStore store;
    private final MessageBus bus;
    private final Clock clock;

    public Resend(MessageStore store, MessageBus bus, Clock clock) {
        this.store = store;
        this.bus = bus;
        this.clock = clock;
    }

    /**
     * @param operator who asks, as the management port authenticated them
     * @return the message, ACCEPTED again and queued to be sent
     * @throws ConnectorException UNKNOWN_MESSAGE, NOT_RESENDABLE (not an outbound message whose send failed)
     */
    public ConnectorMessage resend(UUID connectorMessageId, String operator) {
        ConnectorMessage message = store.find(connectorMessageId).orElseThrow(() -> new ConnectorException(
                ErrorCode.UNKNOWN_MESSAGE, "messageId", "no message " + connectorMessageId));
        if (message.direction() != Direction.OUTBOUND || message.state() != MessageState.RELAY_FAILED) {
            throw new ConnectorException(ErrorCode.NOT_RESENDABLE, "messageId", "message " + connectorMessageId
                    + " is " + message.direction().name().toLowerCase(java.util.Locale.ROOT) + " and "
                    + message.state() + "; only an outbound message whose send failed (RELAY_FAILED) can be sent "
                    + "again");
        }
        if (!store.advance(connectorMessageId, MessageState.ACCEPTED, RESENT + operator, clock.instant())) {
            throw new ConnectorException(ErrorCode.NOT_RESENDABLE, "messageId", "message " + connectorMessageId
                    + " changed meanwhile; look at it again");
        }
        // read before it is queued: the send route may take it, and even fail it again, before we answer
        ConnectorMessage resent = store.find(connectorMessageId).orElseThrow();
        Topology hop = message.kind() == MessageKind.BUSINESS ? Topology.PREPARED : Topology.EVIDENCE_ISSUED;
        bus.publish(hop.next(), connectorMessageId, message.conversationId());
        AUDIT.info("operator {} sent message {} ({}) again to {}", LogSafe.of(operator), connectorMessageId,
                message.ebmsMessageId() == null ? "-" : LogSafe.of(message.ebmsMessageId()),
                LogSafe.of(message.to().partyId()));
        return resent;
    }
}
