package eu.lexbridge.app.security;

import eu.lexbridge.core.port.SecurityEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * Security events on the security log and counted as {@code lexbridge.security.events{kind=...}} (Prometheus:
 * {@code lexbridge_security_events_total}). Every kind is registered at start-up, so an alert rule sees a zero rather
 * than no series at all.
 */
public final class CountedSecurityEvents implements SecurityEvents {

    public static final String METER = "lexbridge.security.events";

    private final Map<Kind, Counter> counters = new EnumMap<>(Kind.class);

    public CountedSecurityEvents(MeterRegistry registry) {
        for (Kind kind : Kind.values()) {
            counters.put(kind, Counter.builder(METER)
                    .description("Security events: refused messages, evidences, containers, documents, API calls")
                    .tag("kind", kind.name())
                    .register(registry));
        }
    }

    @Override
    public void record(Kind kind, String detail) {
        SecurityEvents.logOnly().record(kind, detail);
        counters.get(kind).increment();
    }
}
