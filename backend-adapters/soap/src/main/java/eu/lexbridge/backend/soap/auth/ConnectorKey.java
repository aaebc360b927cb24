package eu.lexbridge.backend.soap.auth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Objects;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.crypto.Merlin;

/**
 * The connector's own key on the SOAP API: it decrypts what back-ends encrypt to it and signs what it answers and
 * pushes. Loaded once from a PKCS#12 key store; the password is never shown.
 *
 * @param keyStore the key store, holding the key entry under {@code alias}
 * @param alias the key entry's alias
 * @param password the key's password
 */
public record ConnectorKey(KeyStore keyStore, String alias, char[] password) {

    public ConnectorKey {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(password, "password");
    }

    /**
     * @throws IllegalArgumentException when the file cannot be read, the password is wrong or the alias names no key
     *     entry; the message names the file and alias, never the password
     */
    public static ConnectorKey load(Path file, char[] storePassword, String alias, char[] keyPassword) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, storePassword);
            if (!store.isKeyEntry(alias) || !(store.getKey(alias, keyPassword) instanceof PrivateKey)) {
                throw new IllegalArgumentException("lexbridge.soap.key-store " + file + " has no private key under "
                        + "alias '" + alias + "' (lexbridge.soap.key-alias)");
            }
            return new ConnectorKey(store, alias, keyPassword);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("lexbridge.soap.key-store " + file + " cannot be opened with its "
                    + "password: " + e.getClass().getSimpleName(), e);
        }
    }

    public X509Certificate certificate() {
        try {
            return (X509Certificate) keyStore.getCertificate(alias);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the connector's SOAP certificate cannot be read", e);
        }
    }

    /**
     * WSS4J's view of this key with {@code trusted} (by alias: the back-end's name) as the certificates it verifies
     * signatures with and encrypts to. Which back-end signed is then decided by exact match
     * ({@code BackendCertificates.backendOf}), never by a chain.
     */
    public Crypto crypto(Map<String, X509Certificate> trusted) {
        return WsCrypto.of(keyStore, trusted);
    }

    @Override
    public String toString() {
        return "ConnectorKey[alias=" + alias + "]";
    }

    /** Builds the WSS4J crypto. */
    static final class WsCrypto {
        private WsCrypto() {
        }

        static Crypto of(KeyStore keys, Map<String, X509Certificate> trusted) {
            try {
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                for (Map.Entry<String, X509Certificate> entry : trusted.entrySet()) {
                    trust.setCertificateEntry(entry.getKey(), entry.getValue()); // by name: what to encrypt to
                }
                Merlin merlin = new Merlin();
                merlin.setKeyStore(keys);
                merlin.setTrustStore(trust);
                return merlin;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("the SOAP trust store cannot be built", e);
            }
        }
    }
}
