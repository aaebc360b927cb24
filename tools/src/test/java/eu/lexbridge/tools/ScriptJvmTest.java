package eu.lexbridge.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link ScriptJvm} says what the {@code ./lexbridge} script does. */
class ScriptJvmTest {

    @Test
    void theScriptStartsCommandsWithTheOptionsTheTestsUse() throws Exception {
        String script = Files.readString(Path.of("..", "lexbridge"));
        Matcher defaults = Pattern.compile("\\n  ([a-z|]+)\\) short_lived=\\(\\) ;;").matcher(script);
        assertThat(defaults.find()).as("the script's case of commands that keep the defaults").isTrue();
        assertThat(Arrays.asList(defaults.group(1).split("\\|"))).containsExactlyInAnyOrderElementsOf(
                ScriptJvm.DEFAULTS);
        Matcher others = Pattern.compile("\\n  \\*\\) short_lived=\\(([^)]*)\\) ;;").matcher(script);
        assertThat(others.find()).as("the script's case of every other command").isTrue();
        assertThat(Arrays.asList(others.group(1).split(" "))).containsExactlyElementsOf(ScriptJvm.SHORT_LIVED);
        assertThat(script).contains("exec java ${short_lived[@]+\"${short_lived[@]}\"} ");

        assertThat(ScriptJvm.options("serve")).isEmpty();
        assertThat(ScriptJvm.options("document")).isEqualTo(ScriptJvm.SHORT_LIVED);
    }
}
