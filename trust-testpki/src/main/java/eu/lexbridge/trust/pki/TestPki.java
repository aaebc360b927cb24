package eu.lexbridge.trust.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
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
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates a complete test PKI for the demo and for tests: a root CA, a trust store, and per party an AS4 key, a
 * TLS key, an evidence-seal key and a container-seal key (Annex I 5.3: a key of its own per purpose). Every key store
 * is a JDK "PKCS12" key store, so the JDK, WSS4J and Tomcat read it as it is.
 *
 * <p>For qualified-signature validation (non-repudiation of business documents) it also writes what the EU trust
 * framework would provide: an issuing CA below the root, a qualified e-seal key per party issued by it, CRLs of both
 * CAs, and an ETSI TS 119 612 trusted list naming the issuing CA as a granted CA/QC service with a signed list of
 * trusted lists pointing to it. So DSS's qualification runs offline exactly as against the EU lists; point a
 * {@code eu.lexbridge.trust.lists.TrustedListsLoader} at {@link TrustedLists#listOfTrustedListsLocation()}.
 *
 * <p>The AS4, TLS, evidence-seal and container-seal keys stay issued by the root (chain of two), as before: AS4
 * partners and the evidence verifier trust the root alone, and an intermediate would have to travel with every AS4
 * message. Only the document-signing keys come from the issuing CA.
 *
 * <p>Not for production: the CA and list-signing keys are thrown away.
 */
public final class TestPki {

    public static final String CA_COMMON_NAME = "LexBridge Test CA";
    public static final String ISSUING_CA_COMMON_NAME = "LexBridge Test Qualified Issuing CA";
    public static final String TRUST_STORE_ALIAS = "ca";
    public static final String AS4_ALIAS = "as4";
    /** eDelivery AS4 2.0 Common Usage Profile: the Ed25519 signing key in {@code as4-edelivery2.p12}. */
    public static final String AS4_SIGN_ALIAS = "as4-sign";
    /** eDelivery AS4 2.0 Common Usage Profile: the X25519 decryption (key agreement) key. */
    public static final String AS4_DECRYPT_ALIAS = "as4-decrypt";
    /** eDelivery AS4 2.0, EC option: the ECDSA P-256 signing key. */
    public static final String AS4_EC_SIGN_ALIAS = "as4-ec-sign";
    /** eDelivery AS4 2.0, EC option: the ECDH P-256 decryption (key agreement) key. */
    public static final String AS4_EC_DECRYPT_ALIAS = "as4-ec-decrypt";
    public static final String TLS_ALIAS = "tls";
    public static final String SEAL_ALIAS = "seal";
    public static final String CONTAINER_ALIAS = "container";
    public static final String DOCUMENT_SEAL_ALIAS = "document-seal";
    public static final String DOCUMENT_SIGNER_ALIAS = "document-signer";
    public static final String DIRECTORY_PUBLISHER_ALIAS = "publisher";
    /**
     * The scheme territory of the test trusted list: ISO 3166 user-assigned "XX", so it cannot be mistaken for a
     * Member State's list. DSS takes any territory from a pointer whose TSL type is EUgeneric.
     */
    public static final String TERRITORY = "XX";

    private static final Logger LOG = LoggerFactory.getLogger(TestPki.class);
    private static final Pattern PARTY_NAME = Pattern.compile("[a-z0-9-]+");
    /** Directories of the PKI itself: a party of that name would overwrite them. */
    private static final Set<String> RESERVED = Set.of("crl", "tl", "advanced", "revoked", "directory");
    /** PBKDF2 iterations of the test key stores ({@link #withTestIterations}): OpenSSL's default for PKCS#12. */
    static final int KEY_STORE_ITERATIONS = 2048;
    private static final List<String> ITERATION_PROPERTIES = List.of("keystore.pkcs12.certPbeIterationCount",
            "keystore.pkcs12.keyPbeIterationCount", "keystore.pkcs12.macIterationCount");
    private static final String KEY_STORE_TYPE = "PKCS12";
    private static final Duration CRL_AND_LIST_BACKDATE = Duration.ofDays(2);

    private TestPki() {
    }

    /**
     * Where the CRLs and the trusted lists are said to be published.
     *
     * @param crlBaseUri the base the CRL distribution points are built from ({@code root.crl}, {@code issuing.crl}
     *     resolved against it); {@code null} for the {@code file:} URI of the output {@code crl/} directory
     * @param listBaseUri the base of the trusted-list locations in the LOTL ({@code lotl.xml},
     *     {@code XX-tl.xml}); {@code null} for the {@code file:} URI of the output {@code tl/} directory. A test can
     *     serve the {@code tl/} directory over loopback HTTP and pass {@code http://127.0.0.1:PORT/tl/}.
     */
    public record Options(URI crlBaseUri, URI listBaseUri) {
        public Options {
            crlBaseUri = crlBaseUri == null ? null : directoryUri(crlBaseUri, "crlBaseUri");
            listBaseUri = listBaseUri == null ? null : directoryUri(listBaseUri, "listBaseUri");
        }

        /** Everything published as {@code file:} URIs under the output directory. */
        public static Options defaults() {
            return new Options(null, null);
        }

        public Options withCrlBaseUri(URI uri) {
            return new Options(Objects.requireNonNull(uri, "crlBaseUri"), listBaseUri);
        }

        public Options withListBaseUri(URI uri) {
            return new Options(crlBaseUri, Objects.requireNonNull(uri, "listBaseUri"));
        }

        /** An absolute base ending in '/', so that resolving a file name keeps the last path segment. */
        private static URI directoryUri(URI uri, String what) {
            if (!uri.isAbsolute() || uri.isOpaque()) {
                throw new IllegalArgumentException(what + " must be an absolute hierarchical URI: " + uri);
            }
            String text = uri.toString();
            return text.endsWith("/") ? uri : URI.create(text + "/");
        }
    }

    /** {@link #generate(Path, List, char[], Options)} with {@link Options#defaults()}. */
    public static GeneratedPki generate(Path dir, List<String> parties, char[] password) {
        return generate(dir, parties, password, Options.defaults());
    }

    /**
     * Generates, under {@code dir}:
     * <ul>
     * <li>{@code ca.crt} (PEM root CA, RSA-3072, 10 years) and {@code truststore.p12} (the root, alias {@code ca});
     * <li>{@code issuing-ca.crt} (PEM issuing CA, RSA-3072, 5 years, path length 0, issued by the root);
     * <li>{@code crl/root.crl} and {@code crl/issuing.crl} (DER, next update in a week); every issued certificate
     *     names its issuer's CRL as distribution point, resolved against {@link Options#crlBaseUri()};
     * <li>per party name P: {@code P/as4.p12} (alias {@code as4}: RSA-2048 key + leaf certificate CN=P AS4, KeyUsage
     *     digitalSignature|nonRepudiation|keyEncipherment, chain including the root), {@code P/as4.crt} (PEM leaf),
     *     {@code P/tls.p12} (alias {@code tls}: RSA-2048 key + leaf CN=P TLS with SAN DNS:localhost and
     *     IP:127.0.0.1, EKU serverAuth+clientAuth), {@code P/seal.p12} (alias {@code seal}: RSA-2048 key + leaf CN=P
     *     Evidence Seal, KeyUsage digitalSignature|nonRepudiation), {@code P/seal.crt} (PEM leaf),
     *     {@code P/container.p12} (alias {@code container}: leaf CN=P Container Seal, same key usage) and
     *     {@code P/container.crt} (PEM leaf), all four issued by the root; {@code P/as4-edelivery2.p12}, the keys of
     *     eDelivery AS4 2.0 (issued by the root too, each with its chain): alias {@code as4-sign} an Ed25519 key (leaf
     *     CN=P AS4 Signing, KeyUsage digitalSignature|nonRepudiation), alias {@code as4-decrypt} an X25519 key (CN=P
     *     AS4 Decryption, KeyUsage keyAgreement), and for the profile's EC option {@code as4-ec-sign} (ECDSA P-256, CN=P
     *     AS4 EC Signing) and {@code as4-ec-decrypt} (ECDH P-256, CN=P AS4 EC Decryption), with the PEM leaves
     *     {@code P/as4-sign.crt}, {@code P/as4-decrypt.crt}, {@code P/as4-ec-sign.crt} and {@code P/as4-ec-decrypt.crt};
     *     and {@code P/document-seal.p12} (alias
     *     {@code document-seal}: a qualified e-seal certificate CN=P Document Seal, O=P, C=XX from the issuing CA,
     *     chain leaf, issuing CA, root) with {@code P/document-seal.crt};
     * <li>{@code advanced/document-signer.p12} + {@code .crt} (alias {@code document-signer}, from the issuing CA,
     *     no QC statements) and {@code revoked/document-signer.p12} + {@code .crt} (the same kind, on
     *     {@code issuing.crl});
     * <li>{@code directory/publisher.p12} + {@code .crt} (alias {@code publisher}: a seal from the root that seals
     *     directory snapshots);
     * <li>{@code tl/XX-tl.xml} (the trusted list, signed), {@code tl/lotl.xml} (the list of trusted lists, signed),
     *     {@code tl/tl-signer.crt} and {@code tl/lotl-signer.crt} (PEM); list locations resolved against
     *     {@link Options#listBaseUri()}; next update in six months.
     * </ul>
     * All PKCS#12 files, and the keys in them, use {@code password}; files holding a private key are readable by
     * their owner only. Leaf certificates are valid from now minus one day for two years. Existing files are
     * overwritten.
     *
     * @param parties party names: lowercase letters, digits and '-', e.g. {@code at-prosecutor}; not
     *     {@code crl}, {@code tl}, {@code advanced}, {@code revoked} or {@code directory}
     * @return a description of what was written
     * @throws IllegalArgumentException for a bad party name, a repeated party, an empty password or a relative base
     *     URI; nothing is written then
     * @throws UncheckedIOException when a file cannot be written
     */
    public static GeneratedPki generate(Path dir, List<String> parties, char[] password, Options options) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(parties, "parties");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(options, "options");
        validate(parties, password);

        GeneratedPki plan = layout(dir, parties, options);
        Instant now = Instant.now();
        RevocationLists crls = plan.revocationLists();
        TestCertificateAuthority root = TestCertificateAuthority.createRoot(CA_COMMON_NAME, now,
                crls.rootCrlLocation());
        TestCertificateAuthority issuing = root.issueSubordinate(ISSUING_CA_COMMON_NAME, now,
                crls.issuingCrlLocation());
        write(plan.caCertificate(), pem(root.certificate()), false);
        write(plan.trustStore(), trustStore(root.certificate(), password), false);
        write(plan.issuingCaCertificate(), pem(issuing.certificate()), false);

        for (PartyKeys keys : plan.parties().values()) {
            String party = keys.party();
            IssuedKey as4 = root.issueAs4(party + " AS4", now);
            IssuedKey tls = root.issueTls(party + " TLS", now);
            IssuedKey seal = root.issueSeal(party + " Evidence Seal", now);
            IssuedKey container = root.issueSeal(party + " Container Seal", now);
            IssuedKey documentSeal = issuing.issueQualifiedSeal(party, party + " Document Seal", TERRITORY, now);
            write(keys.as4KeyStore(), keyStore(AS4_ALIAS, as4, password), true);
            write(keys.as4Certificate(), pem(as4.certificate()), false);
            write(keys.tlsKeyStore(), keyStore(TLS_ALIAS, tls, password), true);
            write(keys.sealKeyStore(), keyStore(SEAL_ALIAS, seal, password), true);
            write(keys.sealCertificate(), pem(seal.certificate()), false);
            write(keys.containerKeyStore(), keyStore(CONTAINER_ALIAS, container, password), true);
            write(keys.containerCertificate(), pem(container.certificate()), false);
            write(keys.documentSealKeyStore(), keyStore(DOCUMENT_SEAL_ALIAS, documentSeal, password), true);
            write(keys.documentSealCertificate(), pem(documentSeal.certificate()), false);
            writeEdelivery2Keys(root, party, keys, password, now);
        }

        writeKey(plan.advancedSigner(), issuing.issueSeal("LexBridge Test Advanced Document Signer", now), password);
        IssuedKey revokedKey = issuing.issueSeal("LexBridge Test Revoked Document Signer", now);
        issuing.revoke(revokedKey.certificate());
        writeKey(plan.revokedSigner(), revokedKey, password);
        writeKey(plan.directoryPublisher(), root.issueSeal("LexBridge Test Directory Publisher", now), password);

        write(crls.rootCrl(), encoded(root.crl(now)), false);
        write(crls.issuingCrl(), encoded(issuing.crl(now)), false);

        writeTrustedLists(plan.trustedLists(), issuing.certificate(), now);
        LOG.info("Wrote a test PKI to {} for parties {}", dir, parties);
        return plan;
    }

    /**
     * What {@link #generate(Path, List, char[], Options)} writes for these arguments, without writing anything: the
     * paths of a PKI generated there earlier, e.g. one kept between test JVMs ({@link SharedTestPki}).
     */
    static GeneratedPki layout(Path dir, List<String> parties, Options options) {
        Path crlDir = dir.resolve("crl");
        Path listDir = dir.resolve("tl");
        URI crlBase = options.crlBaseUri() != null ? options.crlBaseUri()
                : Options.directoryUri(crlDir.toAbsolutePath().toUri(), "crl directory");
        URI listBase = options.listBaseUri() != null ? options.listBaseUri()
                : Options.directoryUri(listDir.toAbsolutePath().toUri(), "tl directory");
        Map<String, PartyKeys> keys = new LinkedHashMap<>();
        for (String party : parties) {
            Path partyDir = dir.resolve(party);
            keys.put(party, new PartyKeys(party, partyDir.resolve("as4.p12"), partyDir.resolve("as4.crt"),
                    partyDir.resolve("tls.p12"), partyDir.resolve("seal.p12"), partyDir.resolve("seal.crt"),
                    partyDir.resolve("container.p12"), partyDir.resolve("container.crt"),
                    partyDir.resolve("document-seal.p12"), partyDir.resolve("document-seal.crt")));
        }
        String tlName = TERRITORY + "-tl.xml";
        TrustedLists lists = new TrustedLists(TERRITORY, listDir.resolve(tlName), listDir.resolve("lotl.xml"),
                listDir.resolve("tl-signer.crt"), listDir.resolve("lotl-signer.crt"), listBase.resolve(tlName),
                listBase.resolve("lotl.xml"));
        return new GeneratedPki(dir, dir.resolve("ca.crt"), dir.resolve("truststore.p12"), keys,
                dir.resolve("issuing-ca.crt"), new RevocationLists(crlDir.resolve("root.crl"),
                crlDir.resolve("issuing.crl"), crlBase.resolve("root.crl"), crlBase.resolve("issuing.crl")),
                lists, keyFiles(dir.resolve("advanced"), DOCUMENT_SIGNER_ALIAS),
                keyFiles(dir.resolve("revoked"), DOCUMENT_SIGNER_ALIAS),
                keyFiles(dir.resolve("directory"), DIRECTORY_PUBLISHER_ALIAS));
    }

    private static KeyFiles keyFiles(Path keyDir, String alias) {
        return new KeyFiles(keyDir.resolve(alias + ".p12"), keyDir.resolve(alias + ".crt"), alias);
    }

    /** The AS4 2.0 keys of one party: a signing and a decryption key per 2.0 option, in one key store. */
    private static void writeEdelivery2Keys(TestCertificateAuthority root, String party, PartyKeys keys,
                                            char[] password, Instant now) {
        Map<String, IssuedKey> issued = new LinkedHashMap<>();
        issued.put(AS4_SIGN_ALIAS, root.issueAs4Signing(party + " AS4 Signing", now,
                TestCertificateAuthority.As4KeyType.ED25519));
        issued.put(AS4_DECRYPT_ALIAS, root.issueAs4Decryption(party + " AS4 Decryption", now,
                TestCertificateAuthority.As4KeyType.X25519));
        issued.put(AS4_EC_SIGN_ALIAS, root.issueAs4Signing(party + " AS4 EC Signing", now,
                TestCertificateAuthority.As4KeyType.P256));
        issued.put(AS4_EC_DECRYPT_ALIAS, root.issueAs4Decryption(party + " AS4 EC Decryption", now,
                TestCertificateAuthority.As4KeyType.P256));
        write(keys.as4Edelivery2KeyStore(), keyStore(issued, password), true);
        issued.forEach((alias, key) -> write(keys.as4Edelivery2Certificate(alias), pem(key.certificate()), false));
    }

    private static void writeTrustedLists(TrustedLists lists, X509Certificate qualifiedCa, Instant now) {
        IssuedKey tlSigner = TestCertificateAuthority.listSigner("LexBridge Test Trusted List Signer", now);
        IssuedKey lotlSigner = TestCertificateAuthority.listSigner("LexBridge Test LOTL Signer", now);
        TrustedListDocuments documents = new TrustedListDocuments(now,
                now.atOffset(ZoneOffset.UTC).plusMonths(6).toInstant());
        byte[] tl = documents.trustedList(TERRITORY, lists.trustedListLocation(), qualifiedCa,
                now.minus(CRL_AND_LIST_BACKDATE));
        byte[] lotl = documents.listOfTrustedLists(lists.listOfTrustedListsLocation(), lotlSigner.certificate(),
                TERRITORY, lists.trustedListLocation(), tlSigner.certificate());
        write(lists.trustedList(), ListSignature.sign(tl, tlSigner, lists.trustedList().getFileName().toString()),
                false);
        write(lists.listOfTrustedLists(), ListSignature.sign(lotl, lotlSigner, "lotl.xml"), false);
        write(lists.trustedListSigner(), pem(tlSigner.certificate()), false);
        write(lists.listOfTrustedListsSigner(), pem(lotlSigner.certificate()), false);
    }

    private static void writeKey(KeyFiles files, IssuedKey key, char[] password) {
        write(files.keyStore(), keyStore(files.alias(), key, password), true);
        write(files.certificate(), pem(key.certificate()), false);
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
            if (RESERVED.contains(party)) {
                throw new IllegalArgumentException("Party name '" + party + "' is taken by the PKI's own "
                        + "directory; choose another");
            }
            if (!seen.add(party)) {
                throw new IllegalArgumentException("Party '" + party + "' is listed twice");
            }
        }
    }

    private static byte[] trustStore(X509Certificate ca, char[] password) {
        return withTestIterations(() -> {
            try {
                KeyStore store = emptyKeyStore();
                store.setCertificateEntry(TRUST_STORE_ALIAS, ca);
                return store(store, password);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot build the trust store", e);
            }
        });
    }

    private static byte[] keyStore(String alias, IssuedKey key, char[] password) {
        return keyStore(Map.of(alias, key), password);
    }

    private static byte[] keyStore(Map<String, IssuedKey> keys, char[] password) {
        return withTestIterations(() -> {
            try {
                KeyStore store = emptyKeyStore();
                // Key password = store password: Tomcat and WSS4J assume that by default.
                for (Map.Entry<String, IssuedKey> key : keys.entrySet()) {
                    store.setKeyEntry(key.getKey(), key.getValue().privateKey(), password,
                            key.getValue().chain().toArray(new Certificate[0]));
                }
                return store(store, password);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot build the key store for aliases " + keys.keySet(), e);
            }
        });
    }

    /**
     * Builds a key store with {@value #KEY_STORE_ITERATIONS} PBKDF2 iterations for its MAC, its certificates and its
     * keys instead of the JDK's 10,000. A test PKI's password is written in tests, in the demo's settings or on a
     * command line, so stretching it protects nothing, while every JVM pays for it at each load: about a seventh of
     * a demo connector's start (JFR samples of its main thread). The JDK reads these counts only from its {@code keystore.pkcs12.*} properties, when a key
     * entry is set and when the store is written, so they are set for that span and restored; the lock keeps two
     * generating threads from restoring each other's (a thread writing another PKCS#12 store meanwhile would take
     * them too: in tests and the demo, nothing does).
     */
    private static synchronized byte[] withTestIterations(Supplier<byte[]> build) {
        Map<String, String> before = new HashMap<>();
        for (String property : ITERATION_PROPERTIES) {
            before.put(property, System.getProperty(property));
            System.setProperty(property, String.valueOf(KEY_STORE_ITERATIONS));
        }
        try {
            return build.get();
        } finally {
            before.forEach((property, value) -> {
                if (value == null) {
                    System.clearProperty(property);
                } else {
                    System.setProperty(property, value);
                }
            });
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

    private static byte[] encoded(X509CRL crl) {
        try {
            return crl.getEncoded();
        } catch (CRLException e) {
            throw new IllegalStateException("Cannot encode the CRL of " + crl.getIssuerX500Principal(), e);
        }
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
