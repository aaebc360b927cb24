package eu.lexbridge.record.deadline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Works out the deadlines of one conversation: given the procedural steps its messages carried and the time asked
 * about, which time limits are running, suspended, met, missed or cancelled, and when each is due.
 *
 * <p>The steps are taken in time order (sorted here, stably, so equal times keep the order given). Each step first
 * acts on the deadlines earlier steps started (meet, cancel, reset, suspend, resume), then starts the deadlines of
 * the rules it triggers. Steps after {@code now} are not yet known and are ignored, so the result is the state as it
 * stood at {@code now}: a court can ask about any past day. The days count in the calendar of the acting side's
 * Member State ({@link Actor}), or of the default state when the step does not name it.
 *
 * <p>A suspension freezes the time left as elapsed (wall-clock) time: on resumption that time runs on from the
 * resuming step; it is not counted again in calendar or working days, nor extended over a weekend. A reset starts the
 * rule again from the resetting step with its full limit. No clock is read: the caller passes {@code now}. Pure and
 * deterministic; safe to share between threads.
 */
public final class DeadlineEngine {

    private final List<DeadlineRule> rules;
    private final WorkingCalendars calendars;
    private final String defaultState;

    /**
     * @param rules the time limits to track, with distinct ids
     * @param calendars the Member States' working calendars
     * @param defaultState the Member State whose calendar counts when a step names none
     */
    public DeadlineEngine(List<DeadlineRule> rules, WorkingCalendars calendars, String defaultState) {
        this.rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
        this.calendars = Objects.requireNonNull(calendars, "calendars");
        this.defaultState = calendars.forState(Objects.requireNonNull(defaultState, "defaultState")).state();
        Set<String> ids = new HashSet<>();
        for (DeadlineRule rule : this.rules) {
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("Two deadline rules have the id " + rule.id() + ".");
            }
        }
    }

    public List<DeadlineRule> rules() {
        return rules;
    }

    /**
     * The conversation's deadlines at {@code now}, by start time, then rule id.
     *
     * @param events the steps of one conversation, in any order
     * @param now the time asked about
     */
    public List<Deadline> evaluate(List<StepEvent> events, Instant now) {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(now, "now");
        List<StepEvent> known = events.stream()
                .map(event -> Objects.requireNonNull(event, "event"))
                .filter(event -> !event.at().isAfter(now))
                .sorted(Comparator.comparing(StepEvent::at))
                .toList();
        List<DeadlineTrack> tracks = new ArrayList<>();
        for (int i = 0; i < known.size(); i++) {
            StepEvent event = known.get(i);
            tracks.replaceAll(track -> track.after(event));
            List<StepEvent> earlier = known.subList(0, i);
            for (DeadlineRule rule : rules) {
                if (starts(rule, event, earlier)) {
                    tracks.add(DeadlineTrack.start(rule, event, calendarOf(rule, event),
                            countedFrom(rule, event, earlier)));
                }
            }
        }
        return tracks.stream().map(track -> track.at(now)).sorted(Deadline.ORDER).toList();
    }

    /** The deadlines still owed at {@code now}: running, suspended or open-ended. */
    public List<Deadline> pending(List<StepEvent> events, Instant now) {
        return evaluate(events, now).stream().filter(Deadline::pending).toList();
    }

    private static boolean starts(DeadlineRule rule, StepEvent event, List<StepEvent> earlier) {
        if (!rule.startedBy(event)) {
            return false;
        }
        if (rule.follows() == null) {
            return true;
        }
        // The latest order before the step decides: an EPOC after an EPOC-PR is what a later request refers to.
        for (int i = earlier.size() - 1; i >= 0; i--) {
            if (earlier.get(i).step().isOrder()) {
                return earlier.get(i).step() == rule.follows();
            }
        }
        return false;
    }

    private static Instant countedFrom(DeadlineRule rule, StepEvent event, List<StepEvent> earlier) {
        if (rule.anchor() != null) {
            for (int i = earlier.size() - 1; i >= 0; i--) {
                if (earlier.get(i).step() == rule.anchor()) {
                    return earlier.get(i).at();
                }
            }
        }
        // No anchor step in the conversation: the starting step is the best time known.
        return event.at();
    }

    private WorkingCalendar calendarOf(DeadlineRule rule, StepEvent event) {
        String state = rule.actor().stateIn(event);
        return calendars.forState(state == null ? defaultState : state);
    }
}
