package eu.lexbridge.directory.authority;

import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.port.SignatureVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes signed snapshot files into the directory: opens and checks each, offers it, and keeps a copy of the one taken
 * as the last good copy, so a restart while the directory service is down starts from it.
 */
public final class SnapshotIntake {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotIntake.class);

    private final SnapshotDirectory directory;
    private final SignatureVerifier seals;
    private final long maxJsonBytes;
    private final Path lastGood;

    /**
     * @param lastGood where the last snapshot taken is kept (e.g. {@code data/directory/snapshot.asics})
     */
    public SnapshotIntake(SnapshotDirectory directory, SignatureVerifier seals, long maxJsonBytes, Path lastGood) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.seals = Objects.requireNonNull(seals, "seals");
        this.maxJsonBytes = maxJsonBytes;
        this.lastGood = Objects.requireNonNull(lastGood, "lastGood");
    }

    /**
     * Opens, checks and offers the snapshot in {@code file}; one taken is copied to the last good copy.
     *
     * @throws SnapshotRefusedException when it is not a snapshot sealed by a publisher, or not newer than the one in
     *     use; nothing changes
     */
    public SnapshotDirectory.Offered take(Path file) {
        Snapshot snapshot = SnapshotArchive.open(file, seals, maxJsonBytes);
        SnapshotDirectory.Offered offered = directory.offer(snapshot);
        if (offered == SnapshotDirectory.Offered.TAKEN) {
            keep(file);
            LOG.info("directory snapshot {} of {} taken: {} authorities, SHA-256 {}", snapshot.version(),
                    snapshot.published(), snapshot.authorities().size(), snapshot.sha256());
        }
        return offered;
    }

    /**
     * At start: the newer of the last good copy and {@code configured} (either may be absent); a refused one is
     * logged and the other used.
     *
     * @param configured the snapshot file the configuration names, or {@code null}
     */
    public Optional<Snapshot> start(Path configured) {
        for (Path file : new Path[] {lastGood, configured}) {
            if (file == null || !Files.exists(file)) {
                continue;
            }
            try {
                take(file);
            } catch (SnapshotRefusedException e) {
                LOG.warn("directory snapshot {} is not taken: {}", LogSafe.of(file.toString()),
                        LogSafe.of(e.getMessage()));
            }
        }
        return directory.snapshot();
    }

    public Path lastGood() {
        return lastGood;
    }

    private void keep(Path file) {
        try {
            if (Files.exists(lastGood) && Files.isSameFile(file, lastGood)) {
                return;
            }
            Files.createDirectories(lastGood.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(lastGood.toAbsolutePath().getParent(), "snapshot", ".part");
            try {
                Files.copy(file, temporary, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temporary, lastGood, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            // the snapshot is in use; only a restart without the service would miss it
            LOG.warn("the last good copy {} of the directory cannot be written: {}", LogSafe.of(lastGood.toString()),
                    LogSafe.of(e.getMessage()));
        }
    }
}
