package eu.lexbridge.gateway.as4;

import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.PayloadStore;
import java.io.InputStream;

/**
 * A payload store whose payloads are generated as they are read ({@link GeneratedBody#random}): a sender of gigabytes
 * that holds none of them. The SHA-256 of a ref is not checked; the receiver's hash is compared by the test.
 */
final class GeneratedPayloads implements PayloadStore {

    private static final String PREFIX = "generated-";

    static PayloadRef payload(long seed, long size) {
        return new PayloadRef(PREFIX + seed, PayloadKind.BUSINESS_DOCUMENT, "large.bin", "application/octet-stream",
                size, "not-checked");
    }

    @Override
    public PayloadRef write(PayloadKind kind, String name, String mimeType, InputStream content, long maxBytes) {
        throw new UnsupportedOperationException("generated payloads are read only");
    }

    @Override
    public InputStream open(PayloadRef ref) {
        return GeneratedBody.random(Long.parseLong(ref.payloadId().substring(PREFIX.length())), ref.size());
    }

    @Override
    public void delete(PayloadRef ref) {
        // Nothing is stored.
    }
}
