package eu.lexbridge.gateway.as4;

/**
 * The verdict on one AS4 request that the connector could not take for now — its database or queue was unreachable,
 * or an unexpected failure — as opposed to a message it refuses. A refusal is an ebMS error, and a sender gives up on
 * it; this is answered with HTTP 503 and no ebMS signal at all, so the sender's access point sends the same message
 * again, as after a lost connection. One per request, set by {@link IncomingUserMessageProcessor}, read by
 * {@link As4ReceivingServlet}.
 */
final class TryAgainLater {

    static final String ATTRIBUTE = TryAgainLater.class.getName();

    private volatile boolean set;

    void set() {
        set = true;
    }

    boolean isSet() {
        return set;
    }
}
