package eu.lexbridge.core.record;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything a conversation holds, in time order: its messages (both directions), their states and evidences, the
 * transmissions recorded outside the system and its procedural deadlines, as of {@code asOf}.
 */
public record CaseTimeline(String conversationId, Instant asOf, List<Entry> entries, List<CaseDeadline> deadlines,
                           List<TransmissionRecord> records) {

    public CaseTimeline {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(asOf, "asOf");
        entries = entries.stream().sorted(Entry.ORDER).toList();
        deadlines = List.copyOf(deadlines);
        records = List.copyOf(records);
    }

    /** What a line is about. */
    public enum Kind {
        /** A business message sent or received. */
        MESSAGE,
        /** A state a message reached. */
        STATE,
        /** An evidence issued or received. */
        EVIDENCE,
        /** A transmission outside the system, recorded. */
        TRANSMISSION,
        /** A time limit started, ended or fell due. */
        DEADLINE
    }

    /**
     * One line.
     *
     * @param subject the message's connector id, the record's id, or the deadline's id
     * @param title a short label (a state, an evidence type, an action, a deadline's id and status)
     * @param detail a sentence; never payload content
     */
    public record Entry(Instant at, Kind kind, String subject, String title, String detail) {
        /** Time first; at one instant a message before its states, evidences, records and deadlines. */
        static final Comparator<Entry> ORDER = Comparator.comparing(Entry::at).thenComparing(Entry::kind);

        public Entry {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(title, "title");
        }

        public static Entry of(Instant at, Kind kind, UUID subject, String title, String detail) {
            return new Entry(at, kind, subject.toString(), title, detail);
        }
    }
}
