package eu.lexbridge.app.directory;

import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.directory.partner.SharedPartners;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Looks for routing rules and partners another replica stored, every
 * {@code lexbridge.backend-routing.refresh-interval}.
 */
final class SettingsRefresh implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsRefresh.class);

    private final SharedBackendRules rules;
    private final SharedPartners partners;
    private final Duration interval;
    private ScheduledExecutorService timer;

    /** @param partners {@code null} when the partners are not {@link SharedPartners} (an application's own) */
    SettingsRefresh(SharedBackendRules rules, SharedPartners partners, Duration interval) {
        this.rules = rules;
        this.partners = partners;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "settings-refresh");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::refresh, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        try {
            rules.refresh();
            if (partners != null) {
                partners.refresh();
            }
        } catch (RuntimeException e) {
            // the database may be away for a moment; what is in force stays, the next look tries again
            LOG.warn("settings changed at run time could not be looked up: {}", LogSafe.of(e.getMessage()));
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
