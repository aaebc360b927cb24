package eu.lexbridge.core.record;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A procedural time limit of a conversation, as its messages leave it at a moment: started by one message, met,
 * cancelled, suspended or missed by those after it.
 *
 * @param id the limit's id in the engine's table (e.g. {@code D2})
 * @param title what must be done, in a sentence
 * @param source the legal source (e.g. {@code Reg (EU) 2023/1543 Art 10(3)})
 * @param actor who must act (e.g. {@code addressee})
 * @param messageId the connector message id (or another id) of the message that started it, or {@code null}
 * @param dueAt when it ends, or {@code null} when it is open-ended
 * @param closedAt when it was met, cancelled or closed, or {@code null}
 * @param late met, but after it was due
 */
public record CaseDeadline(String id, String title, String source, String actor, String messageId, Instant startedAt,
                           Instant dueAt, Status status, Instant closedAt, boolean late) {

    /** Where a time limit stands. */
    public enum Status {
        /** Counting. */
        RUNNING,
        /** Stopped for now (e.g. a clarification was asked); counts on when it resumes. */
        SUSPENDED,
        /** The duty was done (see {@code late}). */
        MET,
        /** Due and not done. */
        MISSED,
        /** No longer owed (withdrawn, no longer needed). */
        CANCELLED,
        /** A window (e.g. to object) that ended; nothing was owed. */
        CLOSED,
        /** Running with no end (e.g. preserve until a request arrives). */
        OPEN
    }

    public CaseDeadline {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(status, "status");
    }

    /** Whether it is running and ends within {@code window} of {@code now}, not yet ended: due soon. */
    public boolean dueWithin(Duration window, Instant now) {
        return status == Status.RUNNING && dueAt != null && now.isBefore(dueAt) && !dueAt.isAfter(now.plus(window));
    }
}
