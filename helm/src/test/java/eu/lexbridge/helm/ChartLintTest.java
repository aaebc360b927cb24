package eu.lexbridge.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code helm lint --strict}: warnings fail too. Helm lints with the chart's own values.yaml only (helm-java's lint
 * takes no values file), so the production-like values are merged into a copy of the chart and that copy is linted.
 * In lint mode Helm reports a missing {@code required} value as information, not as a failure.
 */
class ChartLintTest {

    @Test
    void theChartLintsCleanWithItsDefaultValues() {
        assertClean(new Helm(Chart.DIRECTORY).lint().strict().call());
    }

    @Test
    void theChartLintsCleanWithProductionLikeValues(@TempDir Path copy) throws IOException {
        try (Stream<Path> files = Files.walk(Chart.DIRECTORY)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(Chart.DIRECTORY.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Map<String, Object> values = Chart.yaml(Chart.DIRECTORY.resolve("values.yaml"));
        merge(values, Chart.yaml(Chart.PRODUCTION_VALUES));
        DumperOptions block = new DumperOptions();
        block.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Files.writeString(copy.resolve("values.yaml"), new Yaml(block).dump(values));

        assertClean(new Helm(copy).lint().strict().call());
    }

    private static void assertClean(LintResult result) {
        assertThat(result.isFailed()).as("helm lint: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    /** Helm's rule: maps merge key by key, anything else is replaced. */
    private static void merge(Map<String, Object> into, Map<String, Object> from) {
        from.forEach((key, value) -> {
            if (value instanceof Map<?, ?> && into.get(key) instanceof Map<?, ?>) {
                merge(Chart.map(into.get(key)), Chart.map(value));
            } else {
                into.put(key, value);
            }
        });
    }
}
