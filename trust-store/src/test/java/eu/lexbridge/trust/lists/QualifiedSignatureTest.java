package eu.lexbridge.trust.lists;

import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.cades.CAdESSignatureParameters;
import eu.europa.esig.dss.cades.signature.CAdESService;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.enumerations.SignatureQualification;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.aia.DefaultAIASource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.SharedTestPki;
import eu.lexbridge.trust.pki.TestPki;
import eu.lexbridge.trust.signature.UrlDataLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DSS's qualification engine, fed with the test PKI's trusted lists (loaded offline from {@code file:} URLs) and its
 * CRLs: a CAdES-B seal made with {@code document-seal.p12} comes out as a qualified electronic seal (QESeal), one
 * made with the advanced signer's key as valid but not qualified, and one made with the revoked key as not valid.
 */
class QualifiedSignatureTest {

    private static final char[] PASSWORD = "qes-secret".toCharArray();

    @TempDir
    static Path dir;

    private static GeneratedPki pki;
    private static TrustedListsLoader lists;

    @BeforeAll
    static void loadLists() {
        pki = SharedTestPki.copyTo(dir, List.of("de-court"), PASSWORD);
        lists = TrustedListsLoaderTest.loader(pki, null);
        assertThat(lists.refresh().accepted()).isTrue();
    }

    @Test
    void theDocumentSealMakesAQualifiedElectronicSeal() {
        SimpleReport report = validate(sign(pki.parties().get("de-court").documentSealKeyStore(),
                TestPki.DOCUMENT_SEAL_ALIAS));
        String id = report.getFirstSignatureId();
        assertThat(report.getIndication(id)).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.getSignatureQualification(id)).isEqualTo(SignatureQualification.QESEAL);
    }

    /**
     * Valid, but not qualified: DSS says UNKNOWN, not ADESEAL, because without a QcType it takes the kind (signature
     * or seal) from the trusted list, and the CA is listed for both (ForeSignatures and ForeSeals).
     */
    @Test
    void theAdvancedSignerMakesAValidSignatureThatIsNotQualified() {
        SimpleReport report = validate(sign(pki.advancedSigner().keyStore(), pki.advancedSigner().alias()));
        String id = report.getFirstSignatureId();
        assertThat(report.getIndication(id)).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.getSignatureQualification(id)).isEqualTo(SignatureQualification.UNKNOWN);
    }

    @Test
    void theRevokedSignerIsCaughtByTheCrl() {
        SimpleReport report = validate(sign(pki.revokedSigner().keyStore(), pki.revokedSigner().alias()));
        String id = report.getFirstSignatureId();
        assertThat(report.getIndication(id)).isEqualTo(Indication.INDETERMINATE);
        assertThat(report.getSubIndication(id)).isEqualTo(SubIndication.REVOKED_NO_POE);
        assertThat(report.getSignatureQualification(id)).isEqualTo(SignatureQualification.INDETERMINATE_UNKNOWN);
    }

    private static SimpleReport validate(DSSDocument signed) {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(lists.certificateSource());
        // The CRL distribution points are file: URLs here; the same loader reads them without any HTTP.
        verifier.setCrlSource(new OnlineCRLSource(UrlDataLoader.forLists()));
        verifier.setOcspSource(null);
        verifier.setAIASource(new DefaultAIASource(UrlDataLoader.forLists()));
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(signed);
        validator.setCertificateVerifier(verifier);
        Reports reports = validator.validateDocument();
        return reports.getSimpleReport();
    }

    private static DSSDocument sign(Path keyStore, String alias) {
        try {
            KeyStore store = KeyStores.loadPkcs12(keyStore, PASSWORD);
            PrivateKey key = (PrivateKey) store.getKey(alias, PASSWORD);
            List<CertificateToken> chain = Arrays.stream(store.getCertificateChain(alias))
                    .map(certificate -> new CertificateToken((X509Certificate) certificate)).toList();
            DSSDocument document = new InMemoryDocument(
                    "<order>pay 100 EUR</order>".getBytes(StandardCharsets.UTF_8), "order.xml");
            CAdESSignatureParameters parameters = new CAdESSignatureParameters();
            parameters.setSignatureLevel(SignatureLevel.CAdES_BASELINE_B);
            parameters.setSignaturePackaging(SignaturePackaging.ENVELOPING);
            parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
            parameters.setSigningCertificate(chain.get(0));
            parameters.setCertificateChain(chain);
            CAdESService service = new CAdESService(new CommonCertificateVerifier());
            ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
            Signature signature = Signature.getInstance(parameters.getSignatureAlgorithm().getJCEId());
            signature.initSign(key);
            signature.update(toBeSigned.getBytes());
            return service.signDocument(document, parameters,
                    new SignatureValue(parameters.getSignatureAlgorithm(), signature.sign()));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign with " + keyStore, e);
        }
    }
}
