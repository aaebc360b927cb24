package eu.lexbridge.tools.bench;

import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.PayloadStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The baseline peer's payloads, in memory: written once, sent many times (the access point spools each send). */
final class MemoryPayloads implements PayloadStore {

    private final Map<String, byte[]> contents = new ConcurrentHashMap<>();

    PayloadRef put(PayloadKind kind, String name, String mimeType, byte[] bytes) {
        return write(kind, name, mimeType, new ByteArrayInputStream(bytes), Long.MAX_VALUE);
    }

    @Override
    public PayloadRef write(PayloadKind kind, String name, String mimeType, InputStream content, long maxBytes) {
        try {
            byte[] bytes = content.readAllBytes();
            String id = UUID.randomUUID().toString();
            contents.put(id, bytes);
            return new PayloadRef(id, kind, name, mimeType, bytes.length,
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public InputStream open(PayloadRef ref) {
        byte[] bytes = contents.get(ref.payloadId());
        if (bytes == null) {
            throw new IllegalArgumentException("no payload " + ref.payloadId());
        }
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public void delete(PayloadRef ref) {
        contents.remove(ref.payloadId());
    }
}
