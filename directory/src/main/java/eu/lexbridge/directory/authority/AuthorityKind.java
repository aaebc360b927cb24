package eu.lexbridge.directory.authority;

import java.util.Arrays;
import java.util.Locale;

/** What an entry of the directory is, as the competent-authorities database distinguishes them. */
public enum AuthorityKind {
    COURT,
    PROSECUTOR,
    JUDICIAL_AUTHORITY,
    CENTRAL_AUTHORITY,
    /** A transmitting or receiving agency for the service of documents. */
    AGENCY,
    ENFORCEMENT_AUTHORITY,
    /** A national member at Eurojust. */
    EUROJUST,
    /** The European Public Prosecutor's Office: its central office or a European delegated prosecutor. */
    EPPO,
    /** A service provider's designated establishment (Regulation 2023/1543 Art 7, Directive 2023/1544 Art 3(1)). */
    DESIGNATED_ESTABLISHMENT,
    /** A service provider's legal representative (Directive 2023/1544 Art 3(1)). */
    LEGAL_REPRESENTATIVE;

    /** Reads the kind as the snapshot writes it: {@code central-authority}. */
    static AuthorityKind of(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is none of " + Arrays.stream(values())
                    .map(AuthorityKind::code).toList());
        }
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
