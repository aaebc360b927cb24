package eu.lexbridge.core.testkit;

import eu.lexbridge.core.port.BackendRuleStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Rule sets in memory, in the order they were saved. */
public final class InMemoryBackendRuleStore implements BackendRuleStore {

    private final List<RuleSet> versions = new ArrayList<>();

    @Override
    public synchronized Optional<RuleSet> latest() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    @Override
    public synchronized RuleSet save(String text, String configuration, String changedBy, Instant changedAt) {
        RuleSet saved = new RuleSet(versions.size() + 1L, text, configuration, changedBy, changedAt);
        versions.add(saved);
        return saved;
    }
}
