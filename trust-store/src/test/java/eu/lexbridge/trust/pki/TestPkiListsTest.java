package eu.lexbridge.trust.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.xades.tsl.TLStructureVerifier;
import eu.lexbridge.trust.keys.KeyStores;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.qualified.ETSIQCObjectIdentifiers;
import org.bouncycastle.asn1.x509.qualified.QCStatement;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The issuing CA, CRLs, qualified and advanced document keys and the trusted lists of {@link TestPki}. */
class TestPkiListsTest {

    private static final char[] PASSWORD = "list-secret".toCharArray();

    @TempDir
    static Path dir;

    private static GeneratedPki pki;
    private static Instant generatedAt;

    @BeforeAll
    static void generate() {
        generatedAt = Instant.now();
        pki = TestPki.generate(dir, List.of("at-prosecutor", "de-court"), PASSWORD);
    }

    @Test
    void describesTheNewFilesItWrote() throws Exception {
        assertThat(pki.issuingCaCertificate()).isEqualTo(dir.resolve("issuing-ca.crt")).isRegularFile();
        assertThat(pki.revocationLists().rootCrl()).isEqualTo(dir.resolve("crl/root.crl")).isRegularFile();
        assertThat(pki.revocationLists().issuingCrl()).isEqualTo(dir.resolve("crl/issuing.crl")).isRegularFile();
        assertThat(pki.revocationLists().issuingCrlLocation()).isEqualTo(dir.resolve("crl/issuing.crl").toUri());
        assertThat(pki.trustedLists().territory()).isEqualTo("XX");
        assertThat(pki.trustedLists().trustedList()).isEqualTo(dir.resolve("tl/XX-tl.xml")).isRegularFile();
        assertThat(pki.trustedLists().listOfTrustedLists()).isEqualTo(dir.resolve("tl/lotl.xml")).isRegularFile();
        assertThat(pki.trustedLists().trustedListSigner()).isEqualTo(dir.resolve("tl/tl-signer.crt")).isRegularFile();
        assertThat(pki.trustedLists().listOfTrustedListsSigner()).isEqualTo(dir.resolve("tl/lotl-signer.crt"))
                .isRegularFile();
        assertThat(pki.trustedLists().listOfTrustedListsLocation()).isEqualTo(dir.resolve("tl/lotl.xml").toUri());
        PartyKeys court = pki.parties().get("de-court");
        assertThat(court.documentSealKeyStore()).isEqualTo(dir.resolve("de-court/document-seal.p12")).isRegularFile();
        assertThat(court.documentSealCertificate()).isEqualTo(dir.resolve("de-court/document-seal.crt"))
                .isRegularFile();
        assertThat(pki.advancedSigner()).isEqualTo(new KeyFiles(dir.resolve("advanced/document-signer.p12"),
                dir.resolve("advanced/document-signer.crt"), "document-signer"));
        assertThat(pki.revokedSigner()).isEqualTo(new KeyFiles(dir.resolve("revoked/document-signer.p12"),
                dir.resolve("revoked/document-signer.crt"), "document-signer"));
        assertThat(pki.directoryPublisher()).isEqualTo(new KeyFiles(dir.resolve("directory/publisher.p12"),
                dir.resolve("directory/publisher.crt"), "publisher"));
        // No private key of a CA or list signer is left anywhere.
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
                    .filter(name -> name.endsWith(".p12")))
                    .containsExactlyInAnyOrder("truststore.p12", "advanced/document-signer.p12",
                            "revoked/document-signer.p12", "at-prosecutor/as4.p12", "at-prosecutor/tls.p12",
                            "at-prosecutor/seal.p12", "at-prosecutor/container.p12",
                            "at-prosecutor/document-seal.p12", "de-court/as4.p12", "de-court/tls.p12",
                            "de-court/seal.p12", "de-court/container.p12", "de-court/document-seal.p12",
                            "at-prosecutor/as4-edelivery2.p12", "de-court/as4-edelivery2.p12",
                            "directory/publisher.p12");
        }
    }

    @Test
    void documentKeysAreOwnerOnly() throws Exception {
        for (Path secret : List.of(pki.parties().get("de-court").documentSealKeyStore(),
                pki.advancedSigner().keyStore(), pki.revokedSigner().keyStore())) {
            assertThat(Files.getPosixFilePermissions(secret))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
    }

    @Test
    void issuingCaIsAnRsa3072CaBelowTheRootForLeavesOnly() throws Exception {
        X509Certificate root = KeyStores.readCertificate(pki.caCertificate());
        X509Certificate issuing = KeyStores.readCertificate(pki.issuingCaCertificate());
        issuing.verify(root.getPublicKey());
        assertThat(issuing.getSubjectX500Principal().getName()).isEqualTo("CN=" + TestPki.ISSUING_CA_COMMON_NAME);
        assertThat(issuing.getBasicConstraints()).isZero();
        assertThat(issuing.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(issuing.getKeyUsage()[6]).as("cRLSign").isTrue();
        assertThat(crlDistributionPoints(issuing)).containsExactly(pki.revocationLists().rootCrlLocation().toString());
    }

    @Test
    void documentSealIsAQualifiedESealForALegalPersonFromTheIssuingCa() throws Exception {
        PartyKeys party = pki.parties().get("at-prosecutor");
        KeyStore store = KeyStores.loadPkcs12(party.documentSealKeyStore(), PASSWORD);
        assertThat(Collections.list(store.aliases())).containsExactly("document-seal");
        X509Certificate leaf = (X509Certificate) store.getCertificate("document-seal");
        assertThat(leaf).isEqualTo(KeyStores.readCertificate(party.documentSealCertificate()));
        assertThat(store.getCertificateChain("document-seal")).containsExactly(leaf,
                KeyStores.readCertificate(pki.issuingCaCertificate()), KeyStores.readCertificate(pki.caCertificate()));
        assertThat(leaf.getSubjectX500Principal().getName())
                .contains("CN=at-prosecutor Document Seal", "O=at-prosecutor", "C=XX", "2.5.4.97=");
        boolean[] usage = leaf.getKeyUsage();
        assertThat(usage[0]).as("digitalSignature").isTrue();
        assertThat(usage[1]).as("nonRepudiation").isTrue();
        assertThat(usage[2]).as("keyEncipherment").isFalse();

        JcaX509CertificateHolder holder = new JcaX509CertificateHolder(leaf);
        ASN1Sequence statements = ASN1Sequence.getInstance(
                holder.getExtension(Extension.qCStatements).getParsedValue());
        List<QCStatement> parsed = Arrays.stream(statements.toArray()).map(QCStatement::getInstance).toList();
        assertThat(parsed).extracting(QCStatement::getStatementId).containsExactly(
                ETSIQCObjectIdentifiers.id_etsi_qcs_QcCompliance, ETSIQCObjectIdentifiers.id_etsi_qcs_QcType,
                ETSIQCObjectIdentifiers.id_etsi_qcs_QcSSCD);
        ASN1Sequence types = ASN1Sequence.getInstance(parsed.get(1).getStatementInfo());
        assertThat(types.toArray()).containsExactly(new ASN1ObjectIdentifier("0.4.0.1862.1.6.2"));
        CertificatePolicies policies = CertificatePolicies.getInstance(
                holder.getExtension(Extension.certificatePolicies).getParsedValue());
        assertThat(policies.getPolicyInformation()).extracting(p -> p.getPolicyIdentifier().getId())
                .containsExactly("0.4.0.194112.1.3");
        assertThat(crlDistributionPoints(leaf))
                .containsExactly(pki.revocationLists().issuingCrlLocation().toString());
    }

    @Test
    void advancedSignerHasNoQcStatementsAndTheOldKeysStayBelowTheRoot() throws Exception {
        X509Certificate advanced = KeyStores.readCertificate(pki.advancedSigner().certificate());
        assertThat(advanced.getExtensionValue(Extension.qCStatements.getId())).isNull();
        assertThat(advanced.getExtensionValue(Extension.certificatePolicies.getId())).isNull();
        assertThat(advanced.getKeyUsage()[1]).as("nonRepudiation").isTrue();
        assertThat(KeyStores.loadPkcs12(pki.advancedSigner().keyStore(), PASSWORD)
                .getCertificateChain("document-signer")).hasSize(3);

        X509Certificate seal = KeyStores.readCertificate(pki.parties().get("de-court").sealCertificate());
        assertThat(seal.getIssuerX500Principal().getName()).isEqualTo("CN=" + TestPki.CA_COMMON_NAME);
        assertThat(crlDistributionPoints(seal)).containsExactly(pki.revocationLists().rootCrlLocation().toString());
    }

    @Test
    void crlsAreSignedByTheirCaAWeekAheadAndOnlyTheRevokedSignerIsOnIssuingCrl() throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        X509CRL rootCrl = crl(factory, pki.revocationLists().rootCrl());
        X509CRL issuingCrl = crl(factory, pki.revocationLists().issuingCrl());
        X509Certificate root = KeyStores.readCertificate(pki.caCertificate());
        X509Certificate issuing = KeyStores.readCertificate(pki.issuingCaCertificate());
        rootCrl.verify(root.getPublicKey());
        issuingCrl.verify(issuing.getPublicKey());
        assertThat(issuingCrl.getIssuerX500Principal()).isEqualTo(issuing.getSubjectX500Principal());
        assertThat(issuingCrl.getNextUpdate().toInstant()).isCloseTo(generatedAt.plus(Duration.ofDays(7)),
                within(1, ChronoUnit.MINUTES));
        assertThat(rootCrl.getRevokedCertificates()).isNull();

        X509Certificate revoked = KeyStores.readCertificate(pki.revokedSigner().certificate());
        assertThat(issuingCrl.getRevokedCertificates()).hasSize(1);
        assertThat(issuingCrl.getRevokedCertificate(revoked.getSerialNumber())).isNotNull();
        assertThat(issuingCrl.isRevoked(revoked)).isTrue();
        assertThat(issuingCrl.isRevoked(KeyStores.readCertificate(pki.advancedSigner().certificate()))).isFalse();
        for (PartyKeys party : pki.parties().values()) {
            assertThat(issuingCrl.isRevoked(KeyStores.readCertificate(party.documentSealCertificate()))).isFalse();
        }
        // Bouncy Castle reads them too, with the extensions a conforming CRL has.
        X509CRLHolder holder = new X509CRLHolder(Files.readAllBytes(pki.revocationLists().issuingCrl()));
        assertThat(holder.getExtension(Extension.cRLNumber)).isNotNull();
        assertThat(AuthorityKeyIdentifier.fromExtensions(holder.getExtensions()).getKeyIdentifierOctets())
                .isEqualTo(new JcaX509ExtensionUtils().createSubjectKeyIdentifier(issuing.getPublicKey())
                        .getKeyIdentifier());
    }

    /** The JDK's PKIX validator, with the CRLs as its only revocation data: good chains pass, the revoked fails. */
    @Test
    void pkixWithTheCrlsAcceptsTheSealsAndRejectsTheRevokedSigner() throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        X509Certificate root = KeyStores.readCertificate(pki.caCertificate());
        X509Certificate issuing = KeyStores.readCertificate(pki.issuingCaCertificate());
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        parameters.setRevocationEnabled(true);
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(List.of(
                crl(factory, pki.revocationLists().rootCrl()), crl(factory, pki.revocationLists().issuingCrl())))));
        CertPathValidator validator = CertPathValidator.getInstance("PKIX");

        X509Certificate seal = KeyStores.readCertificate(pki.parties().get("de-court").documentSealCertificate());
        validator.validate(factory.generateCertPath(List.of(seal, issuing)), parameters);
        X509Certificate revoked = KeyStores.readCertificate(pki.revokedSigner().certificate());
        assertThatThrownBy(() -> validator.validate(factory.generateCertPath(List.of(revoked, issuing)), parameters))
                .isInstanceOfSatisfying(CertPathValidatorException.class,
                        e -> assertThat(e.getReason()).isEqualTo(CertPathValidatorException.BasicReason.REVOKED));
    }

    @Test
    void listsAreTrustedListsVersion6ThatDssAccepts() {
        TLStructureVerifier verifier = new TLStructureVerifier().setAcceptedTLVersions(List.of(6));
        assertThat(verifier.validate(new FileDocument(pki.trustedLists().trustedList().toFile()), 6)).isEmpty();
        assertThat(verifier.validate(new FileDocument(pki.trustedLists().listOfTrustedLists().toFile()), 6))
                .isEmpty();
    }

    @Test
    void baseUrisGoIntoTheDistributionPointsAndTheLotl(@TempDir Path other) throws Exception {
        GeneratedPki served = TestPki.generate(other, List.of("eurojust"), PASSWORD, TestPki.Options.defaults()
                .withCrlBaseUri(URI.create("http://127.0.0.1:8099/crl"))
                .withListBaseUri(URI.create("http://127.0.0.1:8099/tl/")));
        assertThat(served.revocationLists().issuingCrlLocation())
                .isEqualTo(URI.create("http://127.0.0.1:8099/crl/issuing.crl"));
        assertThat(crlDistributionPoints(KeyStores.readCertificate(
                served.parties().get("eurojust").documentSealCertificate())))
                .containsExactly("http://127.0.0.1:8099/crl/issuing.crl");
        assertThat(served.trustedLists().listOfTrustedListsLocation())
                .isEqualTo(URI.create("http://127.0.0.1:8099/tl/lotl.xml"));
        assertThat(Files.readString(served.trustedLists().listOfTrustedLists()))
                .contains("<TSLLocation>http://127.0.0.1:8099/tl/XX-tl.xml</TSLLocation>");
    }

    @Test
    void refusesRelativeBaseUrisAndReservedPartyNames() {
        assertThatThrownBy(() -> TestPki.Options.defaults().withCrlBaseUri(URI.create("crl/")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("crlBaseUri");
        assertThatThrownBy(() -> TestPki.generate(dir.resolve("x"), List.of("tl"), PASSWORD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'tl'");
    }

    private static X509CRL crl(CertificateFactory factory, Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509CRL) factory.generateCRL(in);
        }
    }

    static List<String> crlDistributionPoints(X509Certificate certificate) throws Exception {
        CRLDistPoint points = CRLDistPoint.getInstance(
                new JcaX509CertificateHolder(certificate).getExtension(Extension.cRLDistributionPoints)
                        .getParsedValue());
        return Arrays.stream(points.getDistributionPoints()).map(DistributionPoint::getDistributionPoint)
                .flatMap(name -> Arrays.stream(GeneralNames.getInstance(name.getName()).getNames()))
                .filter(name -> name.getTagNo() == GeneralName.uniformResourceIdentifier)
                .map(name -> name.getName().toString()).toList();
    }
}
