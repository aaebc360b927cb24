package eu.lexbridge.app.directory;

import eu.lexbridge.app.RepeatingTask;
import eu.lexbridge.directory.authority.DirectoryServiceClient;
import eu.lexbridge.directory.authority.SnapshotIntake;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Takes the directory at start (the newer of the configured snapshot and the last good copy), then, with a service,
 * asks it for a newer one at once and every {@code lexbridge.directory.refresh-interval}.
 */
final class DirectoryRefresh implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryRefresh.class);

    private final SnapshotIntake intake;
    private final Path configured;
    private final DirectoryServiceClient client;
    private final RepeatingTask timer;
    private boolean running;

    /** @param client {@code null} without a service */
    DirectoryRefresh(SnapshotIntake intake, Path configured, DirectoryServiceClient client, Duration interval) {
        this.intake = intake;
        this.configured = configured;
        this.client = client;
        this.timer = client == null ? null : new RepeatingTask("directory-refresh", interval, client::refresh);
    }

    Optional<DirectoryServiceClient> client() {
        return Optional.ofNullable(client);
    }

    @Override
    public synchronized void start() {
        if (configured != null || client != null) {
            intake.start(configured).ifPresentOrElse(
                    s -> LOG.info("directory snapshot {} of {} in use", s.version(), s.published()),
                    () -> LOG.warn("no directory snapshot could be taken; recipients named by competence are refused"
                            + (client == null ? "" : " until the directory service answers")));
        }
        if (timer != null) {
            timer.start();
        }
        running = true;
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.stop();
        }
        running = false;
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }
}
