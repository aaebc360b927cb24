package eu.lexbridge.app;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Work run at once and then every interval, on a daemon thread of its own named after it, until stopped: the
 * directory's refresh, the deadline watch. Each run starts when the one before has ended, so runs never overlap.
 */
public final class RepeatingTask {

    private final String name;
    private final Duration interval;
    private final Runnable work;
    private ScheduledExecutorService timer;

    public RepeatingTask(String name, Duration interval, Runnable work) {
        this.name = Objects.requireNonNull(name, "name");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.work = Objects.requireNonNull(work, "work");
    }

    public synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(work, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
