package eu.lexbridge.core.testkit;

import eu.lexbridge.core.port.SecurityEvents;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps the security events a test provoked, so it can say which were recorded; writes them to the security log as
 * well, as the application's do.
 */
public final class RecordingSecurityEvents implements SecurityEvents {

    /** One event. */
    public record Recorded(Kind kind, String detail) {
    }

    private final List<Recorded> recorded = new CopyOnWriteArrayList<>();

    @Override
    public void record(Kind kind, String detail) {
        recorded.add(new Recorded(kind, detail));
        SecurityEvents.logOnly().record(kind, detail);
    }

    public List<Recorded> recorded() {
        return List.copyOf(recorded);
    }

    public List<Recorded> of(Kind kind) {
        return recorded.stream().filter(r -> r.kind() == kind).toList();
    }

    public void clear() {
        recorded.clear();
    }
}
