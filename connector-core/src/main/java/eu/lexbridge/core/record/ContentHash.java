package eu.lexbridge.core.record;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The digest of what was transmitted outside the system, so the recipient (and a court) can tell it is the same file:
 * an algorithm of the SHA-2 or SHA-3 families of 256 bits or more (SHA-1 and MD5 are refused) and its value in
 * lower-case hex.
 */
public record ContentHash(String algorithm, String value) {

    /** The accepted algorithms, as the JDK names them, and the length of their digest in hex digits. */
    public static final Map<String, Integer> ALGORITHMS = Map.of(
            "SHA-256", 64, "SHA-384", 96, "SHA-512", 128, "SHA3-256", 64, "SHA3-384", 96, "SHA3-512", 128);

    public ContentHash {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(value, "value");
        Integer digits = ALGORITHMS.get(algorithm);
        if (digits == null) {
            throw new IllegalArgumentException("unsupported algorithm " + algorithm);
        }
        if (value.length() != digits || !value.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new IllegalArgumentException(algorithm + " needs " + digits + " lower-case hex digits");
        }
    }

    /** The algorithm as written by a person ({@code sha256}, {@code SHA-256}, {@code sha3-512}), or empty. */
    public static Optional<String> algorithmNamed(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String upper = name.strip().toUpperCase(Locale.ROOT);
        String canonical = upper.startsWith("SHA3") ? upper.replaceFirst("^SHA3-?", "SHA3-")
                : upper.replaceFirst("^SHA-?", "SHA-");
        return ALGORITHMS.containsKey(canonical) ? Optional.of(canonical) : Optional.empty();
    }
}
