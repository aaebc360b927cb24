package eu.lexbridge.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The connector refuses to start on a {@code lexbridge.*} key nothing reads: every one the chart's application.yml
 * writes must be a key of the generated reference, docs/configuration.md. A list or a map is one key there (its
 * elements' keys are in the description), so below such a key nothing more is checked here.
 */
class ConfigurationKeysTest {

    private static final Path REFERENCE = Path.of("../docs/configuration.md");
    private static final Pattern SECTION = Pattern.compile("<!-- generated:start (lexbridge\\.[a-z0-9.-]+) -->");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9.-]+)` \\|");

    @Test
    void everyLexbridgeKeyTheChartWritesIsDocumented() throws IOException {
        Set<String> documented = documentedKeys();
        assertThat(documented).as("keys read from %s", REFERENCE)
                .contains("lexbridge.connector.payload-directory", "lexbridge.as4.key-store", "lexbridge.network.partners");

        List<String> written = Chart.flatten(Chart.production().applicationYml()).keySet().stream()
                .filter(k -> k.startsWith("lexbridge.")).toList();
        assertThat(written).contains("lexbridge.connector.payload-directory", "lexbridge.evidence.seal.key-store",
                "lexbridge.as4.edelivery2.key-store", "lexbridge.as4.edelivery2.ec-decryption-alias");
        assertThat(written).allSatisfy(key -> assertThat(isDocumented(key, documented))
                .as("%s is not in docs/configuration.md", key).isTrue());

        List<String> s3 = Chart.flatten(Chart.render(t -> t.withValuesFile(Chart.PRODUCTION_VALUES)
                        .set("payloads.store", "s3").set("payloads.s3.endpoint", "https://minio:9000")
                        .set("payloads.s3.bucket", "payloads")).applicationYml()).keySet().stream()
                .filter(k -> k.startsWith("lexbridge.payload-store")).toList();
        assertThat(s3).contains("lexbridge.payload-store.type", "lexbridge.payload-store.s3.encryption-key",
                "lexbridge.payload-store.s3.endpoint", "lexbridge.payload-store.s3.secret-key");
        assertThat(s3).allSatisfy(key -> assertThat(isDocumented(key, documented))
                .as("%s is not in docs/configuration.md", key).isTrue());
    }

    @Test
    void aMisspeltKeyOrOneBelowAPlainKeyIsNot() throws IOException {
        Set<String> documented = documentedKeys();
        assertThat(isDocumented("lexbridge.network.partners.0.endpoint", documented)).isTrue();
        assertThat(isDocumented("lexbridge.connector.payload-dir", documented)).isFalse();
        assertThat(isDocumented("lexbridge.evidence.seal.key-stor", documented)).isFalse();
    }

    /** The key itself, or a key below a documented list or map. */
    private static boolean isDocumented(String key, Set<String> documented) {
        return documented.stream().anyMatch(d -> key.equals(d) || key.startsWith(d + "."));
    }

    private static Set<String> documentedKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        String section = null;
        for (String line : Files.readAllLines(REFERENCE)) {
            Matcher start = SECTION.matcher(line);
            if (start.find()) {
                section = start.group(1);
            } else if (line.contains("<!-- generated:end -->")) {
                section = null;
            } else if (section != null) {
                Matcher row = ROW.matcher(line);
                if (row.find()) {
                    keys.add(section + "." + row.group(1));
                }
            }
        }
        return keys;
    }
}
