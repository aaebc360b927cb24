package eu.lexbridge.trust.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.europa.esig.dss.asic.xades.ASiCWithXAdESSignatureParameters;
import eu.europa.esig.dss.asic.xades.signature.ASiCWithXAdESService;
import eu.europa.esig.dss.cades.CAdESSignatureParameters;
import eu.europa.esig.dss.cades.signature.CAdESService;
import eu.europa.esig.dss.enumerations.ASiCContainerType;
import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.signature.AbstractSignatureParameters;
import eu.europa.esig.dss.signature.DocumentSignatureService;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.signature.XAdESService;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.SharedTestPki;
import eu.lexbridge.trust.pki.TestPki;
import eu.lexbridge.trust.signature.RevocationStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentValidatorTest {

    private static final char[] PASSWORD = "document-test-Pa55".toCharArray();
    private static final String XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Order xmlns="urn:lexbridge:test"><Claim>EUR 1200.00</Claim><Court>Wien</Court></Order>
            """;

    @TempDir
    static Path dir;

    private static SealKey signer;
    private static SealKey stranger;
    private static X509Certificate anchor;
    private static DocumentValidator validator;
    private static Instant signedAt;

    @BeforeAll
    static void pkis() {
        GeneratedPki pki = SharedTestPki.copyTo(dir.resolve("pki"), List.of("alice"), PASSWORD);
        GeneratedPki other = TestPki.generate(dir.resolve("other-pki"), List.of("mallory"), PASSWORD);
        signer = sealKey(pki, "alice");
        stranger = sealKey(other, "mallory");
        anchor = KeyStores.readCertificate(pki.caCertificate());
        signedAt = Instant.now().minusSeconds(5);
        validator = new DocumentValidator(List.of(anchor), Clock.systemUTC());
    }

    private static SealKey sealKey(GeneratedPki pki, String party) {
        return SealKey.fromKeyStore(KeyStores.loadPkcs12(pki.parties().get(party).sealKeyStore(), PASSWORD),
                TestPki.SEAL_ALIAS, PASSWORD);
    }

    @Test
    void envelopedXadesIsIntactAndTrusted() throws IOException {
        DocumentValidation validation = validator.validate(write("order.xml", xades(signer, XML)));

        assertThat(validation.format()).isEqualTo("XAdES_BASELINE_B");
        assertThat(validation.signatures()).singleElement().satisfies(s -> {
            assertThat(s.intact()).isTrue();
            assertThat(s.trusted()).isTrue();
            assertThat(s.format()).isEqualTo("XAdES_BASELINE_B");
            assertThat(s.signerSubject()).isEqualTo(signer.certificate().getSubjectX500Principal().getName());
            assertThat(s.signingTime()).isEqualTo(signedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            assertThat(s.signatureId()).isNotBlank();
            assertThat(s.dssIndication()).isNotNull();
            assertThat(s.revocation()).isEqualTo(RevocationStatus.NOT_CHECKED); // offline by default
            assertThat(s.revokedAt()).isNull();
            assertThat(s.qualification()).isEqualTo("N/A"); // no trusted lists
            assertThat(s.qualified()).isFalse();
            assertThat(s.problems()).isEmpty();
        });
        assertThat(validation.allIntactAndTrusted()).isTrue();
        assertThat(validation.validationTime()).isBetween(signedAt, Instant.now());
        assertThat(new String(validation.report(), StandardCharsets.UTF_8)).startsWith("<?xml")
                .contains("SimpleReport").doesNotContain("EUR 1200.00");
    }

    @Test
    void sameResultFromAStream() {
        byte[] signed = xades(signer, XML);
        DocumentValidation validation = validator.validate(new ByteArrayInputStream(signed), "order.xml");
        assertThat(validation.allIntactAndTrusted()).isTrue();
    }

    @Test
    void tamperedXadesIsNotIntact() throws IOException {
        String signed = new String(xades(signer, XML), StandardCharsets.UTF_8);
        assertThat(signed).contains("EUR 1200.00");
        byte[] tampered = signed.replace("EUR 1200.00", "EUR 9200.00").getBytes(StandardCharsets.UTF_8);

        DocumentValidation validation = validator.validate(write("tampered.xml", tampered));

        assertThat(validation.signatures()).singleElement().satisfies(s -> {
            assertThat(s.intact()).isFalse();
            assertThat(s.trusted()).isTrue(); // the signer is known; what it signed is not what is here
            assertThat(s.problems()).anySatisfy(p -> assertThat(p).contains("does not match"));
            assertThat(s.dssIndication()).isEqualTo("TOTAL_FAILED");
            assertThat(s.dssSubIndication()).isEqualTo("HASH_FAILURE");
        });
        assertThat(validation.allIntactAndTrusted()).isFalse();
    }

    @Test
    void signerFromAnotherPkiIsIntactButNotTrusted() throws IOException {
        DocumentValidation validation = validator.validate(write("stranger.xml", xades(stranger, XML)));

        assertThat(validation.signatures()).singleElement().satisfies(s -> {
            assertThat(s.intact()).isTrue();
            assertThat(s.trusted()).isFalse();
            assertThat(s.signerSubject()).isEqualTo(stranger.certificate().getSubjectX500Principal().getName());
            assertThat(s.problems()).anySatisfy(p -> assertThat(p).contains("does not chain to a trust anchor"));
            assertThat(s.dssIndication()).isNotEqualTo("TOTAL_PASSED");
        });
    }

    @Test
    void envelopingCadesIsIntactAndTrusted() throws IOException {
        CAdESSignatureParameters parameters = new CAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.CAdES_BASELINE_B);
        parameters.setSignaturePackaging(SignaturePackaging.ENVELOPING);
        DSSDocument signed = sign(new CAdESService(verifier()), signer,
                new InMemoryDocument("a claim".getBytes(StandardCharsets.UTF_8), "claim.txt", MimeTypeEnum.TEXT),
                parameters);

        DocumentValidation validation = validator.validate(write("claim.txt.p7m", bytes(signed)));

        assertThat(validation.format()).isEqualTo("CAdES_BASELINE_B");
        assertThat(validation.signatures()).singleElement().satisfies(s -> {
            assertThat(s.intact()).isTrue();
            assertThat(s.trusted()).isTrue();
            assertThat(s.problems()).isEmpty();
        });
    }

    @Test
    void tamperedCadesIsNotIntact() throws IOException {
        CAdESSignatureParameters parameters = new CAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.CAdES_BASELINE_B);
        parameters.setSignaturePackaging(SignaturePackaging.ENVELOPING);
        byte[] signed = bytes(sign(new CAdESService(verifier()), signer,
                new InMemoryDocument("a claim of EUR 1200".getBytes(StandardCharsets.UTF_8), "claim.txt",
                        MimeTypeEnum.TEXT), parameters));
        int at = indexOf(signed, "EUR 1200".getBytes(StandardCharsets.US_ASCII));
        assertThat(at).isPositive();
        signed[at + 4] = '9';

        DocumentValidation validation = validator.validate(write("tampered.p7m", signed));

        assertThat(validation.signatures()).singleElement().satisfies(s -> assertThat(s.intact()).isFalse());
    }

    @Test
    void padesIsIntactAndTrusted() throws IOException {
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.PAdES_BASELINE_B);
        parameters.setSignaturePackaging(SignaturePackaging.ENVELOPED);
        DSSDocument signed = sign(new PAdESService(verifier()), signer,
                new InMemoryDocument(pdf(), "judgment.pdf", MimeTypeEnum.PDF), parameters);

        DocumentValidation validation = validator.validate(write("judgment.pdf", bytes(signed)));

        assertThat(validation.format()).isEqualTo("PAdES_BASELINE_B");
        assertThat(validation.signatures()).singleElement().satisfies(s -> {
            assertThat(s.intact()).isTrue();
            assertThat(s.trusted()).isTrue();
            assertThat(s.problems()).isEmpty();
        });
    }

    @Test
    void unsignedPdfHasNoSignatures() throws IOException {
        DocumentValidation validation = validator.validate(write("plain.pdf", pdf()));
        assertThat(validation.format()).isEqualTo("PDF");
        assertThat(validation.signatures()).isEmpty();
        assertThat(validation.allIntactAndTrusted()).isFalse();
    }

    @Test
    void asicSWithXadesIsIntactAndTrusted() throws IOException {
        ASiCWithXAdESSignatureParameters parameters = new ASiCWithXAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.XAdES_BASELINE_B);
        parameters.setSignaturePackaging(SignaturePackaging.DETACHED);
        parameters.aSiC().setContainerType(ASiCContainerType.ASiC_S);
        DSSDocument signed = sign(new ASiCWithXAdESService(verifier()), signer,
                new InMemoryDocument(XML.getBytes(StandardCharsets.UTF_8), "order.xml", MimeTypeEnum.XML),
                parameters);

        DocumentValidation validation = validator.validate(write("order.asics", bytes(signed)));

        assertThat(validation.format()).isEqualTo("ASiC-S");
        assertThat(validation.allIntactAndTrusted()).isTrue();
    }

    @Test
    void asicEWithXadesIsIntactAndTrusted() throws IOException {
        ASiCWithXAdESSignatureParameters parameters = new ASiCWithXAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.XAdES_BASELINE_B);
        parameters.setSignaturePackaging(SignaturePackaging.DETACHED);
        parameters.aSiC().setContainerType(ASiCContainerType.ASiC_E);
        DSSDocument signed = sign(new ASiCWithXAdESService(verifier()), signer,
                new InMemoryDocument(XML.getBytes(StandardCharsets.UTF_8), "order.xml", MimeTypeEnum.XML),
                parameters);

        DocumentValidation validation = validator.validate(write("order.asice", bytes(signed)));

        assertThat(validation.format()).isEqualTo("ASiC-E");
        assertThat(validation.signatures()).singleElement().satisfies(s -> {
            assertThat(s.format()).isEqualTo("XAdES_BASELINE_B");
            assertThat(s.intact()).isTrue();
            assertThat(s.trusted()).isTrue();
            assertThat(s.problems()).isEmpty();
        });
    }

    @Test
    void unsignedXmlHasNoSignatures() throws IOException {
        DocumentValidation validation = validator.validate(write("unsigned.xml",
                XML.getBytes(StandardCharsets.UTF_8)));
        assertThat(validation.format()).isEqualTo("XML");
        assertThat(validation.signatures()).isEmpty();
    }

    @Test
    void xxeIsUnusable() throws IOException {
        String xxe = """
                <?xml version="1.0"?>
                <!-- a comment first -->
                <!DOCTYPE Order [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <Order>&xxe;</Order>
                """;
        assertThatThrownBy(() -> validator.validate(write("xxe.xml", xxe.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(UnusableDocumentException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DOCTYPE");
        assertThatThrownBy(() -> validator.validate(new ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8)),
                "xxe.xml")).isInstanceOf(UnusableDocumentException.class);
    }

    @Test
    void somethingDssDoesNotKnowIsUnusable() throws IOException {
        Path garbage = write("garbage.bin", "just some text, not a signature".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> validator.validate(garbage)).isInstanceOf(UnusableDocumentException.class)
                .hasMessageContaining("garbage.bin");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static byte[] xades(SealKey key, String xml) {
        XAdESSignatureParameters parameters = new XAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.XAdES_BASELINE_B);
        parameters.setSignaturePackaging(SignaturePackaging.ENVELOPED);
        return bytes(sign(new XAdESService(verifier()), key,
                new InMemoryDocument(xml.getBytes(StandardCharsets.UTF_8), "order.xml", MimeTypeEnum.XML),
                parameters));
    }

    private static <P extends AbstractSignatureParameters<?>> DSSDocument sign(
            DocumentSignatureService<P, ?> service, SealKey key, DSSDocument document, P parameters) {
        return Signing.sign(service, key, document, parameters, signedAt);
    }

    private static CommonCertificateVerifier verifier() {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setAIASource(null);
        return verifier;
    }

    private static byte[] pdf() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] bytes(DSSDocument document) {
        try (InputStream in = document.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static Path write(String name, byte[] content) throws IOException {
        Path file = dir.resolve(System.nanoTime() + "-" + name);
        Files.write(file, content);
        return file;
    }
}
