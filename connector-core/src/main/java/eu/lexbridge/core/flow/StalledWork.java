package eu.lexbridge.core.flow;

import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageKind;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.port.Hop;
import eu.lexbridge.core.port.MessageBus;
import eu.lexbridge.core.port.MessageStore;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues again what was stored but never queued: the database write and the queue write are not one transaction (no
 * XA), so a crash between them leaves a message waiting in its state. Every step is idempotent, so queueing a message
 * that is in fact still in flight does no harm.
 */
public final class StalledWork {

    private static final Logger LOG = LoggerFactory.getLogger(StalledWork.class);
    private static final int BATCH = 200;

    private final MessageStore store;
    private final MessageBus bus;
    private final Clock clock;
    private final Duration grace;

    /** @param grace how long a message may rest in a state before it counts as stalled; longer than send retries */
    public StalledWork(MessageStore store, MessageBus bus, Clock clock, Duration grace) {
        this.store = store;
        this.bus = bus;
        this.clock = clock;
        this.grace = grace;
    }

    /** @return how many messages were queued again */
    public int requeue() {
        var before = clock.instant().minus(grace);
        int count = 0;
        for (ConnectorMessage m : store.stalled(MessageState.SUBMITTED, before, BATCH)) {
            count += queue(Hop.OUTBOUND_SUBMITTED, m);
        }
        for (ConnectorMessage m : store.stalled(MessageState.ACCEPTED, before, BATCH)) {
            count += queue(m.kind() == MessageKind.BUSINESS ? Hop.OUTBOUND_DISPATCH : Hop.EVIDENCE_OUTBOUND, m);
        }
        for (ConnectorMessage m : store.stalled(MessageState.RECEIVED, before, BATCH)) {
            count += queue(Hop.INBOUND_RECEIVED, m);
        }
        return count;
    }

    private int queue(Hop hop, ConnectorMessage message) {
        LOG.info("message {} rested in {} since {}; queued again on {}", message.connectorMessageId(),
                message.state(), message.createdAt(), hop.queue());
        bus.publish(hop, message.connectorMessageId(), message.conversationId());
        return 1;
    }
}
