package eu.lexbridge.core.port;

import eu.lexbridge.core.record.DeadlineAlert;
import java.util.List;

/**
 * The alerts about time limits due soon or missed, kept so that each is told once, by whichever replica finds it
 * first, and survives a restart: an outbox like {@link MessageEvents}, with the same claim.
 */
public interface DeadlineAlerts {

    /**
     * Keeps {@code alert} unless the same one ({@link DeadlineAlert#sameAs}) is kept already.
     *
     * @return whether it was kept now
     */
    boolean raise(DeadlineAlert alert);

    /** Alerts not yet handed on, lowest sequence first, at most {@code limit}. */
    List<DeadlineAlert> pending(int limit);

    /**
     * Hands the alert on once among every replica: claims it and runs {@code whileClaimed} as one unit. When it is
     * handed on already, or unknown, nothing runs and the answer is {@code false}. When {@code whileClaimed} throws, the
     * claim is undone, the alert stays pending and the exception goes to the caller.
     */
    boolean handOn(long sequence, Runnable whileClaimed);

    /**
     * One back-end's alerts with a sequence above {@code afterSequence}, lowest first, at most {@code limit}, whether
     * handed on or not: what a back-end that pulls reads. Nothing is marked.
     */
    List<DeadlineAlert> alertsOf(String backendName, long afterSequence, int limit);
}
