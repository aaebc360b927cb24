package eu.lexbridge.core.message;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * The file name of a payload a back-end submits. The business document, its detached signature and the attachments
 * become entries of the e-CODEX container, which the receiving connector extracts into a directory; so a name is one
 * plain file name that every file system takes and that cannot climb out of that directory. The submission refuses
 * an unusable name at once, and the container builder and reader apply the same rule, so that nothing accepted here is
 * refused later.
 *
 * @param value the name, checked by {@link #problem(String)}
 */
public record PartName(String value) {

    /** The most UTF-8 bytes of a name: a file name on common file systems (ext4, XFS, NTFS) and the stored column. */
    public static final int MAX_BYTES = 255;
    /** The entry the Trust OK token takes in every container; no submitted part may take it. */
    public static final String TRUST_OK_TOKEN_PDF = "TrustOkToken.pdf";

    public PartName {
        Objects.requireNonNull(value, "value");
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException("'" + value + "' is not a usable file name: " + problem);
        }
    }

    /**
     * Why {@code name} cannot name a part, or {@code null} when it can. Names are compared ignoring case elsewhere
     * (see {@link #clashesWith}), since case-insensitive file systems would merge two names that differ only there.
     */
    public static String problem(String name) {
        if (name.isEmpty()) {
            return "the name is empty";
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "it is longer than " + MAX_BYTES + " bytes (UTF-8)";
        }
        if (name.equals(".") || name.equals("..")) {
            return "'" + name + "' names a directory, not a file";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\') {
                return "it contains '" + c + "' (a path, not a file name)";
            }
            if (c == ':') {
                return "it contains ':' (a drive letter or an alternate data stream on Windows)";
            }
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return "it contains a control character or a line break";
            }
            if (c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069') {
                return "it contains a bidirectional control character (it would show another name than it is)";
            }
        }
        return null;
    }

    /** Whether two names would be one file in the container (compared ignoring case). */
    public boolean clashesWith(PartName other) {
        return key().equals(other.key());
    }

    /** Whether this name is one the container keeps for itself. */
    public boolean isReserved() {
        return key().equals(TRUST_OK_TOKEN_PDF.toLowerCase(Locale.ROOT));
    }

    private String key() {
        return value.toLowerCase(Locale.ROOT);
    }
}
