package eu.lexbridge.directory.routing;

/**
 * A routing rule that does not parse: where (1-based column, and line when the rule came in a text of several) and a
 * sentence for the person who wrote it. Nothing of the rule set it came with is taken.
 */
public final class RuleSyntaxException extends IllegalArgumentException {

    private final int line;
    private final int column;
    private final String reason;

    public RuleSyntaxException(int column, String reason) {
        this(0, column, reason);
    }

    private RuleSyntaxException(int line, int column, String reason) {
        super((line > 0 ? "line " + line + ", " : "") + "column " + column + ": " + reason);
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /** The same error, placed on {@code line} of a rules text, its column counted from that line's start. */
    RuleSyntaxException onLine(int lineNumber, int columnOffset) {
        return new RuleSyntaxException(lineNumber, column + columnOffset, reason);
    }

    /** The line of the rules text (1-based), or 0 when the rule was given alone. */
    public int line() {
        return line;
    }

    /** The column of the error, 1-based. */
    public int column() {
        return column;
    }

    /** What is wrong, as a sentence without the position. */
    public String reason() {
        return reason;
    }
}
