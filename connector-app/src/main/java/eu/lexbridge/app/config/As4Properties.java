package eu.lexbridge.app.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The embedded AS4 access point. The AS4 key is not the TLS key: each purpose has its own (Annex I 5.3).
 *
 * @param keyStore PKCS#12 with our AS4 signing and decryption key
 * @param trustStore PKCS#12 with the CAs trusted for partners' AS4 signatures
 * @param tlsTrustStore PKCS#12 with the CAs trusted for partners' HTTPS endpoints
 * @param path where the receiving servlet listens
 */
@Validated
@ConfigurationProperties("lexbridge.as4")
public record As4Properties(
        @NotNull Path keyStore,
        @NotNull char[] keyStorePassword,
        @NotBlank @DefaultValue("as4") String keyAlias,
        char[] keyPassword,
        @NotNull Path trustStore,
        @NotNull char[] trustStorePassword,
        @NotNull Path tlsTrustStore,
        @NotNull char[] tlsTrustStorePassword,
        @NotNull @DefaultValue("10s") Duration connectTimeout,
        @NotNull @DefaultValue("5m") Duration responseTimeout,
        @Min(1) @DefaultValue("20") int maxConnectionsPerRoute,
        @NotBlank @DefaultValue("/as4") String path) {

    /** The key password defaults to the key store password, as PKCS#12 files usually have one for both. */
    public char[] effectiveKeyPassword() {
        return keyPassword == null ? keyStorePassword : keyPassword;
    }

    @Override
    public String toString() {
        return "As4Properties[keyStore=" + keyStore + ", trustStore=" + trustStore + ", tlsTrustStore="
                + tlsTrustStore + ", path=" + path + "]"; // never the passwords
    }
}
