package eu.lexbridge.trust.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import eu.lexbridge.trust.keys.KeyStores;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.operator.bc.BcDefaultDigestProvider;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilderProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestPkiTest {

    private static final char[] PASSWORD = "demo-secret".toCharArray();
    private static final List<String> PARTIES = List.of("at-prosecutor", "de-court");

    @TempDir
    static Path dir;

    private static GeneratedPki pki;
    private static Instant generatedAt;

    @BeforeAll
    static void generate() {
        generatedAt = Instant.now();
        pki = TestPki.generate(dir, PARTIES, PASSWORD);
    }

    @Test
    void describesTheFilesItWrote() throws Exception {
        assertThat(pki.directory()).isEqualTo(dir);
        assertThat(pki.caCertificate()).isEqualTo(dir.resolve("ca.crt")).isRegularFile();
        assertThat(pki.trustStore()).isEqualTo(dir.resolve("truststore.p12")).isRegularFile();
        assertThat(pki.parties()).containsOnlyKeys(PARTIES);
        assertThat(List.copyOf(pki.parties().keySet())).containsExactlyElementsOf(PARTIES);
        PartyKeys court = pki.parties().get("de-court");
        assertThat(court.party()).isEqualTo("de-court");
        assertThat(court.as4KeyStore()).isEqualTo(dir.resolve("de-court/as4.p12")).isRegularFile();
        assertThat(court.as4Certificate()).isEqualTo(dir.resolve("de-court/as4.crt")).isRegularFile();
        assertThat(court.tlsKeyStore()).isEqualTo(dir.resolve("de-court/tls.p12")).isRegularFile();
        assertThat(court.sealKeyStore()).isEqualTo(dir.resolve("de-court/seal.p12")).isRegularFile();
        assertThat(court.sealCertificate()).isEqualTo(dir.resolve("de-court/seal.crt")).isRegularFile();
        assertThat(court.containerKeyStore()).isEqualTo(dir.resolve("de-court/container.p12")).isRegularFile();
        assertThat(court.containerCertificate()).isEqualTo(dir.resolve("de-court/container.crt")).isRegularFile();
        assertThat(Files.readString(court.as4Certificate())).startsWith("-----BEGIN CERTIFICATE-----\n");
        assertThat(Files.readString(court.sealCertificate())).startsWith("-----BEGIN CERTIFICATE-----\n");
        assertThat(Files.readString(court.containerCertificate())).startsWith("-----BEGIN CERTIFICATE-----\n");
    }

    /**
     * Every store is stretched with 2,048 PBKDF2 iterations (its MAC and its key bags), not the JDK's 10,000, and the
     * JDK properties that set that count are not left behind for the JVM's other key stores.
     */
    @Test
    void keyStoresUseTheTestIterationCountAndLeaveTheJvmsDefaults() throws Exception {
        PartyKeys party = pki.parties().get("de-court");
        for (Path store : List.of(pki.trustStore(), party.as4KeyStore(), party.tlsKeyStore(), party.sealKeyStore(),
                party.containerKeyStore(), party.documentSealKeyStore(), party.as4Edelivery2KeyStore())) {
            PKCS12PfxPdu pfx = new PKCS12PfxPdu(Files.readAllBytes(store));
            assertThat(pfx.toASN1Structure().getMacData().getIterationCount()).as(store + ": MAC").isEqualTo(2048);
            assertThat(pfx.isMacValid(new BcPKCS12MacCalculatorBuilderProvider(BcDefaultDigestProvider.INSTANCE),
                    PASSWORD)).as(store + ": MAC valid with the password").isTrue();
            for (ContentInfo content : pfx.getContentInfos()) {
                if (!content.getContentType().equals(PKCSObjectIdentifiers.data)) {
                    continue; // the encrypted certificates: their count is the same property's, and is read above
                }
                for (PKCS12SafeBag bag : new PKCS12SafeBagFactory(content).getSafeBags()) {
                    if (bag.getBagValue() instanceof PKCS8EncryptedPrivateKeyInfo key) {
                        PBES2Parameters pbes2 = PBES2Parameters.getInstance(
                                key.getEncryptionAlgorithm().getParameters());
                        assertThat(PBKDF2Params.getInstance(pbes2.getKeyDerivationFunc().getParameters())
                                .getIterationCount()).as(store + ": key bag").isEqualTo(2048);
                    }
                }
            }
        }
        assertThat(Stream.of("keystore.pkcs12.certPbeIterationCount", "keystore.pkcs12.keyPbeIterationCount",
                "keystore.pkcs12.macIterationCount").map(System::getProperty)).containsOnlyNulls();
    }

    @Test
    void rootCaIsRsa3072SelfSignedForTenYears() throws Exception {
        X509Certificate ca = KeyStores.readCertificate(pki.caCertificate());
        assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=LexBridge Test CA");
        assertThat(ca.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
        ca.verify(ca.getPublicKey());
        assertThat(((RSAPublicKey) ca.getPublicKey()).getModulus().bitLength()).isEqualTo(3072);
        assertThat(ca.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
        Instant notBefore = ca.getNotBefore().toInstant();
        assertThat(ca.getNotAfter().toInstant())
                .isEqualTo(notBefore.atOffset(ZoneOffset.UTC).plusYears(10).toInstant());
    }

    @Test
    void trustStoreHoldsTheCaUnderAliasCa() throws Exception {
        KeyStore trust = KeyStores.loadPkcs12(pki.trustStore(), PASSWORD);
        assertThat(trust.getType()).isEqualToIgnoringCase("PKCS12");
        assertThat(List.copyOf(java.util.Collections.list(trust.aliases()))).containsExactly("ca");
        assertThat(trust.isCertificateEntry("ca")).isTrue();
        assertThat(trust.getCertificate("ca")).isEqualTo(KeyStores.readCertificate(pki.caCertificate()));
    }

    @Test
    void as4KeyIsAnRsa2048SigningAndEncryptionKeyChainedToTheCa() throws Exception {
        PartyKeys party = pki.parties().get("at-prosecutor");
        KeyStore store = KeyStores.loadPkcs12(party.as4KeyStore(), PASSWORD);
        assertThat(List.copyOf(java.util.Collections.list(store.aliases()))).containsExactly("as4");
        X509Certificate leaf = (X509Certificate) store.getCertificate("as4");
        PrivateKey key = (PrivateKey) store.getKey("as4", PASSWORD);

        assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=at-prosecutor AS4");
        assertThat(leaf).isEqualTo(KeyStores.readCertificate(party.as4Certificate()));
        assertThat(((RSAPublicKey) leaf.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(leaf.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
        boolean[] usage = leaf.getKeyUsage();
        assertThat(usage[0]).as("digitalSignature").isTrue();
        assertThat(usage[1]).as("nonRepudiation").isTrue();
        assertThat(usage[2]).as("keyEncipherment").isTrue();
        assertThat(usage[5]).as("keyCertSign").isFalse();
        assertThat(store.getCertificateChain("as4")).hasSize(2);
        assertValidChain(store.getCertificateChain("as4"));
        assertSignsAndVerifies(key, leaf);
    }

    /** Annex I 5.3: the evidence seal is a key of its own, and its certificate allows signing only. */
    @Test
    void sealKeyIsAnRsa2048SigningOnlyKeyOfItsOwnChainedToTheCa() throws Exception {
        PartyKeys party = pki.parties().get("at-prosecutor");
        X509Certificate leaf = assertSigningOnlyKey(party.sealKeyStore(), "seal", "CN=at-prosecutor Evidence Seal",
                party.sealCertificate());

        X509Certificate as4 = KeyStores.readCertificate(party.as4Certificate());
        X509Certificate tls = (X509Certificate) KeyStores.loadPkcs12(party.tlsKeyStore(), PASSWORD)
                .getCertificate("tls");
        assertThat(leaf.getPublicKey()).isNotEqualTo(as4.getPublicKey()).isNotEqualTo(tls.getPublicKey());
    }

    /** Annex I 5.3: the container seal is a key of its own too, apart from the evidence seal, AS4 and TLS keys. */
    @Test
    void containerKeyIsAnRsa2048SigningOnlyKeyOfItsOwnChainedToTheCa() throws Exception {
        PartyKeys party = pki.parties().get("at-prosecutor");
        assertThat(TestPki.CONTAINER_ALIAS).isEqualTo("container");
        X509Certificate leaf = assertSigningOnlyKey(party.containerKeyStore(), "container",
                "CN=at-prosecutor Container Seal", party.containerCertificate());

        X509Certificate evidenceSeal = KeyStores.readCertificate(party.sealCertificate());
        X509Certificate as4 = KeyStores.readCertificate(party.as4Certificate());
        X509Certificate tls = (X509Certificate) KeyStores.loadPkcs12(party.tlsKeyStore(), PASSWORD)
                .getCertificate("tls");
        assertThat(leaf.getPublicKey()).isNotEqualTo(evidenceSeal.getPublicKey())
                .isNotEqualTo(as4.getPublicKey()).isNotEqualTo(tls.getPublicKey());
    }

    @Test
    void partyKeysRefusesAMissingContainerKey() {
        Path any = dir.resolve("x");
        assertThatThrownBy(() -> new PartyKeys("p", any, any, any, any, any, null, any, any, any))
                .isInstanceOf(NullPointerException.class).hasMessage("containerKeyStore");
        assertThatThrownBy(() -> new PartyKeys("p", any, any, any, any, any, any, null, any, any))
                .isInstanceOf(NullPointerException.class).hasMessage("containerCertificate");
    }

    @Test
    void leafCertificatesAreValidFromADayAgoForTwoYears() throws Exception {
        X509Certificate leaf = KeyStores.readCertificate(pki.parties().get("de-court").as4Certificate());
        Instant notBefore = leaf.getNotBefore().toInstant();
        assertThat(notBefore).isCloseTo(generatedAt.minus(Duration.ofDays(1)), within(1, ChronoUnit.MINUTES));
        assertThat(leaf.getNotAfter().toInstant())
                .isEqualTo(notBefore.atOffset(ZoneOffset.UTC).plusYears(2).toInstant());
        leaf.checkValidity();
    }

    @Test
    void tlsKeyIsForServerAndClientOnLocalhost() throws Exception {
        KeyStore store = KeyStores.loadPkcs12(pki.parties().get("de-court").tlsKeyStore(), PASSWORD);
        assertThat(List.copyOf(java.util.Collections.list(store.aliases()))).containsExactly("tls");
        X509Certificate leaf = (X509Certificate) store.getCertificate("tls");
        assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=de-court TLS");
        assertThat(((RSAPublicKey) leaf.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(leaf.getExtendedKeyUsage()).containsExactlyInAnyOrder("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        assertThat(leaf.getSubjectAlternativeNames())
                .containsExactlyInAnyOrder(List.of(2, "localhost"), List.of(7, "127.0.0.1"));
        assertValidChain(store.getCertificateChain("tls"));
    }

    /** Real use: mutual TLS over loopback with host-name checking, one party as server and one as client. */
    @Test
    void tlsKeysCarryAMutualTlsHandshakeOnLocalhost() throws Exception {
        SSLContext server = tlsContext("de-court");
        SSLContext client = tlsContext("at-prosecutor");
        try (SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setNeedClientAuth(true);
            listener.setSoTimeout(10_000);
            CompletableFuture<String> clientSeenByServer = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket socket = (SSLSocket) listener.accept()) {
                    socket.setSoTimeout(10_000);
                    InputStream in = socket.getInputStream();
                    int b = in.read();
                    socket.getOutputStream().write(b + 1);
                    socket.getOutputStream().flush();
                    return ((X509Certificate) socket.getSession().getPeerCertificates()[0])
                            .getSubjectX500Principal().getName();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (SSLSocket socket = (SSLSocket) client.getSocketFactory()
                    .createSocket("localhost", listener.getLocalPort())) {
                socket.setSoTimeout(10_000);
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS"); // checks SAN DNS:localhost
                socket.setSSLParameters(parameters);
                OutputStream out = socket.getOutputStream();
                out.write(41);
                out.flush();
                assertThat(socket.getInputStream().read()).isEqualTo(42);
                assertThat(((X509Certificate) socket.getSession().getPeerCertificates()[0])
                        .getSubjectX500Principal().getName()).isEqualTo("CN=de-court TLS");
            }
            assertThat(clientSeenByServer.get(10, TimeUnit.SECONDS)).isEqualTo("CN=at-prosecutor TLS");
        }
    }

    @Test
    void overwritesAnExistingPkiWithANewOne(@TempDir Path other) throws Exception {
        GeneratedPki first = TestPki.generate(other, List.of("eurojust"), PASSWORD);
        X509Certificate firstCa = KeyStores.readCertificate(first.caCertificate());
        GeneratedPki second = TestPki.generate(other, List.of("eurojust"), PASSWORD);
        X509Certificate secondCa = KeyStores.readCertificate(second.caCertificate());
        assertThat(secondCa).isNotEqualTo(firstCa);
        X509Certificate leaf = KeyStores.readCertificate(second.parties().get("eurojust").as4Certificate());
        leaf.verify(secondCa.getPublicKey());
        try (var files = Files.list(other)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"AT-court", "de court", "de_court", "de/court", "../evil", "", "é-court"})
    void refusesABadPartyNameAndWritesNothing(String bad, @TempDir Path target) throws Exception {
        assertThatThrownBy(() -> TestPki.generate(target, List.of("at-prosecutor", bad), PASSWORD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + bad + "'");
        try (var files = Files.list(target)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void refusesARepeatedPartyAndAnEmptyPassword(@TempDir Path target) {
        assertThatThrownBy(() -> TestPki.generate(target, List.of("de-court", "de-court"), PASSWORD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("de-court");
        assertThatThrownBy(() -> TestPki.generate(target, List.of("de-court"), new char[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("password");
    }

    /**
     * A seal key of its own: the only entry of its store, RSA-2048, chained to the root, signing only (digitalSignature
     * and nonRepudiation, no encipherment, no certificate signing, no extended usage); it signs and verifies.
     */
    private static X509Certificate assertSigningOnlyKey(java.nio.file.Path keyStore, String alias, String subject,
                                                        java.nio.file.Path certificate) throws Exception {
        KeyStore store = KeyStores.loadPkcs12(keyStore, PASSWORD);
        assertThat(List.copyOf(java.util.Collections.list(store.aliases()))).containsExactly(alias);
        X509Certificate leaf = (X509Certificate) store.getCertificate(alias);
        PrivateKey key = (PrivateKey) store.getKey(alias, PASSWORD);

        assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo(subject);
        assertThat(leaf).isEqualTo(KeyStores.readCertificate(certificate));
        assertThat(((RSAPublicKey) leaf.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(leaf.getCriticalExtensionOIDs()).contains("2.5.29.15");
        boolean[] usage = leaf.getKeyUsage();
        assertThat(usage[0]).as("digitalSignature").isTrue();
        assertThat(usage[1]).as("nonRepudiation").isTrue();
        assertThat(usage[2]).as("keyEncipherment").isFalse();
        assertThat(usage[5]).as("keyCertSign").isFalse();
        assertThat(leaf.getExtendedKeyUsage()).isNull();
        assertThat(store.getCertificateChain(alias)).hasSize(2);
        assertValidChain(store.getCertificateChain(alias));
        assertSignsAndVerifies(key, leaf);
        return leaf;
    }

    private static void assertValidChain(java.security.cert.Certificate[] chain) throws Exception {
        KeyStore trust = KeyStores.loadPkcs12(pki.trustStore(), PASSWORD);
        CertPath path = CertificateFactory.getInstance("X.509")
                .generateCertPath(Arrays.asList(chain).subList(0, chain.length - 1));
        PKIXParameters parameters = new PKIXParameters(trust);
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(path, parameters);
        assertThat(chain[chain.length - 1]).isEqualTo(trust.getCertificate("ca"));
    }

    private static void assertSignsAndVerifies(PrivateKey key, X509Certificate certificate) throws Exception {
        byte[] data = "evidence".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(certificate);
        verifier.update(data);
        assertThat(verifier.verify(signature)).isTrue();
    }

    private static SSLContext tlsContext(String party) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(KeyStores.loadPkcs12(pki.parties().get(party).tlsKeyStore(), PASSWORD), PASSWORD);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(KeyStores.loadPkcs12(pki.trustStore(), PASSWORD));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }
}
