package eu.lexbridge.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secrets known by their SHA-256 only: the right one names its back-end, nothing else does. */
class BackendSecretsTest {

    @Test
    void aSecretNamesItsBackEndAndNoOtherValueDoes() {
        Map<String, String> configured = new HashMap<>();
        configured.put("court-a", sha256Hex("secret-a"));
        configured.put("court-b", null); // no secret: certificate only
        BackendSecrets secrets = BackendSecrets.ofSha256Hex(configured);

        assertThat(secrets.check("court-a", "secret-a")).contains("court-a");
        assertThat(secrets.check("court-a", "secret-b")).isEmpty();
        assertThat(secrets.check("court-b", "")).isEmpty();
        assertThat(secrets.check("nobody", "secret-a")).isEmpty();
        assertThat(secrets.check(null, null)).isEmpty();
        assertThat(secrets.backendOf("secret-a")).contains("court-a");
        assertThat(secrets.backendOf("secret-x")).isEmpty();
        assertThat(secrets.isEmpty()).isFalse();
        assertThat(BackendSecrets.ofSha256Hex(Map.of("court-b", "")).isEmpty()).isTrue();
    }

    private static String sha256Hex(String value) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
