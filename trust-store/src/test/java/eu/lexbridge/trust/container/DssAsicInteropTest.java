package eu.lexbridge.trust.container;

import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.asic.xades.ASiCWithXAdESSignatureParameters;
import eu.europa.esig.dss.asic.xades.signature.ASiCWithXAdESService;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.enumerations.ASiCContainerType;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import eu.lexbridge.trust.keys.SealKey;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official connector builds and checks its containers with DSS's ASiC-S service; ours must be read by it, and
 * its containers by ours.
 */
class DssAsicInteropTest {

    private static final String PARTY = "be-court";

    @TempDir
    static Path shared;
    static ContainerPki pki;

    @TempDir
    Path dir;

    @BeforeAll
    static void pki() {
        pki = ContainerPki.generate(shared, PARTY);
    }

    @Test
    void dssValidatesOurContainerAsAsicSWithXades() throws Exception {
        Path container = dir.resolve("ours.asics");
        new EcodexContainerBuilder(pki.containerKey(PARTY), Clock.systemUTC()).build(new ContainerContent(
                ContainerPart.ofBytes("mainDocument.pdf", "application/pdf", "%PDF-1.4 x".getBytes()), null,
                List.of()), Payloads.authenticationBased(), container);

        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new FileDocument(container.toFile()));
        validator.setCertificateVerifier(verifier());
        Reports reports = validator.validateDocument();

        assertThat(validator.getClass().getSimpleName()).isEqualTo("ASiCContainerWithXAdESValidator");
        assertThat(reports.getDiagnosticData().getContainerType()).isEqualTo(ASiCContainerType.ASiC_S);
        List<SignatureWrapper> signatures = reports.getDiagnosticData().getSignatures();
        assertThat(signatures).hasSize(1);
        SignatureWrapper signature = signatures.get(0);
        assertThat(signature.getSignatureFormat()).isEqualTo(SignatureLevel.XAdES_BASELINE_B);
        assertThat(signature.isSignatureIntact()).isTrue();
        assertThat(signature.getDigestMatchers()).allMatch(m -> m.isDataFound() && m.isDataIntact());
        // Offline, with no CRL or OCSP for the test certificates, DSS's default policy stops at the revocation check;
        // what matters here is that it reads the container, finds the signed object and the signature intact.
        assertThat(reports.getSimpleReport().getIndication(signature.getId())).isNotEqualTo(Indication.TOTAL_FAILED);
        assertThat(signature.getCertificateChain()).anyMatch(c -> c.isTrusted());
    }

    @Test
    void weOpenAContainerThatDssBuilds() throws Exception {
        Path signedContent = dir.resolve("SignedContent.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(signedContent))) {
            zip.putNextEntry(new ZipEntry("mainDocument.pdf"));
            zip.write("%PDF-1.4 from DSS".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("TrustOkToken.pdf"));
            zip.write("%PDF-1.4 token".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        Path container = dir.resolve("dss.asics");
        Files.write(container, builtByDss(pki.containerKey(PARTY), signedContent));

        OpenedContainer opened = new EcodexContainerReader(List.of(pki.ca()), Clock.systemUTC())
                .open(container, dir.resolve("out"));

        assertThat(opened.verification().problems()).isEmpty();
        assertThat(opened.verification().valid()).isTrue();
        assertThat(opened.entries()).extracting(ExtractedEntry::name)
                .containsExactly("mainDocument.pdf", "TrustOkToken.pdf");
        assertThat(Files.readString(dir.resolve("out/mainDocument.pdf"))).isEqualTo("%PDF-1.4 from DSS");
    }

    /**
     * An ASiC-S with a detached XAdES-BASELINE-B over {@code signedContent}, built by DSS's own ASiC-with-XAdES service
     * (the official connector's builder) and sealed with {@code key}.
     */
    static byte[] builtByDss(SealKey key, Path signedContent) throws Exception {
        ASiCWithXAdESService service = new ASiCWithXAdESService(new CommonCertificateVerifier());
        ASiCWithXAdESSignatureParameters parameters = new ASiCWithXAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.XAdES_BASELINE_B);
        parameters.setSignaturePackaging(SignaturePackaging.DETACHED);
        parameters.aSiC().setContainerType(ASiCContainerType.ASiC_S);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(new CertificateToken(key.certificate()));
        parameters.setCheckCertificateRevocation(false);
        parameters.bLevel().setSigningDate(new Date());
        List<DSSDocument> documents = List.of(new FileDocument(signedContent.toFile()));
        ToBeSigned toBeSigned = service.getDataToSign(documents, parameters);
        SignatureAlgorithm algorithm = SignatureAlgorithm.RSA_SHA256;
        byte[] value = key.sign(toBeSigned.getBytes(), algorithm.getJCEId());
        DSSDocument asics = service.signDocument(documents, parameters, new SignatureValue(algorithm, value));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = asics.openStream()) {
            in.transferTo(bytes);
        }
        return bytes.toByteArray();
    }

    /** DSS's verifier trusting the test CA, offline. */
    static CommonCertificateVerifier verifier(java.security.cert.X509Certificate ca) {
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(ca));
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(trusted);
        verifier.setAIASource(null);
        verifier.setOcspSource(null);
        verifier.setCrlSource(null);
        return verifier;
    }

    private static CommonCertificateVerifier verifier() {
        return verifier(pki.ca());
    }
}
