package eu.lexbridge.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The sample production configuration (config/application.example.yml) names only keys the connector has: a key
 * renamed in a properties record fails here rather than in an operator's first start.
 */
class ConfigurationSampleTest {

    private static final Path SAMPLE = Path.of("..", "config", "application.example.yml");

    @Test
    void everyLexbridgeKeyOfTheSampleIsAKeyOfTheConnector() throws IOException {
        var known = ConfigurationReference.fromClassPath(getClass().getClassLoader()).keys();
        List<String> keys = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(SAMPLE)) {
            Map<String, Object> yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            flatten(yaml.get("lexbridge"), keys, "lexbridge");
        }

        assertThat(keys).hasSizeGreaterThan(20);
        // a list or map of records is one key in the metadata; its elements' keys are named in its description
        assertThat(keys).allSatisfy(key -> assertThat(known).as("the keys of the connector")
                .anySatisfy(k -> assertThat(key.equals(k) || key.startsWith(k + "[") || key.startsWith(k + "."))
                        .as(key).isTrue()));
    }

    private static void flatten(Object node, List<String> keys, String path) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(v, keys, path + "." + k));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(list.get(i), keys, path + "[" + i + "]");
            }
        } else {
            keys.add(path);
        }
    }
}
