package eu.lexbridge.bench;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.EncryptionAlgorithm;
import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.signature.AbstractSignatureParameters;
import eu.europa.esig.dss.signature.DocumentSignatureService;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.signature.XAdESService;
import eu.lexbridge.trust.document.DocumentValidation;
import eu.lexbridge.trust.document.DocumentValidator;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to validate one signed business document of about 100 KB with {@link DocumentValidator}: a XAdES-B enveloped
 * XML document and a PAdES-B PDF, offline (no revocation fetching, trust anchor only). Each call reads the file, lets
 * DSS build its diagnostic data and run its default policy, and keeps the simple report.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = "-Xmx512m")
public class DocumentValidationBenchmark {

    private static final char[] PASSWORD = "bench-only".toCharArray();
    private static final int LINES = 1000; // ~75 characters each: ~100 KB with the markup

    @Param({"xades-enveloped", "pades"})
    public String format;

    private Path signed;
    private DocumentValidator validator;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path dir = Files.createTempDirectory("lexbridge-bench-document");
        GeneratedPki pki = TestPki.generate(dir.resolve("pki"), List.of("at-court"), PASSWORD);
        SealKey key = SealKey.fromKeyStore(KeyStores.loadPkcs12(pki.parties().get("at-court").sealKeyStore(),
                PASSWORD), TestPki.SEAL_ALIAS, PASSWORD);
        validator = new DocumentValidator(List.of(KeyStores.readCertificate(pki.caCertificate())), Clock.systemUTC());
        byte[] document;
        switch (format) {
            case "xades-enveloped" -> {
                XAdESSignatureParameters parameters = new XAdESSignatureParameters();
                parameters.setSignatureLevel(SignatureLevel.XAdES_BASELINE_B);
                parameters.setSignaturePackaging(SignaturePackaging.ENVELOPED);
                document = sign(new XAdESService(verifier()), key,
                        new InMemoryDocument(xml(), "judgment.xml", MimeTypeEnum.XML), parameters);
                signed = dir.resolve("judgment.xml");
            }
            case "pades" -> {
                PAdESSignatureParameters parameters = new PAdESSignatureParameters();
                parameters.setSignatureLevel(SignatureLevel.PAdES_BASELINE_B);
                parameters.setSignaturePackaging(SignaturePackaging.ENVELOPED);
                document = sign(new PAdESService(verifier()), key,
                        new InMemoryDocument(pdf(), "judgment.pdf", MimeTypeEnum.PDF), parameters);
                signed = dir.resolve("judgment.pdf");
            }
            default -> throw new IllegalArgumentException(format);
        }
        Files.write(signed, document);
        DocumentValidation check = validate();
        if (!check.allIntactAndTrusted()) {
            throw new IllegalStateException("the benchmark's document does not validate: " + check);
        }
        System.out.printf("%n%s: %d bytes signed%n", format, document.length);
    }

    @Benchmark
    public DocumentValidation validate() {
        return validator.validate(signed);
    }

    private static byte[] xml() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Judgment xmlns=\"urn:lexbridge:bench\">\n");
        for (String line : lines()) {
            xml.append("  <Paragraph>").append(line).append("</Paragraph>\n");
        }
        return xml.append("</Judgment>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Uncompressed page content, so that the file is ~100 KB like a text-only court decision of 17 pages. */
    private static byte[] pdf() throws Exception {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            List<String> lines = lines();
            for (int first = 0; first < lines.size(); first += 60) {
                PDPage page = new PDPage();
                pdf.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page,
                        PDPageContentStream.AppendMode.OVERWRITE, false)) {
                    content.beginText();
                    content.setFont(font, 7);
                    content.newLineAtOffset(30, 760);
                    for (String line : lines.subList(first, Math.min(first + 60, lines.size()))) {
                        content.showText(line);
                        content.newLineAtOffset(0, -12);
                    }
                    content.endText();
                }
            }
            pdf.save(out);
            return out.toByteArray();
        }
    }

    private static List<String> lines() {
        Random random = new Random(42);
        String words = "the court finds claim order euro payment within days appeal costs party defendant ";
        String[] vocabulary = words.trim().split(" ");
        return java.util.stream.IntStream.range(0, LINES).mapToObj(i -> {
            StringBuilder line = new StringBuilder(String.format("%04d ", i));
            while (line.length() < 75) {
                line.append(vocabulary[random.nextInt(vocabulary.length)]).append(' ');
            }
            return line.toString().trim();
        }).toList();
    }

    private static <P extends AbstractSignatureParameters<?>> byte[] sign(DocumentSignatureService<P, ?> service,
            SealKey key, DSSDocument document, P parameters) throws Exception {
        SignatureAlgorithm algorithm = SignatureAlgorithm.getAlgorithm(
                "EC".equals(key.algorithm()) ? EncryptionAlgorithm.ECDSA : EncryptionAlgorithm.RSA,
                DigestAlgorithm.SHA256);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(new CertificateToken(key.certificate()));
        parameters.setCertificateChain(key.chain().stream().map(CertificateToken::new).toList());
        parameters.setCheckCertificateRevocation(false);
        parameters.bLevel().setSigningDate(new Date());
        ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
        DSSDocument signed = service.signDocument(document, parameters,
                new SignatureValue(algorithm, key.sign(toBeSigned.getBytes(), algorithm.getJCEId())));
        try (InputStream in = signed.openStream()) {
            return in.readAllBytes();
        }
    }

    private static CommonCertificateVerifier verifier() {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setAIASource(null);
        return verifier;
    }
}
