package eu.lexbridge.core.flow;

import eu.lexbridge.core.evidence.RejectionReason;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.TimelineEntry;
import eu.lexbridge.core.port.Hop;
import eu.lexbridge.core.port.MessageBus;
import eu.lexbridge.core.port.MessageStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues again what was stored but never queued: the database write and the queue write are not one transaction (no
 * XA), so a crash between them leaves a message waiting in its state. Resting means nothing on its timeline for the
 * grace time: a message whose send is being retried notes each attempt ({@link SendRetries}) and is not stalled. Every
 * step is idempotent, so queueing a message that is in fact still in flight does no harm.
 *
 * <p>A message is queued again a bounded number of times, each recorded on its timeline: a submitted or accepted
 * message that is still stalled after that is ended with its negative evidence (SUBMISSION_REJECTION,
 * RELAY_REMMD_FAILURE) instead of being queued for ever — a step that fails the same way every time does not heal.
 * Which hop takes a resting message on is {@link Topology}'s to say. A message an asynchronous gateway has taken waits
 * for the gateway's report and is left alone; the relay timeout ends it if the report never comes.
 */
public final class StalledWork {

    private static final Logger LOG = LoggerFactory.getLogger(StalledWork.class);
    private static final int BATCH = 200;
    /** How a requeue is recorded on the timeline; the count of these lines is the message's requeue count. */
    static final String REQUEUED = "queued again by the stalled-work sweep";

    private final MessageStore store;
    private final MessageBus bus;
    private final OutboundPreparation preparation;
    private final Dispatch dispatch;
    private final Clock clock;
    private final Duration grace;
    private final int maxRequeues;

    /**
     * @param preparation ends a submitted message that stays stalled
     * @param dispatch ends an accepted message that stays stalled
     * @param grace how long a message may rest in a state before it counts as stalled; longer than send retries
     * @param maxRequeues how often one message is queued again before it is ended with its negative evidence
     */
    public StalledWork(MessageStore store, MessageBus bus, OutboundPreparation preparation, Dispatch dispatch,
                       Clock clock, Duration grace, int maxRequeues) {
        if (maxRequeues < 1) {
            throw new IllegalArgumentException("maxRequeues must be at least 1");
        }
        this.store = store;
        this.bus = bus;
        this.preparation = preparation;
        this.dispatch = dispatch;
        this.clock = clock;
        this.grace = grace;
        this.maxRequeues = maxRequeues;
    }

    /**
     * Queues again, on the hop {@link Topology#resuming} names, every message resting in a resumable state past the
     * grace; an outbound one no more than {@code maxRequeues} times.
     *
     * @return how many messages were queued again
     */
    public int requeue() {
        var before = clock.instant().minus(grace);
        int count = 0;
        for (MessageState state : Topology.resumableStates()) {
            for (ConnectorMessage m : store.stalled(state, before, BATCH)) {
                var resuming = Topology.resuming(m);
                if (resuming.isEmpty() || dispatch.awaitsReport(m)) {
                    continue; // nothing owed to it here, or an asynchronous gateway still has it
                }
                List<TimelineEntry> timeline = store.timeline(m.connectorMessageId());
                if (timeline.stream().anyMatch(e -> e.at().isAfter(before) && !requeue(e))) {
                    continue; // at work: a send being retried notes each attempt
                }
                if (m.direction() == Direction.INBOUND || withinBound(timeline)) {
                    count += queue(resuming.get().next(), m);
                } else {
                    giveUp(m);
                }
            }
        }
        return count;
    }

    /**
     * Ends an outbound message that stays stalled with its negative evidence. A received message is never given up
     * here: its sender's access point holds no receipt until it is stored, and requeueing it costs nothing.
     */
    private void giveUp(ConnectorMessage m) {
        if (m.state() == MessageState.SUBMITTED) {
            preparation.giveUp(m.connectorMessageId(), "it stayed unprepared after " + maxRequeues
                    + " requeues by the stalled-work sweep");
        } else {
            dispatch.giveUp(m.connectorMessageId(), RejectionReason.UNREACHABLE.because(
                    "the message stayed unsent after " + maxRequeues + " requeues by the stalled-work sweep"));
        }
    }

    /** True while the message has been queued again fewer than {@code maxRequeues} times. */
    private boolean withinBound(List<TimelineEntry> timeline) {
        long requeued = timeline.stream().filter(StalledWork::requeue).count();
        return requeued < maxRequeues;
    }

    private static boolean requeue(TimelineEntry entry) {
        return entry.detail() != null && entry.detail().startsWith(REQUEUED);
    }

    private int queue(Hop hop, ConnectorMessage message) {
        LOG.info("message {} rested in {} since {}; queued again on {}", message.connectorMessageId(),
                message.state(), message.createdAt(), hop.queue());
        if (message.state() != MessageState.RECEIVED) {
            store.note(TimelineEntry.state(message.connectorMessageId(), clock.instant(), message.state(),
                    REQUEUED + " on " + hop.queue()));
        }
        bus.publish(hop, message.connectorMessageId(), message.conversationId());
        return 1;
    }
}
