package eu.lexbridge.gateway.as4;

import eu.lexbridge.core.message.Party;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the embedded access point needs: our AS4 identity, where phase4 may write, whom we trust and how patient the
 * HTTP client is.
 *
 * @param home our AS4 party; incoming user messages must be addressed to its party id and its role (To/Role)
 * @param ebmsIdDomain the right-hand side of the ebMS ids phase4 generates for our receipts and errors
 *        ({@code uuid@domain}), as the connector's own message ids end
 * @param dataDirectory phase4's data path and the spool for outgoing payloads; created when missing
 * @param as4KeyStore holds our signing/decryption key under {@code as4KeyAlias}
 * @param as4TrustStore the CAs (or certificates) trusted for partners' AS4 signatures
 * @param tlsTrustStore the CAs trusted for partners' HTTPS endpoints
 * @param maxConnectionsPerRoute kept-alive connections per partner endpoint
 */
public record As4Settings(Party home, String ebmsIdDomain, Path dataDirectory, KeyStore as4KeyStore,
                          String as4KeyAlias, char[] as4KeyPassword, KeyStore as4TrustStore, KeyStore tlsTrustStore, Duration connectTimeout,
                          Duration responseTimeout, int maxConnectionsPerRoute) {

    /** As the connector's configuration checks it; phase4 allows a little more ({@code _}), never less. */
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9.-]+");

    public As4Settings {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(ebmsIdDomain, "ebmsIdDomain");
        if (!DOMAIN.matcher(ebmsIdDomain).matches()) {
            throw new IllegalArgumentException("ebmsIdDomain must be a domain name ([A-Za-z0-9.-]+)");
        }
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(as4KeyStore, "as4KeyStore");
        Objects.requireNonNull(as4KeyAlias, "as4KeyAlias");
        Objects.requireNonNull(as4KeyPassword, "as4KeyPassword");
        Objects.requireNonNull(as4TrustStore, "as4TrustStore");
        Objects.requireNonNull(tlsTrustStore, "tlsTrustStore");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(responseTimeout, "responseTimeout");
        if (maxConnectionsPerRoute < 1) {
            throw new IllegalArgumentException("maxConnectionsPerRoute must be at least 1, was " + maxConnectionsPerRoute);
        }
        requireKey(as4KeyStore, as4KeyAlias, as4KeyPassword);
        as4KeyStore = unwrappedOnce(as4KeyStore, as4KeyAlias, as4KeyPassword);
        requireEntries(as4TrustStore, "as4TrustStore");
        requireEntries(tlsTrustStore, "tlsTrustStore");
        as4KeyPassword = as4KeyPassword.clone();
    }

    /**
     * A PKCS#12 key store's key, unwrapped once and kept in an in-memory JKS store under the same alias and password.
     * Why: WSS4J asks the key store for the key on every message it signs or decrypts, and a PKCS#12 store derives its
     * wrapping key with PBKDF2 each time (7 % of a connector's CPU under load, issue 12's profile); a JKS store's key
     * protection costs almost nothing. The key is in the heap either way once used. Any other store (a PKCS#11 token,
     * whose key never leaves it) is kept as it is.
     */
    private static KeyStore unwrappedOnce(KeyStore store, String alias, char[] password) {
        try {
            if (!"PKCS12".equalsIgnoreCase(store.getType())) {
                return store;
            }
            KeyStore memory = KeyStore.getInstance("JKS");
            memory.load(null, null);
            memory.setKeyEntry(alias, store.getKey(alias, password), password, store.getCertificateChain(alias));
            for (String other : java.util.Collections.list(store.aliases())) {
                if (store.isCertificateEntry(other)) {
                    memory.setCertificateEntry(other, store.getCertificate(other));
                }
            }
            return memory;
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            throw new IllegalArgumentException("as4KeyStore's key '" + alias + "' cannot be read: " + e.getMessage(),
                    e);
        }
    }

    @Override
    public char[] as4KeyPassword() {
        return as4KeyPassword.clone();
    }

    /** Our AS4 certificate: what partners encrypt for and verify our signatures with. */
    public X509Certificate as4Certificate() {
        try {
            return (X509Certificate) as4KeyStore.getCertificate(as4KeyAlias);
        } catch (KeyStoreException e) {
            throw new IllegalStateException("as4KeyStore is not loaded", e);
        }
    }

    @Override
    public String toString() {
        // Never print the password; key stores print only their type.
        return "As4Settings[home=" + home + ", ebmsIdDomain=" + ebmsIdDomain + ", dataDirectory=" + dataDirectory
                + ", as4KeyAlias=" + as4KeyAlias
                + ", connectTimeout=" + connectTimeout + ", responseTimeout=" + responseTimeout
                + ", maxConnectionsPerRoute=" + maxConnectionsPerRoute + "]";
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }

    private static void requireKey(KeyStore store, String alias, char[] password) {
        try {
            if (!store.isKeyEntry(alias)) {
                throw new IllegalArgumentException("as4KeyStore has no private key under alias '" + alias + "'");
            }
            if (!(store.getKey(alias, password) instanceof PrivateKey)) {
                throw new IllegalArgumentException("as4KeyStore alias '" + alias + "' is not a private key");
            }
            if (!(store.getCertificate(alias) instanceof X509Certificate)) {
                throw new IllegalArgumentException("as4KeyStore alias '" + alias + "' has no X.509 certificate");
            }
        } catch (java.security.UnrecoverableKeyException e) {
            throw new IllegalArgumentException("as4KeyPassword does not open the key '" + alias + "'", e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("as4KeyStore cannot be read: " + e.getMessage(), e);
        }
    }

    private static void requireEntries(KeyStore store, String name) {
        try {
            if (store.size() == 0) {
                throw new IllegalArgumentException(name + " holds no certificates");
            }
        } catch (KeyStoreException e) {
            throw new IllegalArgumentException(name + " is not loaded", e);
        }
    }
}
