package eu.lexbridge.backend.soap.auth;

import eu.lexbridge.backend.soap.SoapBackendProperties;
import eu.lexbridge.core.port.BackendSecrets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tells whether an HTTP Basic user name and password are a configured back-end's, by the passwords' SHA-256
 * ({@link BackendSecrets}). Only back-ends given a {@code password-sha256} (the fallback for those without
 * WS-Security) have one.
 */
public final class BackendPasswords {

    private final BackendSecrets secrets;

    public BackendPasswords(SoapBackendProperties properties) {
        Map<String, String> sha256 = new LinkedHashMap<>();
        properties.backends().forEach((name, backend) -> sha256.put(name, backend.passwordSha256()));
        this.secrets = BackendSecrets.ofSha256Hex(sha256);
    }

    public boolean isEmpty() {
        return secrets.isEmpty();
    }

    /** @return the back-end's name when the password is this back-end's, or empty */
    public Optional<String> backendFor(String name, String password) {
        return secrets.check(name, password);
    }
}
