package eu.lexbridge.directory.authority;

import java.util.Locale;
import java.util.Objects;

/**
 * Postal codes from one to another, both included, compared as their country writes them once spaces are gone and
 * letters are capitals: numeric codes of one length compare as numbers do ({@code 10115} to {@code 14199}), and so do
 * codes such as Portugal's {@code 1000-001}. A code of another length than the range's is outside it.
 */
public record PostalRange(String from, String to) {
    public PostalRange {
        from = normal(Objects.requireNonNull(from, "from"));
        to = normal(Objects.requireNonNull(to, "to"));
        if (from.isEmpty() || from.length() != to.length() || from.compareTo(to) > 0) {
            throw new IllegalArgumentException("postal-code range '" + from + "' to '" + to
                    + "' is not two codes of one length, the first not after the second");
        }
    }

    public boolean contains(String postalCode) {
        return containsNormal(normal(postalCode));
    }

    /** As {@link #contains}, for a code already {@link #normal normalised} (once per lookup, not once per range). */
    boolean containsNormal(String code) {
        return code.length() == from.length() && code.compareTo(from) >= 0 && code.compareTo(to) <= 0;
    }

    static String normal(String postalCode) {
        return postalCode.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return from.equals(to) ? from : from + "-" + to;
    }
}
