package eu.lexbridge.app.directory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Looks for rules another replica stored, every {@code lexbridge.backend-routing.refresh-interval}. */
final class BackendRulesRefresh implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(BackendRulesRefresh.class);

    private final SharedBackendRules shared;
    private final Duration interval;
    private ScheduledExecutorService timer;

    BackendRulesRefresh(SharedBackendRules shared, Duration interval) {
        this.shared = shared;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "backend-rules-refresh");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::refresh, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        try {
            shared.refresh();
        } catch (RuntimeException e) {
            // the database may be away for a moment; the rules in force stay, the next look tries again
            LOG.warn("back-end routing rules could not be looked up: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
