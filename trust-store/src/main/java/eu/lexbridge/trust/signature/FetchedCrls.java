package eu.lexbridge.trust.signature;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The CRLs this process fetched last, by distribution point, with their next update: what the health check and the
 * gauges show of the revocation data in use. Process-wide because every certificate verifier fetches through a loader
 * of its own ({@link DssValidation#verifier}); a CRL fetched again replaces the one before. Bounded as the cache is:
 * at most {@link RememberedCrls#MAX_ENTRIES} distribution points, the least recently fetched dropped first.
 * Thread-safe.
 */
public final class FetchedCrls {

    /** Every CRL loader of the process reports here. */
    public static final FetchedCrls PROCESS = new FetchedCrls();

    /**
     * @param nextUpdate when its issuer promises the next one, or {@code null} when it names no time
     * @param fetchedAt when it was fetched
     */
    public record Fetched(String url, Instant nextUpdate, Instant fetchedAt) {
        public Fetched {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(fetchedAt, "fetchedAt");
        }
    }

    private final Map<String, Fetched> byUrl = new LinkedHashMap<>(16, 0.75f, true);

    FetchedCrls() {
    }

    void fetched(String url, Instant nextUpdate, Instant at) {
        synchronized (byUrl) {
            byUrl.put(url, new Fetched(url, nextUpdate, at));
            Iterator<Fetched> eldest = byUrl.values().iterator();
            while (byUrl.size() > RememberedCrls.MAX_ENTRIES && eldest.hasNext()) {
                eldest.next();
                eldest.remove();
            }
        }
    }

    /** The CRL last fetched from each distribution point. */
    public Map<String, Fetched> all() {
        synchronized (byUrl) {
            return Map.copyOf(byUrl);
        }
    }
}
