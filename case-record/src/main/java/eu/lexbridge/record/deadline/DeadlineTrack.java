package eu.lexbridge.record.deadline;

import eu.lexbridge.core.record.CaseDeadline.Status;
import java.time.Duration;
import java.time.Instant;

/**
 * One deadline while the engine walks a conversation's steps: immutable, each step gives the next state. A suspension
 * keeps the time left as a wall-clock duration; on resumption that duration runs on from the resuming step, so the
 * suspended time counts as elapsed time and is not counted again in calendar or working days.
 */
record DeadlineTrack(DeadlineRule rule, StepEvent trigger, WorkingCalendar calendar, Instant countedFrom, Phase phase,
                     Instant due, Duration remaining, Instant closedAt, String closedBy, boolean late, int resets) {

    enum Phase { ACTIVE, SUSPENDED, MET, CANCELLED }

    static DeadlineTrack start(DeadlineRule rule, StepEvent trigger, WorkingCalendar calendar, Instant countedFrom) {
        return new DeadlineTrack(rule, trigger, calendar, countedFrom, Phase.ACTIVE, dueFrom(rule, countedFrom,
                calendar), null, null, null, false, 0);
    }

    /** The state after a later step of the conversation; meeting wins over cancelling, reset, suspension, resume. */
    DeadlineTrack after(StepEvent event) {
        if (phase == Phase.MET || phase == Phase.CANCELLED) {
            return this;
        }
        ProcedureStep step = event.step();
        Instant at = event.at();
        if (rule.metBy().contains(step)) {
            return close(Phase.MET, event);
        }
        if (rule.cancelledBy().contains(step)) {
            return close(Phase.CANCELLED, event);
        }
        if (rule.resetBy().contains(step)) {
            return new DeadlineTrack(rule, trigger, calendar, at, Phase.ACTIVE, dueFrom(rule, at, calendar), null,
                    null, null, false, resets + 1);
        }
        // Suspending after the due time would freeze nothing: the deadline was already missed.
        if (rule.suspendedBy().contains(step) && phase == Phase.ACTIVE && due != null && at.isBefore(due)) {
            return new DeadlineTrack(rule, trigger, calendar, countedFrom, Phase.SUSPENDED, null,
                    Duration.between(at, due), null, null, false, resets);
        }
        if (rule.resumedBy().contains(step) && phase == Phase.SUSPENDED) {
            return new DeadlineTrack(rule, trigger, calendar, countedFrom, Phase.ACTIVE, at.plus(remaining), null,
                    null, null, false, resets);
        }
        return this;
    }

    /** The deadline as it stands at {@code now}. */
    Deadline at(Instant now) {
        Status status;
        Instant closed = closedAt;
        switch (phase) {
            case MET -> status = Status.MET;
            case CANCELLED -> status = Status.CANCELLED;
            case SUSPENDED -> status = Status.SUSPENDED;
            default -> {
                if (due == null) {
                    status = Status.OPEN;
                } else if (now.isBefore(due)) {
                    status = Status.RUNNING;
                } else if (rule.window()) {
                    status = Status.CLOSED;
                    closed = due;
                } else {
                    status = Status.MISSED;
                }
            }
        }
        return new Deadline(rule.id(), rule.title(), rule.source(), rule.role(), trigger.messageId(), trigger.at(),
                countedFrom, due, status, closed, closedBy, remaining, late, resets);
    }

    private DeadlineTrack close(Phase closing, StepEvent event) {
        // A suspended deadline had its clock stopped, so it cannot have run late.
        boolean afterDue = phase == Phase.ACTIVE && due != null && !event.at().isBefore(due);
        return new DeadlineTrack(rule, trigger, calendar, countedFrom, closing, due, null, event.at(),
                event.messageId(), afterDue, resets);
    }

    private static Instant dueFrom(DeadlineRule rule, Instant from, WorkingCalendar calendar) {
        return rule.openEnded() ? null : rule.limit().endFrom(from, calendar);
    }
}
