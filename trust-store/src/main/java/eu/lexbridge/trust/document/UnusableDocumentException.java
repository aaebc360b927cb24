package eu.lexbridge.trust.document;

/**
 * The input is not a document DSS can validate: not a format it recognises, unreadable, XML with a DOCTYPE, or beyond
 * a limit ({@link DocumentLimitExceededException}).
 */
public class UnusableDocumentException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UnusableDocumentException(String message) {
        super(message);
    }

    public UnusableDocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
