package eu.lexbridge.directory.routing;

import java.util.Locale;

/**
 * Reads a routing condition in the official e-CODEX connector's rule language, by hand (recursive descent), so that a
 * rule written for the official connector routes the same here:
 *
 * <pre>
 * condition  := or
 * or         := and ( '|' and )*                         infix, an addition of ours
 * and        := unary ( '&amp;' unary )*                     infix, an addition of ours
 * unary      := '&amp;' '(' condition ',' condition ')'       the official form
 *             | '|' '(' condition ',' condition ')'       the official form
 *             | 'not' '(' condition ')'
 *             | ( 'equals' | 'startswith' ) '(' FIELD ',' VALUE ')'
 *             | '(' condition ')'
 * FIELD      := ServiceType | ServiceName | FinalRecipient | Action | FromPartyId | FromPartyRole | FromPartyIdType
 * VALUE      := "'" any character but ' \ | &amp; ( ) and control characters "'"
 * </pre>
 *
 * Keywords and field names are read without regard to case; values are compared exactly. Spaces and tabs may stand
 * between tokens. Hostile input is bounded: at most {@link #MAX_LENGTH} characters and {@link #MAX_DEPTH} levels of
 * nesting, so neither the parser nor the evaluation of a parsed condition can run out of stack.
 */
public final class ConditionParser {

    public static final int MAX_LENGTH = 4096;
    public static final int MAX_DEPTH = 32;

    private static final String START = "a condition starts with equals, startswith, not, &, | or '('";

    private final String text;
    private final int offset;
    private int pos;
    private int depth;

    private ConditionParser(String text, int offset) {
        this.text = text;
        this.offset = offset;
    }

    /**
     * @throws RuleSyntaxException with the column of the first error and a sentence saying what is wrong
     */
    public static Condition parse(String text) {
        return parse(text, 0);
    }

    /**
     * Parses a condition that stands {@code offset} characters into a longer line: every column, in the exception and
     * in its sentence, is counted from the line's start.
     */
    static Condition parse(String text, int offset) {
        if (text == null) {
            throw new RuleSyntaxException(1 + offset, "the condition is missing");
        }
        if (text.length() > MAX_LENGTH) {
            throw new RuleSyntaxException(MAX_LENGTH + 1 + offset, "the condition is longer than " + MAX_LENGTH
                    + " characters");
        }
        return new ConditionParser(text, offset).whole();
    }

    private Condition whole() {
        skipSpace();
        if (atEnd()) {
            throw error(pos, "the condition is empty; " + START);
        }
        Condition condition = or();
        skipSpace();
        if (!atEnd()) {
            throw error(pos, "unexpected " + describe(pos) + " after the end of the condition");
        }
        return condition;
    }

    private Condition or() {
        Condition left = and();
        while (nextIs('|')) {
            pos++;
            left = new Condition.Or(left, and());
        }
        return left;
    }

    private Condition and() {
        Condition left = unary();
        while (nextIs('&')) {
            pos++;
            left = new Condition.And(left, unary());
        }
        return left;
    }

    private Condition unary() {
        skipSpace();
        int start = pos;
        if (atEnd()) {
            throw error(pos, "the condition ends where a condition was expected; " + START);
        }
        char c = text.charAt(pos);
        if (c == '(') {
            enter(start);
            pos++;
            Condition inner = or();
            expect(')', "to close the '(' at column " + column(start));
            depth--;
            return inner;
        }
        if (c == '&' || c == '|') {
            enter(start);
            pos++;
            expect('(', "after '" + c + "' at column " + column(start));
            Condition left = or();
            expect(',', "between the two conditions of the '" + c + "' at column " + column(start));
            Condition right = or();
            expect(')', "to close the '" + c + "' at column " + column(start));
            depth--;
            return c == '&' ? new Condition.And(left, right) : new Condition.Or(left, right);
        }
        if (!isLetter(c)) {
            throw error(start, "unexpected " + describe(start) + "; " + START);
        }
        String word = word();
        switch (word.toLowerCase(Locale.ROOT)) {
            case "not" -> {
                enter(start);
                expect('(', "after 'not' at column " + column(start));
                Condition inner = or();
                expect(')', "to close the 'not' at column " + column(start));
                depth--;
                return new Condition.Not(inner);
            }
            case "equals", "startswith" -> {
                expect('(', "after '" + word + "' at column " + column(start));
                RuleField field = field();
                expect(',', "after the field name");
                String value = value();
                expect(')', "to close the '" + word + "' at column " + column(start));
                return word.equalsIgnoreCase("equals") ? new Condition.Equals(field, value)
                        : new Condition.StartsWith(field, value);
            }
            default -> throw error(start, "unknown operator '" + shortened(word) + "'; " + START);
        }
    }

    private RuleField field() {
        skipSpace();
        int start = pos;
        if (atEnd() || !isLetter(text.charAt(pos))) {
            throw error(pos, (atEnd() ? "the condition ends" : "found " + describe(pos))
                    + " where a field name was expected; a field is one of " + RuleField.names());
        }
        String name = word();
        return RuleField.named(name).orElseThrow(() -> error(start, "unknown field '" + shortened(name)
                + "'; a field is one of " + RuleField.names()));
    }

    private String value() {
        skipSpace();
        if (atEnd() || text.charAt(pos) != '\'') {
            throw error(pos, (atEnd() ? "the condition ends" : "found " + describe(pos))
                    + " where a value in single quotes was expected");
        }
        int open = pos;
        pos++;
        StringBuilder value = new StringBuilder();
        while (!atEnd()) {
            char c = text.charAt(pos);
            if (c == '\'') {
                pos++;
                return value.toString();
            }
            if (c == '\\' || c == '|' || c == '&' || c == '(' || c == ')' || Character.isISOControl(c)
                    || c == '\u2028' || c == '\u2029') {
                if (text.indexOf('\'', pos) < 0) {
                    break; // the quote is never closed: that is the mistake to point at, not what follows it
                }
                throw error(pos, "a value may not contain " + describe(pos)
                        + " (nor any of \\ | & ( ) or a control character)");
            }
            value.append(c);
            pos++;
        }
        throw error(open, "the value opened by the quote at column " + column(open) + " has no closing quote");
    }

    private void expect(char wanted, String context) {
        skipSpace();
        if (atEnd()) {
            throw error(pos, "the condition ends where '" + wanted + "' was expected " + context);
        }
        if (text.charAt(pos) != wanted) {
            throw error(pos, "expected '" + wanted + "' " + context + ", found " + describe(pos));
        }
        pos++;
    }

    private void enter(int at) {
        if (++depth > MAX_DEPTH) {
            throw error(at, "the condition nests deeper than " + MAX_DEPTH + " levels");
        }
    }

    private boolean nextIs(char c) {
        skipSpace();
        return !atEnd() && text.charAt(pos) == c;
    }

    private String word() {
        int start = pos;
        while (!atEnd() && isLetter(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private void skipSpace() {
        while (!atEnd() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** A character named for a sentence; a control character is never echoed (the text may reach a log). */
    private String describe(int at) {
        char c = text.charAt(at);
        if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
            return "a control character";
        }
        if (Character.isSurrogate(c) || c > 0x7e) {
            return String.format("character U+%04X", (int) c);
        }
        return "'" + c + "'";
    }

    /** A word of the text as a sentence quotes it: a 4000-letter word is not repeated whole. */
    private static String shortened(String word) {
        return word.length() <= 40 ? word : word.substring(0, 40) + "…";
    }

    private int column(int at) {
        return at + 1 + offset;
    }

    private RuleSyntaxException error(int at, String reason) {
        return new RuleSyntaxException(column(at), reason);
    }
}
