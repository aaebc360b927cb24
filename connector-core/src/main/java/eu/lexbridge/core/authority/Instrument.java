package eu.lexbridge.core.authority;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A legal instrument under which authorities exchange, by the code the directory keys it with: {@code EIO}
 * (Directive 2014/41/EU), {@code EAW} (Framework Decision 2002/584/JHA), {@code EPO} (order for payment, Regulation
 * 1896/2006), {@code ESCP} (small claims, Regulation 861/2007), {@code FREEZING} (freezing and confiscation orders,
 * Regulation 2018/1805), {@code SERVICE} (service of documents, Regulation 2020/1784), {@code E-EVIDENCE} (production
 * and preservation orders, Regulation 2023/1543). A code, not an enumeration: the Commission's database adds
 * instruments without a release of ours.
 */
public record Instrument(String code) {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9-]{1,31}");

    public Instrument {
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("instrument '" + code
                    + "' is not 2 to 32 capital letters, digits or hyphens");
        }
    }

    /** Reads a code as people type it ({@code eio}, {@code EIO}). */
    public static Instrument of(String code) {
        Objects.requireNonNull(code, "code");
        return new Instrument(code.strip().toUpperCase(java.util.Locale.ROOT));
    }

    @Override
    public String toString() {
        return code;
    }
}
