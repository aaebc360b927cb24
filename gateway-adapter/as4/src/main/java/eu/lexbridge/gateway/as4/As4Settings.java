package eu.lexbridge.gateway.as4;

import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.transport.As4Profile;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the embedded access point needs: our AS4 identity, where phase4 may write, whom we trust and how patient the
 * HTTP client is.
 *
 * @param home our AS4 party; incoming user messages must be addressed to its party id and its role (To/Role)
 * @param ebmsIdDomain the right-hand side of the ebMS ids phase4 generates for our receipts and errors
 *        ({@code uuid@domain}), as the connector's own message ids end
 * @param dataDirectory phase4's data path and the spool for outgoing payloads; created when missing
 * @param as4KeyStore holds our eDelivery AS4 1.x signing/decryption key under {@code as4KeyAlias}; its accessor gives
 *        an in-memory store that also holds the 2.0 keys, under their aliases and {@code as4KeyPassword}
 * @param as4TrustStore the CAs (or certificates) trusted for partners' AS4 signatures
 * @param tlsTrustStore the CAs trusted for partners' HTTPS endpoints
 * @param maxConnectionsPerRoute kept-alive connections per partner endpoint
 * @param edelivery2Keys our keys for the eDelivery AS4 2.0 profiles we speak, each a signing and a decryption key;
 *        none: 1.x only, and a partner configured for 2.0 is refused ({@link PartnerProfiles})
 */
public record As4Settings(Party home, String ebmsIdDomain, Path dataDirectory, KeyStore as4KeyStore,
                          String as4KeyAlias, char[] as4KeyPassword, KeyStore as4TrustStore, KeyStore tlsTrustStore, Duration connectTimeout,
                          Duration responseTimeout, int maxConnectionsPerRoute,
                          Map<As4Profile, Edelivery2Keys> edelivery2Keys) {

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
        requireKey(as4KeyStore, "as4KeyStore", as4KeyAlias, as4KeyPassword, "as4KeyPassword");
        requireKeyType(as4KeyStore, as4KeyAlias, "as4KeyStore", "sign and decrypt", "RSA");
        edelivery2Keys = checked(edelivery2Keys == null ? Map.of() : edelivery2Keys, as4KeyAlias);
        as4KeyStore = unwrappedOnce(as4KeyStore, as4KeyAlias, as4KeyPassword, edelivery2Keys);
        requireEntries(as4TrustStore, "as4TrustStore");
        requireEntries(tlsTrustStore, "tlsTrustStore");
        as4KeyPassword = as4KeyPassword.clone();
    }

    /** Without eDelivery AS4 2.0 keys: the connector speaks 1.x only. */
    public As4Settings(Party home, String ebmsIdDomain, Path dataDirectory, KeyStore as4KeyStore, String as4KeyAlias,
                       char[] as4KeyPassword, KeyStore as4TrustStore, KeyStore tlsTrustStore, Duration connectTimeout,
                       Duration responseTimeout, int maxConnectionsPerRoute) {
        this(home, ebmsIdDomain, dataDirectory, as4KeyStore, as4KeyAlias, as4KeyPassword, as4TrustStore,
                tlsTrustStore, connectTimeout, responseTimeout, maxConnectionsPerRoute, Map.of());
    }

    /**
     * Our keys for one eDelivery AS4 2.0 profile: a 2.0 party has two, as a key-agreement key cannot sign.
     *
     * @param keyStore holds both keys, each with its certificate
     * @param signingAlias the signing key: Ed25519 (Common Usage Profile) or ECDSA P-256 (EC option)
     * @param decryptionAlias the decryption (key agreement) key: X25519, or P-256 for the EC option
     * @param password opens both keys
     */
    public record Edelivery2Keys(KeyStore keyStore, String signingAlias, String decryptionAlias, char[] password) {
        public Edelivery2Keys {
            Objects.requireNonNull(keyStore, "keyStore");
            Objects.requireNonNull(signingAlias, "signingAlias");
            Objects.requireNonNull(decryptionAlias, "decryptionAlias");
            Objects.requireNonNull(password, "password");
            if (signingAlias.equals(decryptionAlias)) {
                throw new IllegalArgumentException("the eDelivery AS4 2.0 signing and decryption keys must be two keys,"
                        + " not both '" + signingAlias + "'");
            }
            password = password.clone();
        }

        @Override
        public char[] password() {
            return password.clone();
        }

        @Override
        public String toString() {
            return "Edelivery2Keys[signingAlias=" + signingAlias + ", decryptionAlias=" + decryptionAlias + "]";
        }
    }

    /** The same settings with our keys for one more eDelivery AS4 2.0 profile (or other keys for it). */
    public As4Settings withEdelivery2Keys(As4Profile profile, Edelivery2Keys keys) {
        Map<As4Profile, Edelivery2Keys> all = new EnumMap<>(As4Profile.class);
        all.putAll(edelivery2Keys);
        all.put(Objects.requireNonNull(profile, "profile"), Objects.requireNonNull(keys, "keys"));
        return new As4Settings(home, ebmsIdDomain, dataDirectory, as4KeyStore, as4KeyAlias, as4KeyPassword,
                as4TrustStore, tlsTrustStore, connectTimeout, responseTimeout, maxConnectionsPerRoute, all);
    }

    /** Whether we hold the keys to speak {@code profile}: 1.x always, a 2.0 profile when its keys are set. */
    public boolean speaks(As4Profile profile) {
        return profile == As4Profile.EDELIVERY_1 || edelivery2Keys.containsKey(profile);
    }

    /** The alias in {@link #as4KeyStore()} of the key we sign with in {@code profile}. */
    String signingAlias(As4Profile profile) {
        if (profile == As4Profile.EDELIVERY_1) {
            return as4KeyAlias;
        }
        Edelivery2Keys keys = edelivery2Keys.get(profile);
        if (keys == null) {
            throw new IllegalStateException("no keys of our own for eDelivery AS4 " + profile.label());
        }
        return keys.signingAlias();
    }

    /** Our certificate partners verify our signatures with in {@code profile}. */
    public X509Certificate signingCertificate(As4Profile profile) {
        return certificate(signingAlias(profile));
    }

    /** Our certificate partners encrypt for in {@code profile}: in 1.x the signing one. */
    public X509Certificate decryptionCertificate(As4Profile profile) {
        if (profile == As4Profile.EDELIVERY_1) {
            return as4Certificate();
        }
        return certificate(Objects.requireNonNull(edelivery2Keys.get(profile),
                "no keys of our own for eDelivery AS4 " + profile.label()).decryptionAlias());
    }

    /** Whether {@link #as4KeyStore()} holds our key under {@code alias} (opened by {@link #as4KeyPassword()}). */
    boolean holdsKey(String alias) {
        if (as4KeyAlias.equals(alias)) {
            return true;
        }
        return edelivery2Keys.values().stream()
                .anyMatch(keys -> keys.signingAlias().equals(alias) || keys.decryptionAlias().equals(alias));
    }

    private X509Certificate certificate(String alias) {
        try {
            return (X509Certificate) as4KeyStore.getCertificate(alias);
        } catch (KeyStoreException e) {
            throw new IllegalStateException("as4KeyStore is not loaded", e);
        }
    }

    /** Only 2.0 profiles, with keys that fit them, and aliases that name one key each. */
    private static Map<As4Profile, Edelivery2Keys> checked(Map<As4Profile, Edelivery2Keys> given, String as4KeyAlias) {
        Set<String> aliases = new HashSet<>();
        aliases.add(as4KeyAlias);
        Map<As4Profile, Edelivery2Keys> keys = new EnumMap<>(As4Profile.class);
        for (Map.Entry<As4Profile, Edelivery2Keys> entry : given.entrySet()) {
            As4Profile profile = Objects.requireNonNull(entry.getKey(), "edelivery2Keys profile");
            Edelivery2Keys profileKeys = Objects.requireNonNull(entry.getValue(), "edelivery2Keys of " + profile);
            if (!profile.separateEncryptionKey()) {
                throw new IllegalArgumentException("edelivery2Keys are for the 2.0 profiles; the 1.x key is as4KeyStore's");
            }
            String name = "the eDelivery AS4 " + profile.label() + " key store";
            ProfileSecurity security = ProfileSecurity.of(profile);
            for (String alias : List.of(profileKeys.signingAlias(), profileKeys.decryptionAlias())) {
                requireKey(profileKeys.keyStore(), name, alias, profileKeys.password, "its password");
                if (!aliases.add(alias)) {
                    throw new IllegalArgumentException("the key alias '" + alias + "' of eDelivery AS4 "
                            + profile.label() + " is used twice among our AS4 keys; give each key its own alias");
                }
            }
            requireKeyType(profileKeys.keyStore(), profileKeys.signingAlias(), name, "sign",
                    security.signingKeyType());
            requireKeyType(profileKeys.keyStore(), profileKeys.decryptionAlias(), name, "decrypt",
                    security.decryptionKeyType());
            keys.put(profile, profileKeys);
        }
        return Collections.unmodifiableMap(keys);
    }

    private static void requireKeyType(KeyStore store, String alias, String name, String use, String type) {
        try {
            String actual = ProfileSecurity.keyType(store.getCertificate(alias).getPublicKey());
            if (!type.equals(actual)) {
                throw new IllegalArgumentException(name + "'s key '" + alias + "' is " + actual + ", and the profile"
                        + " needs " + type + " to " + use + " with");
            }
        } catch (KeyStoreException e) {
            throw new IllegalArgumentException(name + " is not loaded", e);
        }
    }

    /**
     * A PKCS#12 key store's key, unwrapped once and kept in an in-memory JKS store under the same alias and password.
     * Why: WSS4J asks the key store for the key on every message it signs or decrypts, and a PKCS#12 store derives its
     * wrapping key with PBKDF2 each time (7 % of a connector's CPU under load, issue 12's profile); a JKS store's key
     * protection costs almost nothing. The key is in the heap either way once used. Any other store (a PKCS#11 token,
     * whose key never leaves it) is kept as it is.
     */
    private static KeyStore unwrappedOnce(KeyStore store, String alias, char[] password,
                                          Map<As4Profile, Edelivery2Keys> edelivery2Keys) {
        try {
            if (!"PKCS12".equalsIgnoreCase(store.getType()) && edelivery2Keys.isEmpty()) {
                return store;
            }
            // With 2.0 keys always a new store, never the one given: WSS4J finds every key of ours in one store.
            KeyStore memory = KeyStore.getInstance("JKS");
            memory.load(null, null);
            memory.setKeyEntry(alias, store.getKey(alias, password), password, store.getCertificateChain(alias));
            for (String other : java.util.Collections.list(store.aliases())) {
                if (store.isCertificateEntry(other)) {
                    memory.setCertificateEntry(other, store.getCertificate(other));
                }
            }
            for (Edelivery2Keys keys : edelivery2Keys.values()) {
                for (String key : List.of(keys.signingAlias(), keys.decryptionAlias())) {
                    memory.setKeyEntry(key, keys.keyStore().getKey(key, keys.password), password,
                            keys.keyStore().getCertificateChain(key));
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
                + ", as4KeyAlias=" + as4KeyAlias + ", edelivery2Keys=" + edelivery2Keys
                + ", connectTimeout=" + connectTimeout + ", responseTimeout=" + responseTimeout
                + ", maxConnectionsPerRoute=" + maxConnectionsPerRoute + "]";
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }

    private static void requireKey(KeyStore store, String name, String alias, char[] password, String passwordName) {
        try {
            if (!store.isKeyEntry(alias)) {
                throw new IllegalArgumentException(name + " has no private key under alias '" + alias + "'");
            }
            if (!(store.getKey(alias, password) instanceof PrivateKey)) {
                throw new IllegalArgumentException(name + " alias '" + alias + "' is not a private key");
            }
            if (!(store.getCertificate(alias) instanceof X509Certificate)) {
                throw new IllegalArgumentException(name + " alias '" + alias + "' has no X.509 certificate");
            }
        } catch (java.security.UnrecoverableKeyException e) {
            throw new IllegalArgumentException(passwordName + " does not open the key '" + alias + "'", e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException(name + " cannot be read: " + e.getMessage(), e);
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
