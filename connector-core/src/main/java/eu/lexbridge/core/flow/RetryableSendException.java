package eu.lexbridge.core.flow;

/** An AS4 send failed in a way that another attempt may cure; the route redelivers with back-off. */
public final class RetryableSendException extends RuntimeException {
    public RetryableSendException(String message) {
        super(message);
    }
}
