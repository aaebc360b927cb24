package eu.lexbridge.core.flow;

/**
 * A hand-over failed in a way that another attempt may cure (an AS4 send, a push to a back-end): the route rolls its
 * JMS transaction back and the broker redelivers with back-off.
 */
public final class RetryableSendException extends RuntimeException {
    public RetryableSendException(String message) {
        super(message);
    }
}
