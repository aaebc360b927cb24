package eu.lexbridge.backend.rest.auth;

import eu.lexbridge.backend.rest.RestBackendProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Tells which back-end a bearer token belongs to, comparing SHA-256 digests in constant time. */
public final class BackendTokens {

    private final Map<String, byte[]> digests = new LinkedHashMap<>();

    public BackendTokens(RestBackendProperties properties) {
        properties.backends().forEach((name, backend) -> {
            if (backend.tokenSha256() != null) {
                digests.put(name, HexFormat.of().parseHex(backend.tokenSha256()));
            }
        });
    }

    public boolean isEmpty() {
        return digests.isEmpty();
    }

    /** @return the back-end whose token this is, or empty */
    public Optional<String> backendFor(String token) {
        byte[] presented = sha256(token);
        String match = null;
        // Compare with every entry, without stopping at a match: the time taken does not say which entry matched.
        for (Map.Entry<String, byte[]> entry : digests.entrySet()) {
            if (MessageDigest.isEqual(presented, entry.getValue())) {
                match = entry.getKey();
            }
        }
        return Optional.ofNullable(match);
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
