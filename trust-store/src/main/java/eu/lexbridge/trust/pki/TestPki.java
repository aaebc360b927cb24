package eu.lexbridge.trust.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates a complete test PKI for the demo and for tests: a root CA, a trust store, and per party an AS4 key, a
 * TLS key, an evidence-seal key and a container-seal key (Annex I 5.3: a key of its own per purpose). Every key store is a JDK "PKCS12" key store, so the JDK, WSS4J and Tomcat read it as it is.
 *
 * <p>Not for production: the CA key is thrown away and nothing is revocable.
 */
public final class TestPki {

    public static final String CA_COMMON_NAME = "LexBridge Test CA";
    public static final String TRUST_STORE_ALIAS = "ca";
    public static final String AS4_ALIAS = "as4";
    public static final String TLS_ALIAS = "tls";
    public static final String SEAL_ALIAS = "seal";
    public static final String CONTAINER_ALIAS = "container";

    private static final Logger LOG = LoggerFactory.getLogger(TestPki.class);
    private static final Pattern PARTY_NAME = Pattern.compile("[a-z0-9-]+");
    private static final String KEY_STORE_TYPE = "PKCS12";

    private TestPki() {
    }

    /**
     * Generates, under {@code dir}: {@code ca.crt} (PEM root CA, RSA-3072, 10 years), {@code truststore.p12} (the CA
     * certificate, alias {@code ca}), and per party name P: {@code P/as4.p12} (alias {@code as4}: RSA-2048 key + leaf
     * certificate CN=P AS4, KeyUsage digitalSignature|nonRepudiation|keyEncipherment, chain including the CA),
     * {@code P/as4.crt} (PEM leaf), {@code P/tls.p12} (alias {@code tls}: RSA-2048 key + leaf CN=P TLS with SAN
     * DNS:localhost and IP:127.0.0.1, EKU serverAuth+clientAuth, chain including the CA), {@code P/seal.p12} (alias
     * {@code seal}: RSA-2048 key + leaf CN=P Evidence Seal, KeyUsage digitalSignature|nonRepudiation, chain including
     * the CA), {@code P/seal.crt} (PEM leaf), {@code P/container.p12} (alias {@code container}: RSA-2048 key + leaf
     * CN=P Container Seal, KeyUsage digitalSignature|nonRepudiation, chain including the CA) and
     * {@code P/container.crt} (PEM leaf). All PKCS#12 files, and the
     * keys in them, use {@code password}. Leaf certificates are valid from now minus one day for two years. Existing
     * files are overwritten.
     *
     * @param parties party names: lowercase letters, digits and '-', e.g. {@code at-prosecutor}
     * @return a description of what was written
     * @throws IllegalArgumentException for a bad party name, a repeated party or an empty password; nothing is
     *     written then
     * @throws UncheckedIOException when a file cannot be written
     */
    public static GeneratedPki generate(Path dir, List<String> parties, char[] password) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(parties, "parties");
        Objects.requireNonNull(password, "password");
        validate(parties, password);

        Instant now = Instant.now();
        TestCertificateAuthority ca = TestCertificateAuthority.create(CA_COMMON_NAME, now);
        Path caCertificate = dir.resolve("ca.crt");
        Path trustStore = dir.resolve("truststore.p12");
        write(caCertificate, pem(ca.certificate()), false);
        write(trustStore, trustStore(ca.certificate(), password), false);

        Map<String, PartyKeys> written = new LinkedHashMap<>();
        for (String party : parties) {
            Path partyDir = dir.resolve(party);
            IssuedKey as4 = ca.issueAs4(party + " AS4", now);
            IssuedKey tls = ca.issueTls(party + " TLS", now);
            IssuedKey seal = ca.issueSeal(party + " Evidence Seal", now);
            IssuedKey container = ca.issueSeal(party + " Container Seal", now);
            PartyKeys keys = new PartyKeys(party, partyDir.resolve("as4.p12"), partyDir.resolve("as4.crt"),
                    partyDir.resolve("tls.p12"), partyDir.resolve("seal.p12"), partyDir.resolve("seal.crt"),
                    partyDir.resolve("container.p12"), partyDir.resolve("container.crt"));
            write(keys.as4KeyStore(), keyStore(AS4_ALIAS, as4, password), true);
            write(keys.as4Certificate(), pem(as4.certificate()), false);
            write(keys.tlsKeyStore(), keyStore(TLS_ALIAS, tls, password), true);
            write(keys.sealKeyStore(), keyStore(SEAL_ALIAS, seal, password), true);
            write(keys.sealCertificate(), pem(seal.certificate()), false);
            write(keys.containerKeyStore(), keyStore(CONTAINER_ALIAS, container, password), true);
            write(keys.containerCertificate(), pem(container.certificate()), false);
            written.put(party, keys);
        }
        LOG.info("Wrote a test PKI to {} for parties {}", dir, parties);
        return new GeneratedPki(dir, caCertificate, trustStore, written);
    }

    private static void validate(List<String> parties, char[] password) {
        if (password.length == 0) {
            throw new IllegalArgumentException("The key store password must not be empty");
        }
        Set<String> seen = new HashSet<>();
        for (String party : parties) {
            if (party == null || !PARTY_NAME.matcher(party).matches()) {
                throw new IllegalArgumentException("Bad party name '" + party
                        + "': use lowercase letters, digits and '-', e.g. at-prosecutor");
            }
            if (!seen.add(party)) {
                throw new IllegalArgumentException("Party '" + party + "' is listed twice");
            }
        }
    }

    private static byte[] trustStore(X509Certificate ca, char[] password) {
        try {
            KeyStore store = emptyKeyStore();
            store.setCertificateEntry(TRUST_STORE_ALIAS, ca);
            return store(store, password);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build the trust store", e);
        }
    }

    private static byte[] keyStore(String alias, IssuedKey key, char[] password) {
        try {
            KeyStore store = emptyKeyStore();
            // Key password = store password: Tomcat and WSS4J assume that by default.
            store.setKeyEntry(alias, key.privateKey(), password, key.chain().toArray(new Certificate[0]));
            return store(store, password);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build the key store for alias " + alias, e);
        }
    }

    private static KeyStore emptyKeyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KEY_STORE_TYPE);
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException("Cannot create an empty " + KEY_STORE_TYPE + " key store", e);
        }
        return store;
    }

    private static byte[] store(KeyStore store, char[] password) throws GeneralSecurityException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            store.store(out, password);
        } catch (IOException e) {
            throw new GeneralSecurityException("Cannot encode the " + KEY_STORE_TYPE + " key store", e);
        }
        return out.toByteArray();
    }

    private static byte[] pem(X509Certificate certificate) {
        try {
            String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded());
            return ("-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n")
                    .getBytes(StandardCharsets.US_ASCII);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("Cannot encode certificate " + certificate.getSubjectX500Principal(), e);
        }
    }

    /**
     * Writes through a temporary file and a move, so a reader never sees half a key store; a file with a private key
     * is readable by its owner only where the file system has POSIX permissions.
     */
    private static void write(Path target, byte[] bytes, boolean secret) {
        try {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, "." + target.getFileName(), ".tmp");
            try {
                if (secret && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                }
                Files.write(temporary, bytes);
                try {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }
}
