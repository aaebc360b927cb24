package eu.lexbridge.app.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Refuses to start on a {@code lexbridge.*} key nothing reads — {@code max-send-atempts} for
 * {@code max-send-attempts}, a key since removed — which Spring Boot would ignore, leaving the operator to believe it
 * applies. Checked: configuration files, command-line arguments and test properties. Not checked: system properties and
 * environment variables, which carry other programs' settings too ({@code -Dlexbridge.jar} of the launch script) and
 * whose names do not say where a word ends.
 */
final class UnknownSettings {

    /** Keys a release removed, with what replaced them: the sentence an operator upgrading needs. */
    static final Map<String, String> REMOVED = Map.of(
            "lexbridge.routes.max-send-attempts", "removed: a send is tried again until its relay timeout "
                    + "(lexbridge.evidence.relay-timeout, lexbridge.evidence.relay-timeouts.<partner>)");

    private static final Set<String> NOT_CHECKED = Set.of(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);

    private UnknownSettings() {
    }

    /** @throws UnknownSettingException naming each key nothing reads, with the key meant where it is plain */
    static void check(ConfigurableEnvironment environment, KnownSettings known) {
        Set<String> unknown = new TreeSet<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            Object underlying = source.getUnderlyingSource();
            if (!(source instanceof IterableConfigurationPropertySource names)
                    || underlying instanceof PropertySource<?> ps && NOT_CHECKED.contains(ps.getName())) {
                continue;
            }
            names.stream().filter(n -> !n.isEmpty() && n.getElement(0, ConfigurationPropertyName.Form.DASHED)
                    .equals(KnownSettings.NAMESPACE)).filter(n -> !known.knows(n))
                    .forEach(n -> unknown.add(n.toString()));
        }
        if (!unknown.isEmpty()) {
            List<String> sentences = new ArrayList<>();
            for (String key : unknown) {
                sentences.add(key + " is not a LexBridge setting: " + why(key, known));
            }
            throw new UnknownSettingException(sentences);
        }
    }

    private static String why(String key, KnownSettings known) {
        String removed = REMOVED.get(key);
        if (removed != null) {
            return removed;
        }
        String closest = null;
        int best = Integer.MAX_VALUE;
        ConfigurationPropertyName name = ConfigurationPropertyName.of(key);
        for (String candidate : name.getNumberOfElements() > 1 ? known.siblings(name) : List.<String>of()) {
            int distance = distance(key, candidate);
            if (distance < best) {
                best = distance;
                closest = candidate;
            }
        }
        return closest != null && best <= Math.max(2, key.length() / 8) ? "did you mean " + closest + "?"
                : "no such key (docs/configuration.md lists them all)";
    }

    /** Levenshtein distance: the fewest single-character edits from one to the other. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
