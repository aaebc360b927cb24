package eu.lexbridge.core.port;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The back-ends' shared secrets (REST bearer tokens, SOAP and JMS passwords), of which only the SHA-256 is configured,
 * so the configuration holds no usable secret. Digests are compared in constant time.
 */
public final class BackendSecrets {

    /** Compared with when the name is unknown, so that an unknown name takes as long as a wrong secret. */
    private static final byte[] NO_BACKEND = new byte[32];

    private final Map<String, byte[]> digests;

    private BackendSecrets(Map<String, byte[]> digests) {
        this.digests = digests;
    }

    /**
     * @param sha256Hex each back-end's secret as hex SHA-256, by back-end name; a back-end without one (null or empty)
     *     has no secret
     */
    public static BackendSecrets ofSha256Hex(Map<String, String> sha256Hex) {
        Map<String, byte[]> digests = new LinkedHashMap<>();
        sha256Hex.forEach((backend, hex) -> {
            if (hex != null && !hex.isEmpty()) {
                digests.put(backend, HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT)));
            }
        });
        return new BackendSecrets(digests);
    }

    /** True when no back-end has a secret. */
    public boolean isEmpty() {
        return digests.isEmpty();
    }

    /** {@code backend} when {@code secret} is that back-end's; empty otherwise, also for a back-end without one. */
    public Optional<String> check(String backend, String secret) {
        if (backend == null || secret == null) {
            return Optional.empty();
        }
        byte[] expected = digests.getOrDefault(backend, NO_BACKEND);
        return MessageDigest.isEqual(sha256(secret), expected) && expected != NO_BACKEND
                ? Optional.of(backend) : Optional.empty();
    }

    /** The back-end whose secret this is, or empty; every entry is compared, so the time says nothing of which. */
    public Optional<String> backendOf(String secret) {
        if (secret == null) {
            return Optional.empty();
        }
        byte[] presented = sha256(secret);
        String match = null;
        for (Map.Entry<String, byte[]> entry : digests.entrySet()) {
            if (MessageDigest.isEqual(presented, entry.getValue())) {
                match = entry.getKey();
            }
        }
        return Optional.ofNullable(match);
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
