package eu.lexbridge.core.flow;

import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageEvent;
import eu.lexbridge.core.message.TimelineEntry;
import eu.lexbridge.core.port.BackendLink;
import eu.lexbridge.core.port.MessageBus;
import eu.lexbridge.core.port.MessageEvents;
import eu.lexbridge.core.port.MessageStore;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Offers every evidence recorded about a back-end's outbound business message to that back-end through its
 * {@link BackendLink}: SUBMISSION_ACCEPTANCE/REJECTION and RELAY_REMMD_FAILURE issued here, RELAY_REMMD_ACCEPTANCE/
 * REJECTION, DELIVERY, NON_DELIVERY, RETRIEVAL and NON_RETRIEVAL received. A pull back-end answers Held: it reads
 * them from its change feed. A push back-end gets them pushed, in chain order (ecodex-wire §2.2).
 *
 * <p>The evidences are taken from the outbox ({@link MessageEvents}), which the store writes in the transaction that
 * records each evidence, whichever flow recorded it: so none is missed if the process stops between recording an
 * evidence and queueing it, and they are queued in the order they were recorded. {@link #relay} queues them, the
 * conversation as message group, so one conversation's evidences are offered one after the other; {@link #forward}
 * offers one. A crash between queueing and marking an event handed on queues it twice: the back-end may be offered
 * an evidence twice, as a redelivered push may offer it twice anyway.
 */
public final class EvidenceForwarding {

    /** Outbox events read per relay; the rest wait for the next one. */
    static final int BATCH = 200;

    private final MessageStore store;
    private final MessageEvents events;
    private final MessageBus bus;
    private final BackendLink link;
    private final Clock clock;

    public EvidenceForwarding(MessageStore store, MessageEvents events, MessageBus bus, BackendLink link,
                              Clock clock) {
        this.store = store;
        this.events = events;
        this.bus = bus;
        this.link = link;
        this.clock = clock;
    }

    /** What became of one evidence on its way to the back-end. Unreachable is an exception (another attempt). */
    public sealed interface Outcome permits Offered, Skipped {
    }

    /** The back-end has it, holds it for its pull, or refused it. */
    public record Offered(String backendName, BackendLink.Handover handover) implements Outcome {
        public Offered {
            Objects.requireNonNull(backendName, "backendName");
            Objects.requireNonNull(handover, "handover");
        }
    }

    /** Nothing to offer: the evidence or its message is unknown. */
    public record Skipped(String why) implements Outcome {
        public Skipped {
            Objects.requireNonNull(why, "why");
        }
    }

    /**
     * Queues the evidence of each pending outbox event that is about a back-end's outbound business message, in the
     * outbox's order, and marks every pending event read handed on (state changes need nothing from here). An event
     * whose evidence could not be queued stays pending, and the events after it too: the next relay starts there.
     *
     * @return how many evidences were queued
     * @throws eu.lexbridge.core.error.ConnectorException QUEUE_UNAVAILABLE when the broker could not take one
     */
    public int relay() {
        int queued = 0;
        List<MessageEvent> page;
        do { // read on until the outbox is drained, so that a busy connector's evidences do not fall behind
            page = events.pending(BATCH);
            for (MessageEvent event : page) {
                // queued while the event is claimed: a replica relaying the same outbox skips what this one queued
                int[] one = {0};
                if (events.handOn(event.sequence(), () -> one[0] = queue(event))) {
                    queued += one[0];
                }
            }
        } while (page.size() == BATCH);
        return queued;
    }

    /** Queues the evidence of {@code event} when it is one about a back-end's outbound business message. */
    private int queue(MessageEvent event) {
        if (event.evidenceType() == null) {
            return 0;
        }
        ConnectorMessage subject = store.find(event.connectorMessageId())
                .filter(Topology.EVIDENCE_RECORDED::handsOn)
                .filter(m -> m.backendName() != null)
                // a pull back-end reads its evidences from its change feed: nothing to queue for it
                .filter(m -> link.pushesTo(m.backendName()))
                .orElse(null);
        Evidence evidence = subject == null ? null : store.findEvidence(subject.connectorMessageId(),
                event.evidenceType(), event.evidenceOrigin()).orElse(null);
        if (evidence == null) {
            return 0;
        }
        bus.publish(Topology.EVIDENCE_RECORDED.next(), evidence.evidenceId(), subject.conversationId());
        return 1;
    }

    /**
     * Offers one evidence to the back-end of the message it is about. Pushed and refused offers are noted on the
     * message's timeline; a refusal changes nothing else (an evidence cannot be refused into another evidence).
     *
     * @throws RetryableSendException when a push back-end could not be reached; the route's redelivery tries again,
     *     and the conversation's later evidences wait behind this one
     */
    public Outcome forward(UUID evidenceId) {
        Evidence evidence = store.findEvidence(evidenceId).orElse(null);
        ConnectorMessage subject = evidence == null ? null : store.find(evidence.subjectMessageId()).orElse(null);
        if (subject == null || subject.backendName() == null) {
            return new Skipped("evidence " + evidenceId + (evidence == null ? " is unknown"
                    : " is about a message of no back-end"));
        }
        String backend = subject.backendName();
        BackendLink.Handover handover = link.notify(subject, evidence);
        if (handover instanceof BackendLink.Unreachable unreachable) {
            throw new RetryableSendException("back-end " + backend + " could not be reached with " + evidence.type()
                    + ": " + unreachable.detail());
        }
        String detail = handover instanceof BackendLink.Pushed pushed
                ? "pushed to back-end " + backend + ": " + pushed.detail()
                : handover instanceof BackendLink.Refused refused
                ? "refused by back-end " + backend + ", which changes nothing: " + refused.detail()
                : null; // held: the back-end reads it from its change feed, nothing happened worth a line
        if (detail != null) {
            store.note(TimelineEntry.evidence(subject.connectorMessageId(), clock.instant(), evidence.type(),
                    evidence.origin(), detail));
        }
        return new Offered(backend, handover);
    }
}
