package eu.lexbridge.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URL;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

/**
 * Every {@code lexbridge.*} key a connector reads, from the configuration metadata each module's build writes
 * ({@code META-INF/spring-configuration-metadata.json}), with what may follow a key that holds a list or a map: an
 * index, a map key, and the keys of the records they hold (read from the records themselves, where the metadata
 * stops). So that a key nothing reads — misspelt, or removed — is found rather than silently ignored.
 */
final class KnownSettings {

    static final String METADATA = "META-INF/spring-configuration-metadata.json";
    static final String NAMESPACE = "lexbridge";

    private final ClassLoader loader;
    private final TreeSet<String> keys = new TreeSet<>();
    /** Keys that hold a list or a map, by name, with their declared type. */
    private final Map<String, Type> containers = new HashMap<>();

    private KnownSettings(ClassLoader loader) {
        this.loader = loader;
    }

    static KnownSettings fromClassPath(ClassLoader loader) {
        KnownSettings known = new KnownSettings(loader);
        ObjectMapper json = new ObjectMapper();
        try {
            for (URL url : Collections.list(loader.getResources(METADATA))) {
                for (JsonNode property : json.readTree(url).path("properties")) {
                    String name = property.path("name").asText();
                    if (name.startsWith(NAMESPACE + ".")) {
                        known.keys.add(name);
                        known.typeOf(property.path("type").asText("")).filter(t -> t instanceof ParameterizedType)
                                .ifPresent(t -> known.containers.put(name, t));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the configuration metadata cannot be read", e);
        }
        return known;
    }

    /** The keys the metadata names, for suggestions. */
    TreeSet<String> keys() {
        return keys;
    }

    /** Whether a connector reads {@code name} (or a part of it, under a list or map key). */
    boolean knows(ConfigurationPropertyName name) {
        String dashed = name.toString();
        if (keys.contains(dashed)) {
            return true;
        }
        for (int length = name.getNumberOfElements() - 1; length > 1; length--) {
            ConfigurationPropertyName prefix = name.chop(length);
            Type type = containers.get(prefix.toString());
            if (type != null) {
                return typeAt(type, name, length) != null;
            }
            if (keys.contains(prefix.toString())) {
                return false; // a scalar key with something after it
            }
        }
        return false;
    }

    /**
     * The keys beside {@code name} (same parent): the metadata's, or the components of the record a list or map
     * holds there. For suggesting the key meant.
     */
    List<String> siblings(ConfigurationPropertyName name) {
        ConfigurationPropertyName parent = name.getParent();
        for (int length = parent.getNumberOfElements(); length > 1; length--) {
            Type type = containers.get(parent.chop(length).toString());
            if (type != null) {
                Type at = typeAt(type, parent, length);
                if (at instanceof Class<?> record && record.isRecord()) {
                    return java.util.Arrays.stream(record.getRecordComponents())
                            .map(c -> parent + "." + dashed(c.getName())).toList();
                }
                return List.of();
            }
        }
        return keys.stream().filter(k -> ConfigurationPropertyName.of(k).getParent().equals(parent)).toList();
    }

    /**
     * The type of the value at the end of {@code name}, walking from {@code type} at element {@code from}, or
     * {@code null} when the elements do not fit: a list entry that is no index, a key a record does not have, anything
     * below a plain value.
     */
    private static Type typeAt(Type type, ConfigurationPropertyName name, int from) {
        if (from == name.getNumberOfElements()) {
            return type;
        }
        Class<?> raw = raw(type);
        if (type instanceof ParameterizedType generic && (Collection.class.isAssignableFrom(raw)
                || Map.class.isAssignableFrom(raw))) {
            if (Collection.class.isAssignableFrom(raw) && !name.isNumericIndex(from)) {
                return null;
            }
            Type[] arguments = generic.getActualTypeArguments();
            return typeAt(arguments[arguments.length - 1], name, from + 1);
        }
        if (raw.isRecord()) {
            String element = name.getElement(from, ConfigurationPropertyName.Form.DASHED);
            for (RecordComponent component : raw.getRecordComponents()) {
                if (dashed(component.getName()).equals(element)) {
                    return typeAt(component.getGenericType(), name, from + 1);
                }
            }
        }
        return null;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        if (type instanceof ParameterizedType generic) {
            return (Class<?>) generic.getRawType();
        }
        return Object.class;
    }

    /** {@code tokenSha256} as the key is written: {@code token-sha256}. */
    static String dashed(String component) {
        StringBuilder dashed = new StringBuilder();
        for (char c : component.toCharArray()) {
            if (Character.isUpperCase(c)) {
                dashed.append('-').append(Character.toLowerCase(c));
            } else {
                dashed.append(c);
            }
        }
        return dashed.toString();
    }

    /** The type the metadata names (e.g. {@code java.util.List<a.B$C>}), as a reflective type; empty if unknown. */
    private Optional<Type> typeOf(String name) {
        int open = name.indexOf('<');
        if (open < 0) {
            return load(name).map(c -> (Type) c);
        }
        Optional<Class<?>> raw = load(name.substring(0, open));
        List<String> arguments = splitArguments(name.substring(open + 1, name.lastIndexOf('>')));
        Type[] types = new Type[arguments.size()];
        for (int i = 0; i < types.length; i++) {
            Optional<Type> argument = typeOf(arguments.get(i).strip());
            if (argument.isEmpty()) {
                return Optional.empty();
            }
            types[i] = argument.get();
        }
        return raw.map(r -> new Generic(r, types));
    }

    private Optional<Class<?>> load(String name) {
        try {
            return Optional.of(Class.forName(name, false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static List<String> splitArguments(String text) {
        List<String> parts = new java.util.ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            depth += c == '<' ? 1 : c == '>' ? -1 : 0;
            if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** A generic type read from the metadata's text. */
    private record Generic(Class<?> raw, Type[] arguments) implements ParameterizedType {
        @Override
        public Type[] getActualTypeArguments() {
            return arguments.clone();
        }

        @Override
        public Type getRawType() {
            return raw;
        }

        @Override
        public Type getOwnerType() {
            return null;
        }
    }
}
