package eu.lexbridge.trust.evidence;

import java.util.Objects;

/**
 * One place where an evidence document breaks the ETSI TS 102 640 v2 schema.
 *
 * @param line the line in the document, or -1 when the parser did not say
 * @param column the column in that line, or -1
 * @param element the path of the element the problem was found at, e.g.
 *     {@code /SubmissionAcceptanceRejection/SenderMessageDetails/UAMessageIdentifier}; empty before the root
 * @param message the schema validator's sentence: which rule, which element, what was expected. It may quote the
 *     offending value, which in an evidence is metadata (an address, an id), never payload content
 */
public record SchemaProblem(int line, int column, String element, String message) {

    public SchemaProblem {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return "line " + line + ", column " + column + (element.isEmpty() ? "" : " at " + element) + ": " + message;
    }
}
