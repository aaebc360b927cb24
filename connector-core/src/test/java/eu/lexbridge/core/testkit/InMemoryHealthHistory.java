package eu.lexbridge.core.testkit;

import eu.lexbridge.core.port.HealthHistory;
import eu.lexbridge.core.record.ReadinessSpell;
import eu.lexbridge.core.record.ReadinessSpell.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The readiness history in memory, for tests. Thread-safe. */
public final class InMemoryHealthHistory implements HealthHistory {

    private final List<ReadinessSpell> spells = new ArrayList<>();

    @Override
    public synchronized ReadinessSpell look(String instance, Status status, List<String> failedChecks, Instant at) {
        for (int i = spells.size() - 1; i >= 0; i--) {
            ReadinessSpell last = spells.get(i);
            if (last.instance().equals(instance)) {
                if (last.status() == status) {
                    Set<String> failed = new LinkedHashSet<>(last.failedChecks());
                    failed.addAll(failedChecks);
                    ReadinessSpell longer = new ReadinessSpell(last.id(), instance, status, last.since(), at,
                            List.copyOf(failed), last.outageNotice());
                    spells.set(i, longer);
                    return longer;
                }
                spells.set(i, new ReadinessSpell(last.id(), instance, last.status(), last.since(), at,
                        last.failedChecks(), last.outageNotice()));
                break;
            }
        }
        ReadinessSpell started = new ReadinessSpell(spells.size() + 1L, instance, status, at, at, failedChecks, null);
        spells.add(started);
        return started;
    }

    @Override
    public synchronized List<ReadinessSpell> spells(Instant from, Instant to) {
        return spells.stream().filter(s -> s.since().isBefore(to) && !s.until().isBefore(from))
                .sorted(Comparator.comparing(ReadinessSpell::since).thenComparing(ReadinessSpell::id)).toList();
    }

    @Override
    public synchronized boolean noteOutage(long id, String notice) {
        for (int i = 0; i < spells.size(); i++) {
            ReadinessSpell s = spells.get(i);
            if (s.id() == id && s.outageNotice() == null) {
                spells.set(i, new ReadinessSpell(s.id(), s.instance(), s.status(), s.since(), s.until(),
                        s.failedChecks(), notice));
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized List<ReadinessSpell> outages(int limit) {
        return spells.stream().filter(s -> s.outageNotice() != null)
                .sorted(Comparator.comparing(ReadinessSpell::since).reversed()).limit(limit).toList();
    }
}
