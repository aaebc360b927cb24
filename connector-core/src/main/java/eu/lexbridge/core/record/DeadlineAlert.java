package eu.lexbridge.core.record;

import java.time.Instant;
import java.util.Objects;

/**
 * A time limit of a back-end's conversation that is due soon or was missed, as the back-end is told it: once per limit
 * and kind, pushed to a back-end that takes pushes, listed for one that pulls. Ids and the limit's own text only, never
 * message content.
 *
 * @param sequence its place among the alerts, given by the store when it is kept (0 before)
 * @param deadlineId the limit's id (e.g. {@code D4})
 * @param startedBy the message (or record) that started the limit, or {@code ""} when none is known
 * @param dueAt when the limit ends
 * @param raisedAt when the watch found it due soon or missed
 */
public record DeadlineAlert(long sequence, Kind kind, String backendName, String conversationId, String deadlineId,
                            String title, String source, String actor, String startedBy, Instant startedAt,
                            Instant dueAt, Instant raisedAt) {

    /** What the back-end is told. */
    public enum Kind {
        /** A running limit ends within the warning time. */
        DUE_SOON,
        /** A limit ended and its duty is still owed. */
        MISSED
    }

    public DeadlineAlert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(backendName, "backendName");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(deadlineId, "deadlineId");
        Objects.requireNonNull(title, "title");
        startedBy = startedBy == null ? "" : startedBy;
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(raisedAt, "raisedAt");
    }

    /**
     * The alert of {@code deadline}, not yet kept.
     *
     * @throws IllegalArgumentException for a limit without an end: it can be neither due soon nor missed
     */
    public static DeadlineAlert of(Kind kind, String backendName, String conversationId, CaseDeadline deadline,
                                   Instant raisedAt) {
        if (deadline.dueAt() == null) {
            throw new IllegalArgumentException("time limit " + deadline.id() + " has no end to be due at");
        }
        return new DeadlineAlert(0, kind, backendName, conversationId, deadline.id(), deadline.title(),
                deadline.source(), deadline.actor(), deadline.messageId(), deadline.startedAt(), deadline.dueAt(),
                raisedAt);
    }

    /** The same alert as kept, with its sequence. */
    public DeadlineAlert kept(long sequence) {
        return new DeadlineAlert(sequence, kind, backendName, conversationId, deadlineId, title, source, actor,
                startedBy, startedAt, dueAt, raisedAt);
    }

    /** Whether both tell the same back-end the same thing about the same limit: one of them is enough. */
    public boolean sameAs(DeadlineAlert other) {
        return kind == other.kind && backendName.equals(other.backendName)
                && conversationId.equals(other.conversationId) && deadlineId.equals(other.deadlineId)
                && startedBy.equals(other.startedBy);
    }
}
