package eu.lexbridge.trust.document;

import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.asic.cades.ASiCWithCAdESSignatureParameters;
import eu.europa.esig.dss.asic.cades.signature.ASiCWithCAdESService;
import eu.europa.esig.dss.cades.CAdESSignatureParameters;
import eu.europa.esig.dss.cades.signature.CAdESService;
import eu.europa.esig.dss.enumerations.ASiCContainerType;
import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.signature.XAdESService;
import eu.lexbridge.trust.signature.RevocationStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** Detached XAdES and CAdES signatures beside their files, and ASiC-S / ASiC-E containers with CAdES signatures. */
class DocumentValidatorDetachedTest {

    private static final byte[] JUDGMENT = "Judgment of the Landesgericht Wien: the claim of EUR 1200.00 is granted."
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;

    private static RevocationPki.Leaf signer;
    private static DocumentValidator validator;
    private static Instant signedAt;
    private static Instant now;

    @BeforeAll
    static void pki() {
        RevocationPki pki = RevocationPki.create();
        signer = pki.leaf("Court Clerk", dir.resolve("root.crl").toUri().toString());
        signedAt = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
        now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        validator = new DocumentValidator(List.of(pki.root()), Clock.fixed(now, ZoneOffset.UTC));
    }

    // --- detached XAdES ---------------------------------------------------------------------------------------------

    @Test
    void detachedXadesWithItsFileIsIntactAndTrusted() throws IOException {
        Path signature = write("judgment.xml", detachedXades());
        Path content = write("judgment.txt", JUDGMENT);

        DocumentValidation validation = validator.validate(signature, List.of(content));

        assertThat(validation.format()).isEqualTo("XAdES_BASELINE_B");
        assertThat(validation.signatures()).singleElement().satisfies(s -> {
            assertThat(s.intact()).isTrue();
            assertThat(s.trusted()).isTrue();
            assertThat(s.revocation()).isEqualTo(RevocationStatus.NOT_CHECKED);
            assertThat(s.qualified()).isFalse();
            assertThat(s.problems()).isEmpty();
        });
        assertThat(validation.validationTime()).isEqualTo(now);
        String report = new String(validation.report(), StandardCharsets.UTF_8);
        assertThat(report).contains("SimpleReport").contains(validation.signatures().get(0).signatureId())
                .doesNotContain("EUR 1200.00");
        byte[] copy = validation.report();
        copy[0] = 'X';
        assertThat(validation.report()[0]).isEqualTo((byte) '<');
    }

    @Test
    void detachedXadesFromStreams() {
        DocumentValidation validation = validator.validate(new ByteArrayInputStream(detachedXades()), "judgment.xml",
                List.of(new DetachedContent("judgment.txt", new ByteArrayInputStream(JUDGMENT))));
        assertThat(validation.allIntactAndTrusted()).isTrue();
    }

    @Test
    void detachedXadesWithAChangedFileIsNotIntact() throws IOException {
        Path signature = write("judgment.xml", detachedXades());
        Path content = write("judgment.txt", changed(JUDGMENT));

        DocumentValidation validation = validator.validate(signature, List.of(content));

        assertThat(validation.signatures()).singleElement().satisfies(s -> {
            assertThat(s.intact()).isFalse();
            assertThat(s.trusted()).isTrue();
            assertThat(s.problems()).anySatisfy(p -> assertThat(p).contains("does not match"));
        });
        assertThat(validation.allIntactAndTrusted()).isFalse();
    }

    @Test
    void detachedXadesWithoutItsFileIsNotIntact() throws IOException {
        DocumentValidation validation = validator.validate(write("judgment.xml", detachedXades()));

        assertThat(validation.signatures()).singleElement().satisfies(s -> {
            assertThat(s.intact()).isFalse();
            assertThat(s.problems()).anySatisfy(p -> assertThat(p).contains("is not found"))
                    .anySatisfy(p -> assertThat(p).contains("detached signature"));
        });
    }

    // --- detached CAdES (.p7s) --------------------------------------------------------------------------------------

    @Test
    void detachedCadesWithItsFileIsIntactAndTrusted() throws IOException {
        Path signature = write("judgment.txt.p7s", detachedCades());
        Path content = write("judgment.txt", JUDGMENT);

        DocumentValidation validation = validator.validate(signature, List.of(content));

        assertThat(validation.format()).isEqualTo("CAdES_BASELINE_B");
        assertThat(validation.signatures()).singleElement().satisfies(s -> {
            assertThat(s.intact()).isTrue();
            assertThat(s.trusted()).isTrue();
            assertThat(s.problems()).isEmpty();
        });
    }

    @Test
    void detachedCadesWithAChangedFileIsNotIntact() throws IOException {
        Path signature = write("judgment.txt.p7s", detachedCades());

        DocumentValidation validation = validator.validate(new ByteArrayInputStream(Files.readAllBytes(signature)),
                "judgment.txt.p7s",
                List.of(new DetachedContent("judgment.txt", new ByteArrayInputStream(changed(JUDGMENT)))));

        assertThat(validation.signatures()).singleElement().satisfies(s -> {
            assertThat(s.intact()).isFalse();
            assertThat(s.problems()).anySatisfy(p -> assertThat(p).contains("does not match"));
        });
    }

    @Test
    void detachedCadesWithoutItsFileIsNotIntact() throws IOException {
        DocumentValidation validation = validator.validate(write("judgment.txt.p7s", detachedCades()));

        assertThat(validation.signatures()).singleElement().satisfies(s -> {
            assertThat(s.intact()).isFalse();
            assertThat(s.problems()).anySatisfy(p -> assertThat(p).contains("detached signature"));
        });
    }

    // --- ASiC with CAdES --------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = ASiCContainerType.class, names = {"ASiC_S", "ASiC_E"})
    void asicWithCadesIsIntactAndTrusted(ASiCContainerType type) throws IOException {
        String suffix = type == ASiCContainerType.ASiC_S ? ".asics" : ".asice";
        DocumentValidation validation = validator.validate(write("judgment" + suffix, asicWithCades(type)));

        assertThat(validation.format()).isEqualTo(type.name().replace('_', '-'));
        assertThat(validation.signatures()).singleElement().satisfies(s -> {
            assertThat(s.format()).isEqualTo("CAdES_BASELINE_B");
            assertThat(s.intact()).isTrue();
            assertThat(s.trusted()).isTrue();
            assertThat(s.problems()).isEmpty();
        });
    }

    @Test
    void tamperedAsicSWithCadesIsNotIntact() throws IOException {
        byte[] tampered = replaceEntry(asicWithCades(ASiCContainerType.ASiC_S), "judgment.txt", changed(JUDGMENT));

        DocumentValidation validation = validator.validate(write("tampered.asics", tampered));

        assertThat(validation.format()).isEqualTo("ASiC-S");
        assertThat(validation.signatures()).singleElement().satisfies(s -> {
            assertThat(s.intact()).isFalse();
            assertThat(s.trusted()).isTrue();
            assertThat(s.problems()).anySatisfy(p -> assertThat(p).contains("does not match"));
        });
    }

    @Test
    void tamperedAsicEWithCadesIsNotIntact() throws IOException {
        byte[] tampered = replaceEntry(asicWithCades(ASiCContainerType.ASiC_E), "judgment.txt", changed(JUDGMENT));

        DocumentValidation validation = validator.validate(new ByteArrayInputStream(tampered), "tampered.asice");

        assertThat(validation.format()).isEqualTo("ASiC-E");
        assertThat(validation.signatures()).singleElement().satisfies(s -> {
            assertThat(s.intact()).isFalse();
            assertThat(s.problems()).anySatisfy(p -> assertThat(p).contains("does not match"));
        });
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static DSSDocument judgment() {
        return new InMemoryDocument(JUDGMENT, "judgment.txt", MimeTypeEnum.TEXT);
    }

    private static byte[] detachedXades() {
        XAdESSignatureParameters parameters = new XAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.XAdES_BASELINE_B);
        parameters.setSignaturePackaging(SignaturePackaging.DETACHED);
        return Signing.bytes(Signing.sign(new XAdESService(Signing.verifier()), signer.key(), signer.chain(),
                judgment(), parameters, signedAt));
    }

    private static byte[] detachedCades() {
        CAdESSignatureParameters parameters = new CAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.CAdES_BASELINE_B);
        parameters.setSignaturePackaging(SignaturePackaging.DETACHED);
        return Signing.bytes(Signing.sign(new CAdESService(Signing.verifier()), signer.key(), signer.chain(),
                judgment(), parameters, signedAt));
    }

    private static byte[] asicWithCades(ASiCContainerType type) {
        ASiCWithCAdESSignatureParameters parameters = new ASiCWithCAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.CAdES_BASELINE_B);
        parameters.setSignaturePackaging(SignaturePackaging.DETACHED);
        parameters.aSiC().setContainerType(type);
        return Signing.bytes(Signing.sign(new ASiCWithCAdESService(Signing.verifier()), signer.key(),
                signer.chain(), judgment(), parameters, signedAt));
    }

    private static byte[] changed(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        assertThat(text).contains("EUR 1200.00");
        return text.replace("EUR 1200.00", "EUR 9200.00").getBytes(StandardCharsets.UTF_8);
    }

    /** The container with one entry's bytes replaced, everything else (order, a stored mimetype first) kept. */
    private static byte[] replaceEntry(byte[] container, String name, byte[] content) throws IOException {
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        boolean replaced = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(container));
             ZipOutputStream out = new ZipOutputStream(result)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals(name)) {
                    bytes = content;
                    replaced = true;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                if (entry.getName().equals("mimetype")) {
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    copy.setMethod(ZipEntry.STORED);
                    copy.setSize(bytes.length);
                    copy.setCrc(crc.getValue());
                }
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        }
        assertThat(replaced).as("entry " + name + " in the container").isTrue();
        return result.toByteArray();
    }

    private static Path write(String name, byte[] content) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(String.valueOf(System.nanoTime())));
        return Files.write(folder.resolve(name), content);
    }
}
