package eu.lexbridge.core.authority;

import java.util.Locale;
import java.util.Objects;

/** The part an authority plays under an instrument. */
public enum AuthorityRole {
    /** Issues the decision or order (an issuing judicial authority, EIO Art 2(c)). */
    ISSUING,
    /** Recognises and executes it (EIO Art 2(d), EAW Art 6(2)). */
    EXECUTING,
    /** Receives and transmits on behalf of the competent authorities of its State (EIO Art 7(3), EAW Art 7). */
    CENTRAL,
    /** Carries a person or an order through its territory (EAW Art 25). */
    TRANSIT,
    /** Transmits documents for service (Regulation 2020/1784 Art 3(1)). */
    TRANSMITTING,
    /** Receives documents for service (Regulation 2020/1784 Art 3(2)). */
    RECEIVING,
    /** Decides a claim (order for payment, small claims). */
    COURT,
    /** Enforces a decision, or checks an order before a service provider complies (Regulation 2023/1543 Art 8). */
    ENFORCING,
    /** A service provider's designated establishment or legal representative (Regulation 2023/1543 Art 7). */
    ADDRESSEE;

    /** Reads a role as people type it ({@code executing}, {@code EXECUTING}). */
    public static AuthorityRole of(String text) {
        Objects.requireNonNull(text, "role");
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("role '" + text + "' is none of " + java.util.Arrays.toString(values())
                    .toLowerCase(Locale.ROOT));
        }
    }

    /** The role as the directory and the REST API write it. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
