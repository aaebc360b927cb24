package eu.lexbridge.gateway.as4;

/**
 * How much an unauthenticated caller may send to the AS4 endpoint before anything is parsed or verified. Both limits
 * are checked while the request is read, on the raw bytes, so a request over them is refused without being held.
 *
 * @param maxRequestBytes the whole HTTP request body: the SOAP envelope and every attachment
 * @param maxEnvelopeBytes the SOAP envelope (the first MIME part, or the whole body of a plain SOAP request), which
 *                         phase4 parses into a DOM and therefore holds in the heap
 */
public record InboundLimits(long maxRequestBytes, long maxEnvelopeBytes) {

    public InboundLimits {
        if (maxRequestBytes < 1) {
            throw new IllegalArgumentException("maxRequestBytes must be positive, was " + maxRequestBytes);
        }
        if (maxEnvelopeBytes < 1) {
            throw new IllegalArgumentException("maxEnvelopeBytes must be positive, was " + maxEnvelopeBytes);
        }
        if (maxEnvelopeBytes > maxRequestBytes) {
            throw new IllegalArgumentException("maxEnvelopeBytes (" + maxEnvelopeBytes
                    + ") must not be larger than maxRequestBytes (" + maxRequestBytes + ")");
        }
    }
}
