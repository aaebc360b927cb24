package eu.lexbridge.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * docs/configuration.md shows every {@code lexbridge.*} key as the configuration metadata describes it, and every key
 * has a description. Regenerate the document's tables after changing a properties record or its Javadoc:
 * {@value #REGENERATE}.
 */
class ConfigurationReferenceTest {

    static final String REGENERATE = "./mvnw -B -o package -pl connector-app -am -Dtest=ConfigurationReferenceTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dlexbridge.docs.write=true";

    private final ConfigurationReference reference = ConfigurationReference.fromClassPath(getClass().getClassLoader());

    @Test
    void everyConfigurationPropertiesTypeOfEveryModuleHasItsMetadata() {
        // a module whose build lacks the processor (or whose metadata is missing from its target/classes) shows here
        assertThat(reference.sections()).as("prefixes with metadata")
                .containsExactlyInAnyOrderElementsOf(configurationPropertiesPrefixes());
        assertThat(reference.keys()).contains("lexbridge.connector.party-id", "lexbridge.rest.max-attachments",
                "lexbridge.container.seal.key-store", "lexbridge.evidence.seal.pkcs11.pin");
    }

    @Test
    void everyKeyHasADescription() {
        assertThat(reference.problems()).as("keys the reference cannot describe").isEmpty();
    }

    @Test
    void theDocumentShowsTheMetadata() throws IOException {
        Path document = document();
        String current = Files.readString(document, StandardCharsets.UTF_8);
        String generated = reference.apply(current);
        if (Boolean.getBoolean("lexbridge.docs.write")) {
            Files.writeString(document, generated, StandardCharsets.UTF_8);
            return;
        }
        if (!current.equals(generated)) {
            fail(document + " is not what the configuration metadata (the properties records' Javadoc) says; "
                    + firstDifference(current, generated) + "\nRegenerate it with: " + REGENERATE);
        }
    }

    /** The first line that differs, rather than two whole documents. */
    private static String firstDifference(String current, String generated) {
        List<String> was = current.lines().toList();
        List<String> now = generated.lines().toList();
        int line = 0;
        while (line < was.size() && line < now.size() && was.get(line).equals(now.get(line))) {
            line++;
        }
        return "line " + (line + 1) + " is\n  " + (line < was.size() ? was.get(line) : "(the end)")
                + "\nand should be\n  " + (line < now.size() ? now.get(line) : "(the end)");
    }

    @Test
    void aKeyWithoutDescriptionOrAnUndocumentedElementKeyIsFound(@TempDir Path dir) throws IOException {
        var metadata = metadata(dir, """
                {"groups": [{"name": "lexbridge.network", "type": "x.NetworkProperties"}],
                 "properties": [
                  {"name": "lexbridge.network.partners",
                   "type": "java.util.List<eu.lexbridge.app.config.NetworkProperties$PartnerEntry>",
                   "description": "the partners, each with {@code name} and {@code party-id}"},
                  {"name": "lexbridge.network.services", "type": "java.util.List<java.lang.String>"},
                  {"name": "spring.undescribed", "type": "java.lang.String"}]}""");

        var problems = ConfigurationReference.of(getClass().getClassLoader(), List.of(metadata)).problems();

        assertThat(problems).anyMatch(p -> p.startsWith("lexbridge.network.services has no description"))
                .anyMatch(p -> p.contains("lexbridge.network.partners") && p.contains("endpoint"))
                .noneMatch(p -> p.contains("`party-id`") || p.contains("`name`"))
                .noneMatch(p -> p.contains("spring."));
    }

    @Test
    void aTableShowsTypesDefaultsAndJavadocAsMarkdown(@TempDir Path dir) throws IOException {
        var metadata = metadata(dir, """
                {"groups": [{"name": "lexbridge.x", "type": "x.X"},
                            {"name": "lexbridge.x.inner", "type": "x.X$Inner", "sourceMethod": "inner()"}],
                 "properties": [
                  {"name": "lexbridge.x.revocation", "type": "eu.lexbridge.trust.signature.RevocationChecking",
                   "defaultValue": "CRL", "description": "see {@link RevocationChecking#CRL}"},
                  {"name": "lexbridge.x.inner.password-hash", "type": "java.lang.Character[]",
                   "description": "{@code {bcrypt}$2a$10$…} from {@code printf %s | sha256sum}"},
                  {"name": "lexbridge.x.timeout", "type": "java.time.Duration", "defaultValue": "5s",
                   "description": "waits"}]}""");
        var reference = ConfigurationReference.of(getClass().getClassLoader(), List.of(metadata));

        assertThat(reference.table("lexbridge.x")).isEqualTo("""
                | key | type | default | meaning |
                |---|---|---|---|
                | `inner.password-hash` | `String` | — | `{bcrypt}$2a$10$…` from `printf %s \\| sha256sum` |
                | `revocation` | one of `OFF`, `CRL`, `OCSP_AND_CRL` | `CRL` | see RevocationChecking.CRL |
                | `timeout` | `Duration` | `5s` | waits |
                """);
        assertThat(reference.apply("a\n<!-- generated:start lexbridge.x -->\nold\n<!-- generated:end -->\nb\n"))
                .startsWith("a\n<!-- generated:start lexbridge.x -->\n| key |").contains("| `timeout` |")
                .endsWith("| waits |\n<!-- generated:end -->\nb\n");
        assertThatThrownBy(() -> reference.apply("no blocks")).hasMessageContaining("no generated block for [lexbridge.x]");
    }

    /** The prefix of every {@code @ConfigurationProperties} type below {@code eu.lexbridge}, whatever its module. */
    private static Set<String> configurationPropertiesPrefixes() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        var prefixes = new TreeSet<String>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("eu.lexbridge")) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
            var annotation = MergedAnnotations.from(type).get(ConfigurationProperties.class);
            prefixes.add(annotation.getString("prefix"));
        }
        return prefixes;
    }

    private static URL metadata(Path dir, String json) throws IOException {
        Path file = dir.resolve("metadata.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file.toUri().toURL();
    }

    /** docs/configuration.md of this checkout; the tests run in the module's directory. */
    private static Path document() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("configuration.md");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/configuration.md not found above " + Path.of("").toAbsolutePath());
    }
}
