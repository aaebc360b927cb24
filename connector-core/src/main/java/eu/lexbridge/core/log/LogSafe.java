package eu.lexbridge.core.log;

/**
 * A value from outside (an ebMS id, a file name, a header, a back-end's id) made safe to put in a log line: control
 * characters and Unicode line or paragraph separators are written as {@code \n}, {@code \r}, {@code \t} or
 * {@code \\uXXXX}, a backslash as {@code \\}, so nobody who can send us a value can start a forged log line; an
 * over-long value is cut, saying how long it was. Every log line that carries a value from outside passes it through
 * here (design §8); the log pattern's line-break replacement is only the backstop.
 */
public final class LogSafe {

    /** Longer values are cut: ids and names are short, and a hostile value must not fill the log. */
    public static final int MAX_LENGTH = 256;

    private LogSafe() {
    }

    /** The value escaped and cut to {@link #MAX_LENGTH} characters; {@code null} reads as {@code -}. */
    public static String of(Object value) {
        return of(value, MAX_LENGTH);
    }

    /** The value escaped and cut to {@code maxLength} characters; {@code null} reads as {@code -}. */
    public static String of(Object value, int maxLength) {
        if (value == null) {
            return "-";
        }
        String text = value.toString();
        int shown = Math.min(text.length(), maxLength);
        StringBuilder out = new StringBuilder(shown + 16);
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085'
                            || Character.getType(c) == Character.FORMAT) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (text.length() > shown) {
            out.append("…(").append(text.length()).append(" chars)");
        }
        return out.toString();
    }
}
