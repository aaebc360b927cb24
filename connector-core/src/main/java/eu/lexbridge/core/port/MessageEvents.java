package eu.lexbridge.core.port;

import eu.lexbridge.core.message.MessageEvent;
import java.util.List;

/**
 * The outbox: every change of a message's state and every evidence recorded, written by the {@link MessageStore} in the
 * same transaction as the change, so that whatever hands changes on (a push to the back-end, a notification, a
 * statistic) misses none and sees none that was rolled back.
 *
 * <p>What the store writes, as {@code MessageStoreContract} checks it: exactly one event for each {@code advance} that
 * moved a message (the state reached) and for each {@code recordEvidence} that recorded an evidence (its type and
 * origin, with the state reached when it moved the subject, or none when the state could not follow); none for a
 * call that changed nothing (an illegal transition, an evidence already recorded, a carrier that could not be stored).
 * Inserts, notes, payloads and back-end assignments write no event.
 */
public interface MessageEvents {

    /** Events not yet handed on, in the order they were written (lowest sequence first), at most {@code limit}. */
    List<MessageEvent> pending(int limit);

    /**
     * Hands the event on once among every relay reading this outbox (the replicas of a connector share it): claims the
     * event and runs {@code whileClaimed} as one unit, so that the event is no longer pending once it returns. When the
     * event is handed on already (by another replica, or before), or unknown, nothing runs and the answer is
     * {@code false}. When {@code whileClaimed} throws, the claim is undone, the event stays pending and the exception
     * goes to the caller. A relay that finds an event claimed by another waits until that one is done, so events are
     * handed on in their order.
     *
     * @return whether this call handed the event on
     */
    boolean handOn(long sequence, Runnable whileClaimed);

    /**
     * One back-end's change feed: the events about the business messages routed to {@code backendName} (those it
     * submitted and those it received), with a sequence above {@code afterSequence}, lowest first, at most
     * {@code limit}. A read only: whether an event is handed on does not matter here, and nothing is marked. Events
     * about evidence carriers, and about messages of another back-end or of none, are not among them.
     */
    List<MessageEvent> eventsOf(String backendName, long afterSequence, int limit);

    /**
     * How many events (of every back-end) are written, and visible now, with a sequence above {@code afterSequence}
     * up to {@code throughSequence}. Fewer than {@code throughSequence - afterSequence} means gaps: a sequence taken by
     * a transaction that has not committed yet, or by one that rolled back.
     */
    long written(long afterSequence, long throughSequence);
}
