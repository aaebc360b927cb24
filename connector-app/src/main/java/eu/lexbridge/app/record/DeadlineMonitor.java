package eu.lexbridge.app.record;

import eu.lexbridge.app.RepeatingTask;
import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.record.timeline.DeadlineAlerting;
import eu.lexbridge.record.timeline.DeadlineWatch;
import eu.lexbridge.record.timeline.DeadlineWatch.Report;
import eu.lexbridge.record.timeline.DeadlineWatch.Watched;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the deadline watch now and then and keeps its last report, for the gauges and {@code /actuator/deadlines}; a
 * limit newly missed is one WARN line (ids only, no content), once per run of the connector; each limit due soon or
 * missed is alerted to its back-end once ({@link DeadlineAlerting}).
 */
final class DeadlineMonitor implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineMonitor.class);

    private final DeadlineWatch watch;
    private final DeadlineAlerting alerting;
    private final Clock clock;
    private final Set<String> reportedMissed = new HashSet<>();
    private volatile Report last;
    private final RepeatingTask timer;
    private boolean running;

    /** @param alerting {@code null} when no alert is kept (a connector without a store for them) */
    DeadlineMonitor(DeadlineWatch watch, DeadlineAlerting alerting, Duration interval, Clock clock) {
        this.watch = watch;
        this.alerting = alerting;
        this.timer = new RepeatingTask("deadline-watch", interval, this::check);
        this.clock = clock;
        this.last = Report.empty(clock.instant());
    }

    Report last() {
        return last;
    }

    /** One look, as the timer takes it; a failure is logged and the last report kept. */
    void check() {
        try {
            Report report = watch.check(clock.instant());
            for (Watched missed : report.missed()) {
                String key = missed.conversationId() + "|" + missed.backendName() + "|" + missed.deadline().id()
                        + "|" + missed.deadline().messageId();
                if (reportedMissed.add(key)) {
                    LOG.warn("time limit {} missed in conversation {} of back-end {}: due {} ({})",
                            missed.deadline().id(), LogSafe.of(missed.conversationId()),
                            LogSafe.of(missed.backendName()), missed.deadline().dueAt(), missed.deadline().source());
                }
            }
            last = report;
        } catch (RuntimeException e) {
            LOG.warn("the deadline watch failed; the last report stays", e);
            return;
        }
        if (alerting != null) {
            try {
                DeadlineAlerting.Outcome outcome = alerting.alert(last);
                if (outcome.raised() > 0 || outcome.waiting() > 0) {
                    LOG.info("time-limit alerts: {} new, {} pushed, {} held for pull, {} refused, {} waiting for "
                            + "their back-end", outcome.raised(), outcome.pushed(), outcome.held(), outcome.refused(),
                            outcome.waiting());
                }
            } catch (RuntimeException e) {
                LOG.warn("the time-limit alerts were not all handed on; they are tried again on the next run", e);
            }
        }
    }

    @Override
    public synchronized void start() {
        timer.start();
        running = true;
    }

    @Override
    public synchronized void stop() {
        timer.stop();
        running = false;
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }
}
