package eu.lexbridge.directory.authority;

import eu.lexbridge.core.authority.Lookup;
import eu.lexbridge.core.authority.RecipientQuery;
import eu.lexbridge.core.port.AuthorityDirectory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The authority directory from the newest snapshot it was offered: lookups read an immutable index, a newer snapshot
 * replaces it in one step, and an older, equal or refused one leaves it as it is.
 */
public final class SnapshotDirectory implements AuthorityDirectory {

    private final AtomicReference<DirectoryIndex> current = new AtomicReference<>();
    private final Clock clock;

    public SnapshotDirectory(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What {@link #offer} did. */
    public enum Offered {
        /** It replaces the snapshot in use. */
        TAKEN,
        /** It is the snapshot in use (same version and digest): nothing changes. */
        UNCHANGED
    }

    /**
     * Takes {@code snapshot} if it is newer than the one in use.
     *
     * @throws SnapshotRefusedException when it is older, or has the version in use with other content; the
     *     directory in use is unchanged
     */
    public synchronized Offered offer(Snapshot snapshot) {
        DirectoryIndex now = current.get();
        if (now != null) {
            Snapshot inUse = now.snapshot();
            if (snapshot.version() == inUse.version() && snapshot.sha256().equals(inUse.sha256())) {
                return Offered.UNCHANGED;
            }
            if (snapshot.version() <= inUse.version()) {
                throw new SnapshotRefusedException("snapshot version " + snapshot.version() + " is "
                        + (snapshot.version() == inUse.version() ? "the version in use with other content"
                        : "older than version " + inUse.version() + " in use") + "; the directory in use is kept");
            }
        }
        current.set(new DirectoryIndex(snapshot));
        return Offered.TAKEN;
    }

    /** The snapshot in use, if one was taken. */
    public Optional<Snapshot> snapshot() {
        return Optional.ofNullable(current.get()).map(DirectoryIndex::snapshot);
    }

    @Override
    public Lookup find(RecipientQuery query) {
        DirectoryIndex index = current.get();
        if (index == null) {
            return new Lookup(query, java.util.List.of(), "no directory (none loaded)");
        }
        return index.find(query, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }
}
