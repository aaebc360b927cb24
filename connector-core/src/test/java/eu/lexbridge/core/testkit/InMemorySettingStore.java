package eu.lexbridge.core.testkit;

import eu.lexbridge.core.port.SettingStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Settings' versions in memory, in the order they were saved. */
public final class InMemorySettingStore implements SettingStore {

    private record Saved(Setting setting, Version version) {
    }

    private final List<Saved> versions = new ArrayList<>();

    @Override
    public synchronized Optional<Version> latest(Setting setting) {
        return versions.stream().filter(s -> s.setting() == setting).map(Saved::version)
                .reduce((first, second) -> second);
    }

    @Override
    public synchronized Version save(Setting setting, String text, String configuration, String changedBy,
                                     Instant changedAt) {
        Version saved = new Version(versions.size() + 1L, text, configuration, changedBy, changedAt);
        versions.add(new Saved(setting, saved));
        return saved;
    }
}
