package eu.lexbridge.backend.rest.auth;

import eu.lexbridge.backend.rest.RestBackendProperties;
import eu.lexbridge.core.port.BackendSecrets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Tells which back-end a bearer token belongs to, by the tokens' SHA-256 ({@link BackendSecrets}). */
public final class BackendTokens {

    private final BackendSecrets secrets;

    public BackendTokens(RestBackendProperties properties) {
        Map<String, String> sha256 = new LinkedHashMap<>();
        properties.backends().forEach((name, backend) -> sha256.put(name, backend.tokenSha256()));
        this.secrets = BackendSecrets.ofSha256Hex(sha256);
    }

    public boolean isEmpty() {
        return secrets.isEmpty();
    }

    /** @return the back-end whose token this is, or empty */
    public Optional<String> backendFor(String token) {
        return secrets.backendOf(token);
    }
}
