package eu.lexbridge.trust.document;

/** The input is not a document DSS can validate: not a format it recognises, unreadable, or XML with a DOCTYPE. */
public final class UnusableDocumentException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UnusableDocumentException(String message) {
        super(message);
    }

    public UnusableDocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
