package eu.lexbridge.record.timeline;

import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.port.BackendLink;
import eu.lexbridge.core.port.DeadlineAlerts;
import eu.lexbridge.core.record.DeadlineAlert;
import eu.lexbridge.core.record.DeadlineAlert.Kind;
import eu.lexbridge.record.timeline.DeadlineWatch.Report;
import eu.lexbridge.record.timeline.DeadlineWatch.Watched;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells each back-end, once, that a time limit of its conversation is due soon or was missed: the watch's findings are
 * kept as alerts ({@link DeadlineAlerts}, which refuses one already kept), then every pending alert is offered through
 * the back-end's link. A back-end that pulls (or whose wire has no place for it) is answered Held and reads its alerts
 * from the API; one that could not be reached keeps its alerts pending, in order, for the next run.
 */
public final class DeadlineAlerting {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineAlerting.class);
    /** Alerts offered per run at most; more wait for the next. */
    static final int BATCH = 500;

    private final DeadlineAlerts alerts;
    private final BackendLink link;

    public DeadlineAlerting(DeadlineAlerts alerts, BackendLink link) {
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.link = Objects.requireNonNull(link, "link");
    }

    /** What one run did. */
    public record Outcome(int raised, int pushed, int held, int refused, int waiting) {
    }

    /** Keeps the report's new alerts, then offers every pending one. */
    public Outcome alert(Report report) {
        int raised = raise(report.dueSoon(), Kind.DUE_SOON, report) + raise(report.missed(), Kind.MISSED, report);
        int pushed = 0;
        int held = 0;
        int refused = 0;
        int waiting = 0;
        Set<String> unreachable = new HashSet<>();
        for (DeadlineAlert alert : alerts.pending(BATCH)) {
            if (unreachable.contains(alert.backendName())) {
                waiting++; // after one it could not take: keep this back-end's alerts in their order
                continue;
            }
            BackendLink.Handover[] handover = new BackendLink.Handover[1];
            try {
                if (!alerts.handOn(alert.sequence(), () -> {
                    handover[0] = link.alert(alert);
                    if (handover[0] instanceof BackendLink.Unreachable) {
                        throw new NotTaken(); // undoes the claim: the alert stays pending
                    }
                })) {
                    continue; // another replica has handed it on
                }
            } catch (NotTaken e) {
                unreachable.add(alert.backendName());
                waiting++;
                LOG.info("time-limit alert {} for back-end {} waits: {}", alert.sequence(),
                        LogSafe.of(alert.backendName()),
                        LogSafe.of(((BackendLink.Unreachable) handover[0]).detail(), 300));
                continue;
            }
            if (handover[0] instanceof BackendLink.Pushed) {
                pushed++;
            } else if (handover[0] instanceof BackendLink.Refused r) {
                refused++;
                LOG.warn("time-limit alert {} refused by back-end {}: {}", alert.sequence(),
                        LogSafe.of(alert.backendName()), LogSafe.of(r.detail(), 300));
            } else {
                held++;
            }
        }
        return new Outcome(raised, pushed, held, refused, waiting);
    }

    private int raise(List<Watched> watched, Kind kind, Report report) {
        int raised = 0;
        for (Watched w : watched) {
            if (w.deadline().dueAt() != null && alerts.raise(DeadlineAlert.of(kind, w.backendName(),
                    w.conversationId(), w.deadline(), report.at()))) {
                raised++;
            }
        }
        return raised;
    }

    /** The back-end could not be reached: the claim is undone. */
    private static final class NotTaken extends RuntimeException {
        NotTaken() {
            super(null, null, false, false);
        }
    }
}
