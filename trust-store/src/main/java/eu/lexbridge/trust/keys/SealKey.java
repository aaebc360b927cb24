package eu.lexbridge.trust.keys;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A signing key with its certificate chain, taken from one entry of a {@link KeyStore} (PKCS#12 or PKCS#11 alike).
 * The private key never leaves this object: callers hand it bytes to sign. Its text form names the certificate only.
 */
public final class SealKey {

    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;
    /** The token's provider for a PKCS#11 key, which is not registered with the JCA; null: the JCA chooses. */
    private final Provider tokenProvider;

    private SealKey(PrivateKey privateKey, List<X509Certificate> chain, Provider tokenProvider) {
        this.privateKey = privateKey;
        this.chain = List.copyOf(chain);
        this.tokenProvider = tokenProvider;
    }

    /**
     * @param password the key entry's password; not kept
     * @throws IllegalArgumentException when the alias is missing, is no private-key entry, the password is wrong, or
     *     the entry has no X.509 certificate; the message names the alias, never the password
     */
    public static SealKey fromKeyStore(KeyStore store, String alias, char[] password) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(password, "password");
        try {
            if (!store.containsAlias(alias)) {
                throw new IllegalArgumentException("The key store has no entry '" + alias + "'");
            }
            if (!store.isKeyEntry(alias)) {
                throw new IllegalArgumentException("The key store entry '" + alias + "' holds no private key");
            }
            Key key = store.getKey(alias, password);
            if (!(key instanceof PrivateKey privateKey)) {
                throw new IllegalArgumentException("The key store entry '" + alias + "' holds no private key");
            }
            Certificate[] certificates = store.getCertificateChain(alias);
            if (certificates == null || certificates.length == 0) {
                throw new IllegalArgumentException("The key store entry '" + alias + "' has no certificate");
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : certificates) {
                if (!(certificate instanceof X509Certificate x509)) {
                    throw new IllegalArgumentException(
                            "The key store entry '" + alias + "' has a certificate that is not X.509");
                }
                chain.add(x509);
            }
            // A PKCS#11 key is a handle: only its token's provider can sign with it.
            Provider tokenProvider = "PKCS11".equalsIgnoreCase(store.getType()) ? store.getProvider() : null;
            return new SealKey(privateKey, chain, tokenProvider);
        } catch (java.security.UnrecoverableKeyException e) {
            throw new IllegalArgumentException(
                    "Cannot read the key of entry '" + alias + "': the key password is wrong", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot read the key store entry '" + alias + "': "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /** The signing certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** Leaf first, as the key store holds it. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** The key algorithm: "RSA" or "EC". */
    public String algorithm() {
        return privateKey.getAlgorithm();
    }

    /**
     * Signs {@code data} with the key.
     *
     * @param jcaAlgorithm the JCA signature algorithm, e.g. {@code SHA256withRSA}
     */
    public byte[] sign(byte[] data, String jcaAlgorithm) {
        try {
            Signature signature = tokenProvider == null ? Signature.getInstance(jcaAlgorithm)
                    : Signature.getInstance(jcaAlgorithm, tokenProvider);
            signature.initSign(privateKey);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign with " + jcaAlgorithm + " and the key of "
                    + certificate().getSubjectX500Principal().getName(), e);
        }
    }

    @Override
    public String toString() {
        return "SealKey[" + certificate().getSubjectX500Principal().getName() + "]";
    }
}
