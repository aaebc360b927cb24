package eu.lexbridge.tools;

import java.util.List;
import java.util.Set;

/**
 * The JVM options {@code ./lexbridge} starts a command with (the script's {@code case} on its first argument): the
 * end-to-end tests start the jar as the script does. {@link ScriptJvmTest} holds the two together.
 */
public final class ScriptJvm {

    /** Commands that keep the JVM's defaults: the connector, and the commands that generate keys or measure. */
    static final Set<String> DEFAULTS = Set.of("serve", "pki", "demo", "bench");
    /** What every other command runs with: its JVM lives for seconds. */
    static final List<String> SHORT_LIVED = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private ScriptJvm() {
    }

    /** The options for {@code ./lexbridge command …}. */
    public static List<String> options(String command) {
        return DEFAULTS.contains(command) ? List.of() : SHORT_LIVED;
    }
}
