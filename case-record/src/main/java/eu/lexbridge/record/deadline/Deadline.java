package eu.lexbridge.record.deadline;

import eu.lexbridge.core.record.CaseDeadline.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One deadline of a conversation as it stands at the time the engine was asked about.
 *
 * @param ruleId the rule, e.g. "D2"
 * @param title the rule's title: the duty and what follows if it is missed
 * @param source the legal source
 * @param role who must act: "addressee", "enforcing authority", "issuing authority"
 * @param triggerMessageId the message whose step started it
 * @param startedAt when that message was received
 * @param countedFrom when the count began: the start, an earlier anchor step (D13), or the last reset
 * @param dueAt when it expires: the first instant after the period, so an act must come before it; null when
 *     open-ended or suspended
 * @param status where it stands
 * @param closedAt when it was met or cancelled, or, for a CLOSED window, when the window ended; else null
 * @param closedByMessageId the message that met or cancelled it; else null
 * @param remaining the time it had left when suspended; null unless SUSPENDED
 * @param late true when it was met or cancelled after its due time: a late production stays visible
 * @param resets how often a step reset it (e.g. NEW_DEADLINE)
 */
public record Deadline(String ruleId, String title, String source, String role, String triggerMessageId,
                       Instant startedAt, Instant countedFrom, Instant dueAt, Status status, Instant closedAt,
                       String closedByMessageId, Duration remaining, boolean late, int resets) {

    /** By start, then by rule id with its number read as a number (D2 before D10). */
    public static final Comparator<Deadline> ORDER = Comparator.comparing(Deadline::startedAt)
            .thenComparing(Deadline::ruleId, Comparator.comparingInt(String::length)
                    .thenComparing(Comparator.naturalOrder()));

    public Deadline {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(triggerMessageId, "triggerMessageId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(countedFrom, "countedFrom");
        Objects.requireNonNull(status, "status");
        if (status == Status.SUSPENDED && remaining == null) {
            throw new IllegalArgumentException("A suspended deadline keeps the time it had left.");
        }
        if (resets < 0) {
            throw new IllegalArgumentException("A deadline cannot be reset " + resets + " times.");
        }
    }

    /** Whether it is still owed: running, suspended or open-ended. */
    public boolean pending() {
        return status == Status.RUNNING || status == Status.SUSPENDED
                || status == Status.OPEN;
    }
}
