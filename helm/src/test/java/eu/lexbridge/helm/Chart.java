package eu.lexbridge.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.yaml.snakeyaml.Yaml;

/** The chart as the tests see it: rendered by Helm itself (helm-java), read back as YAML documents. */
final class Chart {

    static final Path DIRECTORY = Path.of("lexbridge");
    static final Path PRODUCTION_VALUES = Path.of("src/test/resources/production-values.yaml");
    /** Helm renders for Kubernetes 1.20 unless told otherwise; the chart needs 1.25 (policy/v1 PDB). */
    static final String KUBERNETES = "1.30.0";

    private Chart() {
    }

    /** {@code helm template} with the production-like values, split into its documents. */
    static Rendered production() {
        return render(t -> t.withValuesFile(PRODUCTION_VALUES));
    }

    static Rendered render(UnaryOperator<TemplateCommand> options) {
        String manifest = options.apply(new Helm(DIRECTORY).template().withName("lexbridge")
                .withKubeVersion(KUBERNETES)).call();
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(manifest)) {
            if (document != null) {
                documents.add(map(document));
            }
        }
        return new Rendered(documents);
    }

    static Map<String, Object> yaml(Path file) {
        try {
            return map(new Yaml().load(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) Objects.requireNonNull(value, "no such map");
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) Objects.requireNonNull(value, "no such list");
    }

    /** The value at a dotted path of nested maps; a number in the path indexes a list. */
    static Object at(Object root, String path) {
        Object current = root;
        for (String part : path.split("\\.")) {
            current = part.matches("\\d+") ? list(current).get(Integer.parseInt(part)) : map(current).get(part);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /** Every leaf below a map, by its dotted path (list elements by index). */
    static Map<String, Object> flatten(Object node) {
        Map<String, Object> leaves = new LinkedHashMap<>();
        flatten("", node, leaves);
        return leaves;
    }

    private static void flatten(String path, Object node, Map<String, Object> leaves) {
        String prefix = path.isEmpty() ? "" : path + ".";
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix + key, value, leaves));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + i, list.get(i), leaves);
            }
        } else {
            leaves.put(path, node);
        }
    }

    record Rendered(List<Map<String, Object>> documents) {

        List<Map<String, Object>> all(String kind) {
            return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
        }

        Map<String, Object> one(String kind) {
            List<Map<String, Object>> found = all(kind);
            if (found.size() != 1) {
                throw new AssertionError("expected one " + kind + ", rendered " + found.size());
            }
            return found.get(0);
        }

        Map<String, Object> container() {
            return map(list(at(one("Deployment"), "spec.template.spec.containers")).get(0));
        }

        /** The application.yml the chart's own ConfigMap carries, parsed. */
        Map<String, Object> applicationYml() {
            Object text = all("ConfigMap").stream().map(c -> map(c.get("data")).get("application.yml"))
                    .filter(Objects::nonNull).findFirst().orElseThrow();
            return map(new Yaml().load((String) text));
        }
    }
}
