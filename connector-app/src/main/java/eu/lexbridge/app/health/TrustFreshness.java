package eu.lexbridge.app.health;

import eu.lexbridge.trust.lists.TrustedListStatus;
import eu.lexbridge.trust.signature.FetchedCrls.Fetched;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Whether the trust data in use is current: each trusted list (and the LOTL) loaded, and each CRL fetched for a
 * revocation check, against its next update. DOWN when one is past it by more than {@link #GRACE}: a list or CRL its
 * issuer should have replaced, so qualified status or revocation is judged on old data.
 */
final class TrustFreshness implements HealthIndicator {

    /** Issuers publish a little late now and then; an hour past is a problem, minutes are not. */
    static final Duration GRACE = Duration.ofHours(1);

    /** One list or CRL: {@code kind} is {@code trusted-list} or {@code crl}; {@code nextUpdate} may be unknown. */
    record Source(String kind, String location, Instant nextUpdate) {
        boolean staleAt(Instant now) {
            return nextUpdate != null && nextUpdate.plus(GRACE).isBefore(now);
        }
    }

    private final Supplier<List<TrustedListStatus>> lists;
    private final Supplier<Map<String, Fetched>> crls;
    private final Supplier<Instant> now;

    TrustFreshness(Supplier<List<TrustedListStatus>> lists, Supplier<Map<String, Fetched>> crls,
                   Supplier<Instant> now) {
        this.lists = lists;
        this.crls = crls;
        this.now = now;
    }

    List<Source> sources() {
        List<Source> sources = new ArrayList<>();
        lists.get().forEach(list -> sources.add(new Source("trusted-list", list.location(), list.nextUpdate())));
        crls.get().values().forEach(crl -> sources.add(new Source("crl", crl.url(), crl.nextUpdate())));
        sources.sort(Comparator.comparing(Source::kind).thenComparing(Source::location));
        return sources;
    }

    @Override
    public Health health() {
        Instant at = now.get();
        boolean stale = false;
        Map<String, Object> details = new LinkedHashMap<>();
        for (Source source : sources()) {
            stale |= source.staleAt(at);
            details.put(source.kind() + " " + source.location(), Map.of(
                    "nextUpdate", String.valueOf(source.nextUpdate()), "stale", source.staleAt(at)));
        }
        return (stale ? Health.down() : Health.up()).withDetails(details).build();
    }
}
