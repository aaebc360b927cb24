package eu.lexbridge.core.testkit;

import eu.lexbridge.core.port.DeadlineAlerts;
import eu.lexbridge.core.record.DeadlineAlert;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Deadline alerts in memory, for tests and the in-memory connector. Thread-safe. */
public final class InMemoryDeadlineAlerts implements DeadlineAlerts {

    private final List<DeadlineAlert> alerts = new ArrayList<>();
    private final Set<Long> handedOn = new HashSet<>();

    @Override
    public synchronized boolean raise(DeadlineAlert alert) {
        if (alerts.stream().anyMatch(a -> a.sameAs(alert))) {
            return false;
        }
        alerts.add(alert.kept(alerts.size() + 1L));
        return true;
    }

    @Override
    public synchronized List<DeadlineAlert> pending(int limit) {
        return alerts.stream().filter(a -> !handedOn.contains(a.sequence())).limit(limit).toList();
    }

    /** Holds the lock while {@code whileClaimed} runs, as the database holds the row. */
    @Override
    public synchronized boolean handOn(long sequence, Runnable whileClaimed) {
        if (sequence < 1 || sequence > alerts.size() || handedOn.contains(sequence)) {
            return false;
        }
        whileClaimed.run();
        handedOn.add(sequence);
        return true;
    }

    @Override
    public synchronized List<DeadlineAlert> alertsOf(String backendName, long afterSequence, int limit) {
        return alerts.stream().filter(a -> a.backendName().equals(backendName) && a.sequence() > afterSequence)
                .limit(limit).toList();
    }
}
