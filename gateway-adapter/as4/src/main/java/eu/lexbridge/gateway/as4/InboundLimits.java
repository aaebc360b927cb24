package eu.lexbridge.gateway.as4;

import java.time.Duration;
import java.util.Objects;

/**
 * How much an unauthenticated caller may send to the AS4 endpoint before anything is parsed or verified. Both limits
 * are checked while the request is read, on the raw bytes, so a request over them is refused without being held.
 *
 * @param maxRequestBytes the whole HTTP request body: the SOAP envelope and every attachment
 * @param maxEnvelopeBytes the SOAP envelope (the first MIME part, or the whole body of a plain SOAP request), which
 *                         phase4 parses into a DOM and therefore holds in the heap
 * @param maxConcurrentMessages how many spooled requests phase4 processes at once (each holds its envelope's DOM);
 *                              more wait for a turn, up to {@code waitForTurn}
 * @param waitForTurn how long a spooled request waits for its turn before it is answered 503
 */
public record InboundLimits(long maxRequestBytes, long maxEnvelopeBytes, int maxConcurrentMessages,
                            Duration waitForTurn) {

    public InboundLimits {
        if (maxRequestBytes < 1) {
            throw new IllegalArgumentException("maxRequestBytes must be positive, was " + maxRequestBytes);
        }
        if (maxEnvelopeBytes < 1) {
            throw new IllegalArgumentException("maxEnvelopeBytes must be positive, was " + maxEnvelopeBytes);
        }
        if (maxConcurrentMessages < 1) {
            throw new IllegalArgumentException("maxConcurrentMessages must be at least 1, was "
                    + maxConcurrentMessages);
        }
        Objects.requireNonNull(waitForTurn, "waitForTurn");
        if (waitForTurn.isNegative()) {
            throw new IllegalArgumentException("waitForTurn must not be negative, was " + waitForTurn);
        }
        if (maxEnvelopeBytes > maxRequestBytes) {
            throw new IllegalArgumentException("maxEnvelopeBytes (" + maxEnvelopeBytes
                    + ") must not be larger than maxRequestBytes (" + maxRequestBytes + ")");
        }
    }
}
