package eu.lexbridge.record.deadline;

import eu.lexbridge.record.deadline.StepEvent.Flag;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A legal time limit: which step starts it, how long it runs and for whom, and which later steps of the same
 * conversation meet it (the duty is done), cancel it (no longer owed), suspend it, resume it or reset it (start it
 * again, with the same limit, from the resetting step).
 *
 * @param id short id, e.g. "D2"
 * @param title a short sentence: the duty and what follows if it is missed
 * @param source the legal source, e.g. "Reg (EU) 2023/1543 Art 10(3)"
 * @param startsOn the steps that start it (any of them)
 * @param requiredFlags flags the starting event must carry, all of them
 * @param excludedFlags flags the starting event must not carry, none of them
 * @param follows if set, it starts only when the latest order step before the starting one (EPOC or EPOC-PR) is this
 * @param anchor if set, the limit counts from the latest earlier event of this step in the conversation (D13 counts
 *     90 days from the EPOC-PR, not from the extension); from the starting event when there is none
 * @param limit how long; null for an open-ended duty (it runs until met or cancelled)
 * @param actor the side of the starting message that must act; its Member State's calendar counts
 * @param role the actor's role for display: "addressee", "enforcing authority", "issuing authority"
 * @param window true for a period in which the actor may act but need not (a reasoned objection): at its end it is
 *     CLOSED, never MISSED
 * @param metBy steps that fulfil it
 * @param cancelledBy steps after which it is no longer owed
 * @param suspendedBy steps that freeze its remaining time
 * @param resumedBy steps that restart a suspended one with the time it had left
 * @param resetBy steps that start it again from their own time
 */
public record DeadlineRule(String id, String title, String source, Set<ProcedureStep> startsOn,
                           Set<Flag> requiredFlags, Set<Flag> excludedFlags, ProcedureStep follows,
                           ProcedureStep anchor, TimeLimit limit, Actor actor, String role, boolean window,
                           Set<ProcedureStep> metBy, Set<ProcedureStep> cancelledBy, Set<ProcedureStep> suspendedBy,
                           Set<ProcedureStep> resumedBy, Set<ProcedureStep> resetBy) {

    public DeadlineRule {
        requireText(id, "id");
        requireText(title, "title");
        requireText(source, "source");
        requireText(role, "role");
        Objects.requireNonNull(actor, "actor");
        startsOn = steps(startsOn, "startsOn");
        requiredFlags = flags(requiredFlags, "requiredFlags");
        excludedFlags = flags(excludedFlags, "excludedFlags");
        metBy = steps(metBy, "metBy");
        cancelledBy = steps(cancelledBy, "cancelledBy");
        suspendedBy = steps(suspendedBy, "suspendedBy");
        resumedBy = steps(resumedBy, "resumedBy");
        resetBy = steps(resetBy, "resetBy");
        if (startsOn.isEmpty()) {
            throw new IllegalArgumentException("The rule " + id + " needs a step that starts it.");
        }
        if (!Collections.disjoint(requiredFlags, excludedFlags)) {
            throw new IllegalArgumentException("The rule " + id + " both requires and excludes " + requiredFlags
                    .stream().filter(excludedFlags::contains).toList() + ".");
        }
        if (window && limit == null) {
            throw new IllegalArgumentException("The rule " + id + " is a window, so it needs a time limit.");
        }
        if (limit == null && (!suspendedBy.isEmpty() || !resetBy.isEmpty())) {
            throw new IllegalArgumentException("The rule " + id + " is open-ended: there is no time to suspend or"
                    + " reset.");
        }
        if (follows != null && !follows.isOrder()) {
            throw new IllegalArgumentException("The rule " + id + " can only follow an order step (EPOC or EPOC_PR),"
                    + " not " + follows + ".");
        }
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Whether the rule runs until met or cancelled, with no time limit. */
    public boolean openEnded() {
        return limit == null;
    }

    /**
     * Whether the event, by its step and flags, starts this rule. The engine checks {@link #follows()} itself: it
     * needs the conversation's earlier steps.
     */
    public boolean startedBy(StepEvent event) {
        return startsOn.contains(event.step()) && event.flags().containsAll(requiredFlags)
                && Collections.disjoint(event.flags(), excludedFlags);
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException("A deadline rule needs a non-blank " + name + ".");
        }
    }

    private static Set<ProcedureStep> steps(Set<ProcedureStep> steps, String name) {
        Objects.requireNonNull(steps, name);
        return Collections.unmodifiableSet(steps.isEmpty() ? EnumSet.noneOf(ProcedureStep.class)
                : EnumSet.copyOf(steps));
    }

    private static Set<Flag> flags(Set<Flag> flags, String name) {
        Objects.requireNonNull(flags, name);
        return Collections.unmodifiableSet(flags.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(flags));
    }

    /** Builds a rule step by step; everything but the id, title, source, start, actor and role is optional. */
    public static final class Builder {

        private final String id;
        private String title;
        private String source;
        private Set<ProcedureStep> startsOn = Set.of();
        private Set<Flag> requiredFlags = Set.of();
        private Set<Flag> excludedFlags = Set.of();
        private ProcedureStep follows;
        private ProcedureStep anchor;
        private TimeLimit limit;
        private Actor actor;
        private String role;
        private boolean window;
        private Set<ProcedureStep> metBy = Set.of();
        private Set<ProcedureStep> cancelledBy = Set.of();
        private Set<ProcedureStep> suspendedBy = Set.of();
        private Set<ProcedureStep> resumedBy = Set.of();
        private Set<ProcedureStep> resetBy = Set.of();

        private Builder(String id) {
            this.id = id;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        public Builder startsOn(ProcedureStep... steps) {
            this.startsOn = Set.copyOf(List.of(steps));
            return this;
        }

        public Builder requiring(Flag... flags) {
            this.requiredFlags = Set.copyOf(List.of(flags));
            return this;
        }

        public Builder excluding(Flag... flags) {
            this.excludedFlags = Set.copyOf(List.of(flags));
            return this;
        }

        public Builder following(ProcedureStep order) {
            this.follows = order;
            return this;
        }

        public Builder countedFrom(ProcedureStep anchor) {
            this.anchor = anchor;
            return this;
        }

        public Builder limit(TimeLimit limit) {
            this.limit = limit;
            return this;
        }

        public Builder actor(Actor actor, String role) {
            this.actor = actor;
            this.role = role;
            return this;
        }

        public Builder window() {
            this.window = true;
            return this;
        }

        public Builder metBy(ProcedureStep... steps) {
            this.metBy = Set.copyOf(List.of(steps));
            return this;
        }

        public Builder cancelledBy(ProcedureStep... steps) {
            this.cancelledBy = Set.copyOf(List.of(steps));
            return this;
        }

        public Builder suspendedBy(ProcedureStep... steps) {
            this.suspendedBy = Set.copyOf(List.of(steps));
            return this;
        }

        public Builder resumedBy(ProcedureStep... steps) {
            this.resumedBy = Set.copyOf(List.of(steps));
            return this;
        }

        public Builder resetBy(ProcedureStep... steps) {
            this.resetBy = Set.copyOf(List.of(steps));
            return this;
        }

        public DeadlineRule build() {
            return new DeadlineRule(id, title, source, startsOn, requiredFlags, excludedFlags, follows, anchor, limit,
                    actor, role, window, metBy, cancelledBy, suspendedBy, resumedBy, resetBy);
        }
    }
}
