package eu.lexbridge.backend.soap.auth;

import eu.lexbridge.backend.soap.SoapBackendProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Tells whether an HTTP Basic user name and password are a configured back-end's, comparing SHA-256 digests. Only
 * back-ends given a {@code password-sha256} (the fallback for those without WS-Security) have one.
 */
public final class BackendPasswords {

    /** Compared with when the name is unknown, so that an unknown name takes as long as a wrong password. */
    private static final byte[] NO_BACKEND = new byte[32];

    private final Map<String, byte[]> digests;

    public BackendPasswords(SoapBackendProperties properties) {
        this.digests = properties.backends().entrySet().stream()
                .filter(e -> e.getValue().passwordSha256() != null).collect(Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> HexFormat.of().parseHex(e.getValue().passwordSha256())));
    }

    public boolean isEmpty() {
        return digests.isEmpty();
    }

    /** @return the back-end's name when the password is this back-end's, or empty */
    public Optional<String> backendFor(String name, String password) {
        if (name == null || password == null) {
            return Optional.empty();
        }
        byte[] expected = digests.getOrDefault(name, NO_BACKEND);
        boolean matches = MessageDigest.isEqual(sha256(password), expected);
        return matches && expected != NO_BACKEND ? Optional.of(name) : Optional.empty();
    }

    private static byte[] sha256(String password) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
