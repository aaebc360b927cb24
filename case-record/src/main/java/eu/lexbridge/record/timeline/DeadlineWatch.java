package eu.lexbridge.record.timeline;

import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.port.TransmissionRecords;
import eu.lexbridge.core.record.CaseDeadline;
import eu.lexbridge.core.record.TransmissionRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Looks over the conversations active lately for time limits due soon or missed, as each back-end's timeline shows
 * them: what operations count and alert on. A conversation is looked at from each back-end that has a message in it.
 */
public final class DeadlineWatch {

    /** More conversations than one connector has in its horizon; past it the most recently active are watched. */
    static final int MAX_CONVERSATIONS = 10_000;
    private static final int MAX_MESSAGES = 10_000;

    private final MessageStore messages;
    private final TransmissionRecords records;
    private final CaseDeadlines deadlines;
    private final Duration horizon;
    private final Duration warning;

    /**
     * @param horizon how far back a conversation's last message may be for it to be watched (the longest limit is
     *     90 days, D13)
     * @param warning how long before it ends a running limit counts as due soon
     */
    public DeadlineWatch(MessageStore messages, TransmissionRecords records, CaseDeadlines deadlines,
                         Duration horizon, Duration warning) {
        this.messages = messages;
        this.records = records;
        this.deadlines = deadlines;
        this.horizon = Objects.requireNonNull(horizon, "horizon");
        this.warning = Objects.requireNonNull(warning, "warning");
    }

    /** A time limit of one back-end's conversation. */
    public record Watched(String conversationId, String backendName, CaseDeadline deadline) {
    }

    /**
     * @param dueSoon running limits that end within the warning
     * @param missed limits not met by their end, still owed
     * @param conversations how many conversations were looked at
     */
    public record Report(Instant at, List<Watched> dueSoon, List<Watched> missed, int conversations) {
        public Report {
            dueSoon = List.copyOf(dueSoon);
            missed = List.copyOf(missed);
        }

        public static Report empty(Instant at) {
            return new Report(at, List.of(), List.of(), 0);
        }
    }

    public Report check(Instant now) {
        if (deadlines == CaseDeadlines.NONE) {
            return Report.empty(now); // no service carries a time limit: nothing to read the conversations for
        }
        List<Watched> dueSoon = new ArrayList<>();
        List<Watched> missed = new ArrayList<>();
        List<String> active = messages.activeConversations(now.minus(horizon),
                now.plus(Duration.ofDays(1)), MAX_CONVERSATIONS); // a day ahead: a clock of another replica
        for (String conversationId : active) {
            Map<String, List<ConnectorMessage>> byBackend = new LinkedHashMap<>();
            messages.conversation(conversationId, MAX_MESSAGES).stream().filter(m -> m.backendName() != null)
                    .forEach(m -> byBackend.computeIfAbsent(m.backendName(), b -> new ArrayList<>()).add(m));
            List<TransmissionRecord> kept = records.inConversation(conversationId);
            byBackend.forEach((backend, own) -> {
                List<TransmissionRecord> theirs = kept.stream().filter(r -> r.backendName().equals(backend))
                        .toList();
                for (CaseDeadline deadline : deadlines.of(own, theirs, now)) {
                    if (deadline.status() == CaseDeadline.Status.MISSED) {
                        missed.add(new Watched(conversationId, backend, deadline));
                    } else if (deadline.dueWithin(warning, now)) {
                        dueSoon.add(new Watched(conversationId, backend, deadline));
                    }
                }
            });
        }
        return new Report(now, dueSoon, missed, active.size());
    }
}
