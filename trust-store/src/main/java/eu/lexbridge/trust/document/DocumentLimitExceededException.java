package eu.lexbridge.trust.document;

/**
 * The document exceeds one of the {@link DocumentLimits}: it is refused, not validated. Its message is a sentence
 * naming the limit, fit for the submitter.
 */
public final class DocumentLimitExceededException extends UnusableDocumentException {

    private static final long serialVersionUID = 1L;

    public DocumentLimitExceededException(String message) {
        super(message);
    }
}
