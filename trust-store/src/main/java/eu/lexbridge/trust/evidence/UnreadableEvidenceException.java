package eu.lexbridge.trust.evidence;

/**
 * An evidence document that is refused: not well-formed, not an ETSI TS 102 640 v2 evidence, incomplete, or
 * carrying a DOCTYPE. The message says which, and never quotes the document beyond element names and codes.
 */
public class UnreadableEvidenceException extends IllegalArgumentException {

    public UnreadableEvidenceException(String message) {
        super(message);
    }

    public UnreadableEvidenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
