package eu.lexbridge.core.flow;

/**
 * How large a message may be: each of its payloads, and all of them together. The e-CODEX container carries a
 * message's payloads in one AS4 part, so the second also bounds that part at the receiving connector; a back-end
 * is refused what the partner would refuse.
 *
 * @param maxPayloadBytes the largest single payload ({@code lexbridge.connector.max-payload-size})
 * @param maxMessageBytes the most bytes of one message's payloads together ({@code max-message-size}); at least
 *     {@code maxPayloadBytes}
 */
public record PayloadLimits(long maxPayloadBytes, long maxMessageBytes) {

    /** Room for the container's own bytes: zip headers of at most a few dozen entries, the token PDF, signatures.xml. */
    private static final long CONTAINER_FRAME_BYTES = 1L << 20;

    public PayloadLimits {
        if (maxPayloadBytes <= 0) {
            throw new IllegalArgumentException("maxPayloadBytes must be positive, was " + maxPayloadBytes);
        }
        if (maxMessageBytes < maxPayloadBytes) {
            throw new IllegalArgumentException("maxMessageBytes (" + maxMessageBytes
                    + ") must not be smaller than maxPayloadBytes (" + maxPayloadBytes + ")");
        }
    }

    /**
     * The largest e-CODEX container a message within these limits can make: its entries, plus deflate's worst-case
     * growth on incompressible data (zlib's {@code deflateBound}: n + n/4096 + n/16384 + n/2^25 + 13), plus the
     * container's frame.
     */
    public long maxContainerBytes() {
        long n = maxMessageBytes;
        return Math.addExact(Math.addExact(n, (n >> 12) + (n >> 14) + (n >> 25) + 13), CONTAINER_FRAME_BYTES);
    }
}
