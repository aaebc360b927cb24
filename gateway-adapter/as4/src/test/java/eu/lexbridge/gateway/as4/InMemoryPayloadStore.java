package eu.lexbridge.gateway.as4;

import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.PayloadStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The app's payload store, reduced to a map: enough to feed the sender in tests. */
final class InMemoryPayloadStore implements PayloadStore {

    private final Map<String, byte[]> bytes = new ConcurrentHashMap<>();

    PayloadRef put(PayloadKind kind, String name, String mimeType, byte[] content) {
        return write(kind, name, mimeType, new ByteArrayInputStream(content), Long.MAX_VALUE);
    }

    @Override
    public PayloadRef write(PayloadKind kind, String name, String mimeType, InputStream content, long maxBytes) {
        try {
            byte[] all = content.readAllBytes();
            String id = UUID.randomUUID().toString();
            bytes.put(id, all);
            return new PayloadRef(id, kind, name, mimeType, all.length, Sha256.hex(all));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream open(PayloadRef ref) {
        return new ByteArrayInputStream(bytes.get(ref.payloadId()));
    }

    @Override
    public void delete(PayloadRef ref) {
        bytes.remove(ref.payloadId());
    }
}
