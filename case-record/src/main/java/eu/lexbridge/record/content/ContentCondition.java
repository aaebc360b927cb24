package eu.lexbridge.record.content;

import java.util.Objects;

/**
 * A fact read from a message's business content (its XML form): an element, by local name, that is present and not
 * empty (text or child elements), or that holds one value. How a certificate says "emergency" or "enforcing authority notified" depends on its
 * schema; configuration names the element (e.g. {@code Emergency=true}, {@code NotifiedEnforcingState}).
 *
 * @param element the element's local name
 * @param value the text it must hold (trimmed), or {@code null} for any text
 */
public record ContentCondition(String element, String value) {

    public ContentCondition {
        Objects.requireNonNull(element, "element");
        if (!element.matches("[\\p{L}_][\\p{L}\\p{N}._-]*")) {
            throw new IllegalArgumentException("'" + element + "' is not an XML element name");
        }
    }

    /** From {@code Name} or {@code Name=value}. */
    public static ContentCondition parse(String text) {
        int equals = text.indexOf('=');
        return equals < 0 ? new ContentCondition(text.strip(), null)
                : new ContentCondition(text.substring(0, equals).strip(), text.substring(equals + 1).strip());
    }

    /**
     * @param text the element's own text, up to its first child
     * @param children whether it has child elements
     */
    public boolean holdsFor(String text, boolean children) {
        String trimmed = text.strip();
        return value == null ? children || !trimmed.isEmpty() : !children && value.equals(trimmed);
    }

    @Override
    public String toString() {
        return value == null ? element : element + "=" + value;
    }
}
