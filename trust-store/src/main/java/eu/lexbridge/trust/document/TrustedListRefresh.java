package eu.lexbridge.trust.document;

import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.trust.lists.TrustedListsLoader;
import eu.lexbridge.trust.lists.TrustedListsSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The document validator in use, rebuilt on every accepted refresh of the trusted lists. A validation already running
 * keeps the validator it started with; a failed refresh keeps the lists already loaded (the official connector reads
 * its lists at start-up only).
 */
public final class TrustedListRefresh implements Supplier<DocumentValidator> {

    private static final Logger LOG = LoggerFactory.getLogger(TrustedListRefresh.class);

    private final TrustedListsLoader loader;
    private final ValidationSources sources;
    private final DocumentLimits limits;
    private final Clock clock;
    private final AtomicReference<DocumentValidator> current = new AtomicReference<>();
    private volatile Instant lastAccepted;

    /**
     * Loads the lists once, now, so the first document is validated with them; when they cannot be fetched, the lists
     * cached by an earlier run are used until a refresh succeeds.
     */
    public TrustedListRefresh(TrustedListsLoader loader, ValidationSources sources, DocumentLimits limits,
                              boolean cached, Clock clock) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        TrustedListsSummary first = refresh();
        if (!first.accepted() && cached) {
            LOG.warn("starting with the trusted lists cached by an earlier run");
            use(loader.refreshFromCache());
        }
    }

    /** Reads the LOTL and the trusted lists again; called on a schedule. */
    public TrustedListsSummary refresh() {
        return use(loader.refresh());
    }

    private TrustedListsSummary use(TrustedListsSummary summary) {
        if (summary.accepted()) {
            lastAccepted = summary.loadedAt();
        }
        if (summary.accepted() || current.get() == null) {
            current.set(new DocumentValidator(sources.withTrustedLists(loader.certificateSource()), limits,
                    clock));
        }
        long used = summary.lists().stream().filter(list -> !list.listOfTrustedLists() && list.used()).count();
        if (summary.accepted()) {
            LOG.info("trusted lists loaded from {}: {} trusted list(s) in use{}", summary.lotlLocation(), used,
                    summary.problems().isEmpty() ? "" : "; " + LogSafe.of(String.join("; ", summary.problems()), 4096));
        } else {
            LOG.warn("trusted lists from {} not refreshed, the lists loaded before stay in use: {}",
                    summary.lotlLocation(), LogSafe.of(String.join("; ", summary.problems()), 4096));
        }
        return summary;
    }

    /** When lists were last loaded and taken into use; {@code null} when never. */
    public Instant lastAccepted() {
        return lastAccepted;
    }

    /** The outcome of the last refresh, for health and operations. */
    public TrustedListsSummary summary() {
        return loader.summary();
    }

    @Override
    public DocumentValidator get() {
        return current.get();
    }
}
