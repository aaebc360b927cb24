package eu.lexbridge.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The per-key part of {@code docs/configuration.md}, generated from the configuration metadata that Spring Boot's
 * annotation processor writes into every module ({@code META-INF/spring-configuration-metadata.json}): a key's
 * description is the {@code @param} Javadoc of its properties record, so the reference cannot drift from the code.
 * Only {@code lexbridge.*} keys; Spring Boot's own keys are documented by hand.
 *
 * <p>The document keeps its hand-written prose. Each section's table lies between
 * {@code <!-- generated:start lexbridge.x -->} and {@code <!-- generated:end -->}, and only that part is replaced.
 */
final class ConfigurationReference {

    static final String METADATA = "META-INF/spring-configuration-metadata.json";
    private static final String NAMESPACE = "lexbridge.";
    private static final Pattern BLOCK = Pattern.compile(
            "(<!-- generated:start (\\S+) -->\\n)(.*?)(<!-- generated:end -->)", Pattern.DOTALL);
    /** {@code {@code x}}, whose x may hold balanced braces of its own ({@code {bcrypt}…}). */
    private static final Pattern CODE = Pattern.compile("\\{@code\\s((?:[^{}]|\\{[^{}]*})*)}");
    private static final Pattern LINK = Pattern.compile("\\{@(?:link|linkplain|literal)\\s+([^{}]*)}");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("(?:\\w+[.$])+(\\w+)");

    /** One key as the metadata describes it. */
    record Property(String name, String type, JsonNode defaultValue, String description) {
    }

    private final ClassLoader loader;
    /** The prefix of each {@code @ConfigurationProperties} type (one section each), to the type's name. */
    private final SortedMap<String, String> sections;
    private final SortedMap<String, Property> properties;

    private ConfigurationReference(ClassLoader loader, SortedMap<String, String> sections,
                                   SortedMap<String, Property> properties) {
        this.loader = loader;
        this.sections = sections;
        this.properties = properties;
    }

    /** Every metadata file on the class path: each module's jar or {@code target/classes}. */
    static ConfigurationReference fromClassPath(ClassLoader loader) {
        try {
            return of(loader, Collections.list(loader.getResources(METADATA)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ConfigurationReference of(ClassLoader loader, List<URL> metadata) {
        var mapper = new ObjectMapper();
        var sections = new TreeMap<String, String>();
        var properties = new TreeMap<String, Property>();
        for (URL url : metadata) {
            JsonNode root;
            try {
                root = mapper.readTree(url);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + url, e);
            }
            for (JsonNode group : root.path("groups")) {
                // a group without a source method is a @ConfigurationProperties type; the others are nested in one
                if (group.path("name").asText().startsWith(NAMESPACE) && !group.has("sourceMethod")) {
                    sections.put(group.path("name").asText(), group.path("type").asText());
                }
            }
            for (JsonNode node : root.path("properties")) {
                String name = node.path("name").asText();
                if (!name.startsWith(NAMESPACE)) {
                    continue;
                }
                var property = new Property(name, node.path("type").asText(null), node.get("defaultValue"),
                        node.path("description").asText(null));
                Property earlier = properties.putIfAbsent(name, property);
                if (earlier != null && !earlier.equals(property)) {
                    throw new IllegalStateException(name + " is described twice, differently (" + url + ")");
                }
            }
        }
        return new ConfigurationReference(loader, sections, properties);
    }

    Set<String> sections() {
        return Collections.unmodifiableSet(sections.keySet());
    }

    Set<String> keys() {
        return Collections.unmodifiableSet(properties.keySet());
    }

    /**
     * What keeps the reference from being complete: a key without a description, a Javadoc tag the Markdown cannot
     * show, or a list or map of records whose description does not name each of the record's keys (the metadata
     * stops at the list; its description is the only place those keys are documented).
     */
    List<String> problems() {
        var problems = new ArrayList<String>();
        for (Property property : properties.values()) {
            if (property.description() == null || property.description().isBlank()) {
                problems.add(property.name() + " has no description: add @param to its properties record's Javadoc");
                continue;
            }
            String text = markdown(property.description());
            if (text.contains("{@")) {
                problems.add(property.name() + ": a Javadoc tag the reference cannot render, in: " + text);
            }
            for (String key : elementKeys(property.type())) {
                if (!text.contains("`" + key + "`")) {
                    problems.add(property.name() + ": the description does not name `" + key + "`, a key of each"
                            + " element (write it as {@code " + key + "})");
                }
            }
        }
        return problems;
    }

    /**
     * The document with every generated block replaced by the table of its section.
     *
     * @throws IllegalArgumentException when a block names no section of the metadata, or a section has no block
     */
    String apply(String document) {
        Matcher blocks = BLOCK.matcher(document);
        var out = new StringBuilder();
        var seen = new TreeSet<String>();
        while (blocks.find()) {
            String section = blocks.group(2);
            if (!sections.containsKey(section)) {
                throw new IllegalArgumentException("the block for " + section + " names no @ConfigurationProperties"
                        + " prefix; the metadata has " + sections.keySet());
            }
            seen.add(section);
            blocks.appendReplacement(out, Matcher.quoteReplacement(blocks.group(1) + table(section) + blocks.group(4)));
        }
        blocks.appendTail(out);
        var missing = new TreeSet<>(sections.keySet());
        missing.removeAll(seen);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no generated block for " + missing + ": add <!-- generated:start "
                    + missing.first() + " --> and <!-- generated:end --> where its table belongs");
        }
        return out.toString();
    }

    /**
     * The table of one section; keys relative to the section's prefix, as its heading names it, in the order the
     * records declare them (the metadata sorts them by name, which would put {@code key-password} before
     * {@code key-store}).
     */
    String table(String section) {
        var table = new StringBuilder("| key | type | default | meaning |\n|---|---|---|---|\n");
        List<Property> rows = properties.values().stream().filter(p -> section.equals(sectionOf(p.name())))
                .sorted(Comparator.comparing((Property p) -> declarationOrder(section, p.name()),
                        ConfigurationReference::compareIndexes).thenComparing(Property::name))
                .toList();
        for (Property property : rows) {
            table.append("| `").append(property.name().substring(section.length() + 1)).append("` | ")
                    .append(type(property.type())).append(" | ")
                    .append(defaultValue(property.defaultValue())).append(" | ")
                    .append(cell(markdown(Objects.requireNonNullElse(property.description(), "")))).append(" |\n");
        }
        return table.toString();
    }

    /**
     * Where a key's record components stand in their records, from the section's type down: {@code limits.timeout}
     * of DocumentValidationProperties is [5, 5]. A key whose type is not a record sorts last, by name.
     */
    private List<Integer> declarationOrder(String section, String key) {
        var indexes = new ArrayList<Integer>();
        Class<?> type = load(sections.get(section));
        for (String segment : key.substring(section.length() + 1).split("\\.")) {
            var components = type != null && type.isRecord() ? type.getRecordComponents() : null;
            int index = components == null ? -1 : indexOf(components, segment);
            if (index < 0) {
                indexes.add(Integer.MAX_VALUE);
                break;
            }
            indexes.add(index);
            type = components[index].getType();
        }
        return indexes;
    }

    private static int indexOf(RecordComponent[] components, String kebabName) {
        for (int i = 0; i < components.length; i++) {
            if (kebab(components[i].getName()).equals(kebabName)) {
                return i;
            }
        }
        return -1;
    }

    private static int compareIndexes(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** The most specific section a key belongs to. */
    private String sectionOf(String key) {
        return sections.keySet().stream().filter(s -> key.startsWith(s + ".")).max(Comparator.comparingInt(String::length))
                .orElse(null);
    }

    private String type(String type) {
        if (type == null) {
            return "";
        }
        Class<?> named = load(type);
        if (named != null && named.isEnum()) {
            return "one of " + Arrays.stream(named.getEnumConstants()).map(c -> "`" + ((Enum<?>) c).name() + "`")
                    .collect(Collectors.joining(", "));
        }
        if (type.equals("java.lang.Character[]")) {
            return "`String`"; // a password, bound to char[] so that it can be wiped
        }
        return cell("`" + QUALIFIED_NAME.matcher(type).replaceAll("$1").replace(",", ", ") + "`");
    }

    private static String defaultValue(JsonNode value) {
        if (value == null || value.isNull()) {
            return "—";
        }
        if (value.isArray()) {
            return value.isEmpty() ? "—" : StreamSupport.stream(value.spliterator(), false)
                    .map(v -> "`" + v.asText() + "`").collect(Collectors.joining(", "));
        }
        return cell("`" + value.asText() + "`");
    }

    /** Javadoc's inline tags as Markdown. */
    static String markdown(String javadoc) {
        String text = CODE.matcher(javadoc).replaceAll(m -> Matcher.quoteReplacement("`" + m.group(1).trim() + "`"));
        return LINK.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1).trim().replace('#', '.')));
    }

    /** A pipe would end the table cell, also inside a code span (GitHub Flavored Markdown). */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    /** The keys of each element of a list, array or map of records: {@code List<PartnerEntry>} gives name, ... */
    private List<String> elementKeys(String type) {
        if (type == null) {
            return List.of();
        }
        String element = type.endsWith("[]") ? type.substring(0, type.length() - 2)
                : type.endsWith(">") ? type.substring(Math.max(type.lastIndexOf('<'), type.lastIndexOf(',')) + 1,
                type.length() - 1) : null;
        Class<?> named = element == null ? null : load(element.trim());
        if (named == null || !named.isRecord()) {
            return List.of();
        }
        return Arrays.stream(named.getRecordComponents()).map(c -> kebab(c.getName())).toList();
    }

    private Class<?> load(String binaryName) {
        try {
            return Class.forName(binaryName, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null; // a generic type or a JDK array name: shown as written
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
