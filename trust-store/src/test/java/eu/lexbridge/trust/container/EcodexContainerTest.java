package eu.lexbridge.trust.container;

import static eu.lexbridge.trust.container.ContainerEntries.rewrite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.trust.container.ContainerProblem.Code;
import eu.lexbridge.trust.container.ContainerRejectedException.Reason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EcodexContainerTest {

    private static final String PARTY = "at-court";

    @TempDir
    static Path shared;
    static ContainerPki pki;
    static ContainerPki otherPki;
    static EcodexContainerBuilder builder;
    static EcodexContainerReader reader;
    /** A small valid container, built once. */
    static byte[] small;

    @TempDir
    Path dir;

    @BeforeAll
    static void pki() throws IOException {
        pki = ContainerPki.generate(Files.createDirectories(shared.resolve("pki")), PARTY);
        otherPki = ContainerPki.generateOwn(Files.createDirectories(shared.resolve("other")), PARTY);
        builder = new EcodexContainerBuilder(pki.containerKey(PARTY), Clock.systemUTC());
        reader = new EcodexContainerReader(List.of(pki.ca()), Clock.systemUTC());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        builder.build(new ContainerContent(
                ContainerPart.ofBytes("mainDocument.pdf", "application/pdf", "%PDF-1.4 small".getBytes()),
                null, List.of(ContainerPart.ofBytes("annex.xml", "application/xml", "<a/>".getBytes()))),
                Payloads.authenticationBased(), out);
        small = out.toByteArray();
    }

    @Test
    void roundTripOfAFiveMegabyteDocumentAndTwoAttachments() throws Exception {
        Path document = Payloads.file(dir, "in-document.pdf", 5L << 20, 1);
        Path signature = Payloads.file(dir, "in-document.p7s", 3000, 2);
        Path annex1 = Payloads.file(dir, "in-annex1.pdf", 700_000, 3);
        Path annex2 = dir.resolve("in-annex2.xml");
        Files.writeString(annex2, "<annex>" + "x".repeat(20_000) + "</annex>");
        ContainerContent content = new ContainerContent(
                ContainerPart.ofPath("mainDocument.pdf", "application/pdf", document),
                ContainerPart.ofPath("mainDocument.pdf.p7s", "application/pkcs7-signature", signature),
                List.of(ContainerPart.ofPath("annex1.pdf", "application/pdf", annex1),
                        ContainerPart.ofPath("annex2.xml", "application/xml", annex2)));
        Path container = dir.resolve("message.asics");

        BuiltContainer built = builder.build(content, Payloads.authenticationBased(), container);
        OpenedContainer opened = reader.open(container, dir.resolve("out"));

        assertThat(opened.verification().problems()).isEmpty();
        assertThat(opened.verification().intact()).isTrue();
        assertThat(opened.verification().trusted()).isTrue();
        assertThat(opened.verification().signedObject()).isEqualTo("SignedContent.zip");
        assertThat(opened.extracted()).isTrue();
        assertThat(opened.entries()).extracting(ExtractedEntry::name).containsExactly("mainDocument.pdf",
                "mainDocument.pdf.p7s", "annex1.pdf", "annex2.xml", "TrustOkToken.pdf");
        Map<String, Path> originals = Map.of("mainDocument.pdf", document, "mainDocument.pdf.p7s", signature,
                "annex1.pdf", annex1, "annex2.xml", annex2);
        for (var entry : originals.entrySet()) {
            Path extracted = dir.resolve("out").resolve(entry.getKey());
            assertThat(Payloads.sha256(extracted)).as(entry.getKey()).isEqualTo(Payloads.sha256(entry.getValue()));
        }
        ExtractedEntry first = opened.entries().get(0);
        assertThat(HexFormat.of().formatHex(first.sha256())).isEqualTo(Payloads.sha256(document));
        byte[] pdf = Files.readAllBytes(dir.resolve("out/TrustOkToken.pdf"));
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).startsWith("%PDF-1.4").contains("Trust OK Token")
                .contains("mainDocument.pdf");
        // Sealed PAdES-BASELINE-B with the container key, as the official connector signs its token PDF.
        var tokenSignatures = new eu.lexbridge.trust.document.DocumentValidator(java.util.List.of(pki.ca()),
                java.time.Clock.systemUTC()).validate(new java.io.ByteArrayInputStream(pdf), "TrustOkToken.pdf");
        assertThat(tokenSignatures.signatures()).singleElement().satisfies(tokenSeal -> {
            assertThat(tokenSeal.format()).isEqualTo("PAdES_BASELINE_B");
            assertThat(tokenSeal.intact()).isTrue();
            assertThat(tokenSeal.trusted()).isTrue();
            assertThat(tokenSeal.signerSubject()).contains(PARTY);
        });

        // The token XML beside the container: the official layout, with the document's digest.
        String tokenXml = new String(built.tokenXml(), StandardCharsets.UTF_8);
        assertThat(tokenXml).contains("<TrustOkToken xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">",
                "<Filename>mainDocument.pdf</Filename>", "<Type>PDF</Type>",
                "<SignatureFilename>mainDocument.pdf.p7s</SignatureFilename>",
                "<ds:DigestMethod Algorithm=\"SHA-256\"/>",
                "<ds:DigestValue>" + TrustOkTokenXml.doubleBase64(first.sha256()) + "</ds:DigestValue>",
                "<AdvancedElectronicSystem>Authentication-based</AdvancedElectronicSystem>",
                "<AuthenticationData>", "No signature of the document was validated",
                "<ds:Signature");
        assertThat(built.token().document().sha256()).isEqualTo(first.sha256());
        assertTokenSealIntact(built.tokenXml());
        // No temporary files are left beside the output.
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
    }

    @Test
    void aPartThatDoesNotCompressIsStoredAndOneThatDoesIsDeflatedAndBothOpen() throws Exception {
        Path noise = Payloads.file(dir, "in-video.bin", 2L << 20, 9);
        Path text = dir.resolve("in-annex.xml");
        // text compresses a few times over, well within the reader's ratio limit against zip bombs
        StringBuilder words = new StringBuilder("<annex>");
        java.util.Random random = new java.util.Random(5);
        while (words.length() < 600_000) {
            words.append(Long.toString(random.nextLong() & 0xFFFFFFFFL, 36)).append(' ');
        }
        Files.writeString(text, words.append("</annex>"));
        ContainerContent content = new ContainerContent(
                ContainerPart.ofPath("mainDocument.pdf", "application/pdf", noise), null,
                List.of(ContainerPart.ofPath("annex.xml", "application/xml", text)));
        Path container = dir.resolve("stored.asics");

        builder.build(content, Payloads.authenticationBased(), container);

        Map<String, Integer> methods = new java.util.HashMap<>();
        try (var zip = new java.util.zip.ZipFile(container.toFile());
             var signedContent = new java.util.zip.ZipInputStream(
                     zip.getInputStream(zip.getEntry("SignedContent.zip")))) {
            for (var entry = signedContent.getNextEntry(); entry != null; entry = signedContent.getNextEntry()) {
                methods.put(entry.getName(), entry.getMethod());
            }
        }
        assertThat(methods).containsEntry("mainDocument.pdf", java.util.zip.ZipEntry.STORED)
                .containsEntry("annex.xml", java.util.zip.ZipEntry.DEFLATED);
        OpenedContainer opened = reader.open(container, dir.resolve("out-stored"));
        assertThat(opened.verification().valid()).as(opened.verification().problems().toString()).isTrue();
        assertThat(Payloads.sha256(dir.resolve("out-stored/mainDocument.pdf"))).isEqualTo(Payloads.sha256(noise));
        assertThat(Payloads.sha256(dir.resolve("out-stored/annex.xml"))).isEqualTo(Payloads.sha256(text));
    }

    @Test
    void theLayoutIsTheOfficialAsicS() throws Exception {
        List<String> names = new ArrayList<>();
        byte[] signatures = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(small))) {
            ZipEntry entry = zip.getNextEntry();
            assertThat(entry.getName()).isEqualTo("mimetype");
            assertThat(entry.getMethod()).isEqualTo(ZipEntry.STORED);
            assertThat(new String(zip.readAllBytes(), StandardCharsets.US_ASCII))
                    .isEqualTo("application/vnd.etsi.asic-s+zip");
            names.add(entry.getName());
            while ((entry = zip.getNextEntry()) != null) {
                names.add(entry.getName());
                if (entry.getName().equals("META-INF/signatures.xml")) {
                    signatures = zip.readAllBytes();
                }
            }
        }
        assertThat(names).containsExactly("mimetype", "SignedContent.zip", "META-INF/signatures.xml");
        String xml = new String(signatures, StandardCharsets.UTF_8);
        System.out.println(xml);
        assertThat(xml).contains("asic:XAdESSignatures", "http://uri.etsi.org/02918/v1.2.1#", "URI=\"SignedContent.zip\"",
                "<xades:MimeType>application/zip</xades:MimeType>", "SignedProperties");
    }

    @Test
    void aTamperedSignedContentIsNotIntactAndNotExtracted() throws Exception {
        byte[] tampered = rewrite(small, entries -> {
            byte[] content = entries.get("SignedContent.zip").clone();
            content[40] ^= 0x01;
            entries.put("SignedContent.zip", content);
            return entries;
        });
        Path target = dir.resolve("out");
        OpenedContainer opened = reader.open(new ByteArrayInputStream(tampered), target);
        assertThat(opened.verification().intact()).isFalse();
        assertThat(opened.verification().trusted()).isFalse();
        assertThat(opened.verification().problems()).extracting(ContainerProblem::code).contains(Code.SIGNATURE_BROKEN);
        assertThat(opened.extracted()).isFalse();
        assertThat(target).doesNotExist();
    }

    @Test
    void anUntrustedSignerIsIntactButNotTrusted() throws Exception {
        EcodexContainerBuilder stranger = new EcodexContainerBuilder(otherPki.containerKey(PARTY), Clock.systemUTC());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        stranger.build(new ContainerContent(ContainerPart.ofBytes("mainDocument.pdf", "application/pdf",
                "%PDF".getBytes()), null, List.of()), Payloads.authenticationBased(), out);
        Path target = dir.resolve("out");

        OpenedContainer opened = reader.open(new ByteArrayInputStream(out.toByteArray()), target);

        assertThat(opened.verification().intact()).isTrue();
        assertThat(opened.verification().trusted()).isFalse();
        assertThat(opened.verification().problems()).extracting(ContainerProblem::code)
                .containsExactly(Code.SIGNER_UNTRUSTED);
        assertThat(opened.extracted()).isFalse();
        assertThat(target).doesNotExist();
    }

    @Test
    void aZipBombIsRefused() throws Exception {
        Path inner = dir.resolve("bomb.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(inner))) {
            zip.putNextEntry(new ZipEntry("mainDocument.pdf"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 50; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertRefused(sealed(inner), Reason.COMPRESSION_RATIO);
    }

    @Test
    void tooManyBytesOrEntriesAreRefused() throws Exception {
        Path inner = innerZip(dir.resolve("many.zip"), "a.pdf", "b.pdf", "c.pdf", "d.pdf");
        byte[] container = sealed(inner);
        EcodexContainerReader fewEntries = new EcodexContainerReader(List.of(pki.ca()), Clock.systemUTC(),
                new ContainerLimits(1L << 30, 3, 100, 1 << 20, 1 << 20), null);
        EcodexContainerReader fewBytes = new EcodexContainerReader(List.of(pki.ca()), Clock.systemUTC(),
                new ContainerLimits(300, 100, 100, 1 << 20, 1 << 20), null);
        Path target = dir.resolve("out");
        assertThatThrownBy(() -> fewEntries.open(new ByteArrayInputStream(container), target))
                .isInstanceOfSatisfying(ContainerRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_ENTRIES));
        assertThatThrownBy(() -> fewBytes.open(new ByteArrayInputStream(container), target))
                .isInstanceOfSatisfying(ContainerRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
        assertNothingWritten(target);
    }

    @Test
    void pathTraversalEntriesAreRefused() throws Exception {
        for (String name : List.of("../evil.pdf", "docs/../../evil.pdf", "/etc/evil.pdf", "..\\evil.pdf",
                "C:/evil.pdf", "a.pdf:stream")) {
            Path inner = innerZip(dir.resolve("traversal.zip"), "mainDocument.pdf", name);
            assertRefused(sealed(inner), Reason.PATH_TRAVERSAL);
        }
        assertThat(dir.getParent().resolve("evil.pdf")).doesNotExist();
    }

    @Test
    void duplicateEntryNamesAreRefused() throws Exception {
        Path inner = innerZip(dir.resolve("dup.zip"), "mainDocument.pdf", "annex-1.pdf", "annex-2.pdf");
        // ZipOutputStream refuses duplicates, so rename the third entry to the second's name in the bytes.
        byte[] bytes = Files.readAllBytes(inner);
        replaceAll(bytes, "annex-2.pdf", "annex-1.pdf");
        Files.write(inner, bytes);
        assertRefused(sealed(inner), Reason.DUPLICATE_ENTRY);

        Path caseOnly = innerZip(dir.resolve("case.zip"), "mainDocument.pdf", "Annex.pdf", "annex.pdf");
        assertRefused(sealed(caseOnly), Reason.DUPLICATE_ENTRY);
    }

    @Test
    void aSignedContentZipWhoseLocalAndCentralNamesDisagreeIsRefused() throws Exception {
        Path inner = innerZip(dir.resolve("two-names.zip"), "mainDocument.pdf", "annex-a.pdf");
        byte[] bytes = Files.readAllBytes(inner);
        replaceOnce(bytes, "annex-a.pdf", "annex-b.pdf", true); // the local header only
        Files.write(inner, bytes);
        assertRefused(sealed(inner), Reason.HEADERS_DISAGREE);
    }

    @Test
    void aContainerWhoseLocalAndCentralNamesDisagreeIsRefused() throws Exception {
        byte[] container = small.clone();
        replaceOnce(container, "SignedContent.zip", "SignedContent.zap", false); // the central directory only
        assertRefused(container, Reason.HEADERS_DISAGREE);

        byte[] trailing = java.util.Arrays.copyOf(small, small.length + 10);
        assertRefused(trailing, Reason.HEADERS_DISAGREE);
    }

    @Test
    void theContainerStructureIsChecked() throws Exception {
        // mimetype elsewhere than first is read, with a notice: ContainerConformanceTest.
        assertRefused(rewrite(small, entries -> {
            entries.put("mimetype", "application/vnd.etsi.asic-e+zip".getBytes());
            return entries;
        }), Reason.MIMETYPE_WRONG);
        assertRefused(rewrite(small, entries -> {
            entries.remove("META-INF/signatures.xml");
            return entries;
        }), Reason.SIGNATURE_MISSING);
        assertRefused(rewrite(small, entries -> {
            entries.put("META-INF/signatures2.xml", entries.get("META-INF/signatures.xml"));
            return entries;
        }), Reason.EXTRA_SIGNATURE);
        assertRefused(rewrite(small, entries -> {
            entries.put("other.zip", entries.get("SignedContent.zip"));
            return entries;
        }), Reason.MORE_THAN_ONE_SIGNED_OBJECT);
        assertRefused(rewrite(small, entries -> {
            entries.remove("SignedContent.zip");
            return entries;
        }), Reason.SIGNED_OBJECT_MISSING);
        assertRefused("not a zip at all".getBytes(), Reason.NOT_A_ZIP);
    }

    @Test
    void anExistingTargetIsRefused() throws Exception {
        Path target = Files.createDirectories(dir.resolve("out"));
        assertThatThrownBy(() -> reader.open(new ByteArrayInputStream(small), target))
                .isInstanceOfSatisfying(ContainerRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TARGET_EXISTS));
    }

    /** The token XML's enveloped seal verifies, by the container key, over the whole token. */
    private static void assertTokenSealIntact(byte[] tokenXml) {
        eu.europa.esig.dss.xades.validation.XMLDocumentValidator validator =
                new eu.europa.esig.dss.xades.validation.XMLDocumentValidator(
                        new eu.europa.esig.dss.model.InMemoryDocument(tokenXml, "Token.xml"));
        validator.setCertificateVerifier(new eu.europa.esig.dss.spi.validation.CommonCertificateVerifier());
        var signatures = validator.validateDocument().getDiagnosticData().getSignatures();
        assertThat(signatures).hasSize(1);
        assertThat(signatures.get(0).isSignatureIntact()).isTrue();
        assertThat(signatures.get(0).getDigestMatchers()).allMatch(m -> m.isDataFound() && m.isDataIntact());
        assertThat(signatures.get(0).getSigningCertificate().getCertificateDN())
                .isEqualTo(pki.containerKey(PARTY).certificate().getSubjectX500Principal().getName());
    }

    private void assertRefused(byte[] container, Reason reason) throws IOException {
        Path target = dir.resolve("out");
        assertThatThrownBy(() -> reader.open(new ByteArrayInputStream(container), target))
                .isInstanceOfSatisfying(ContainerRejectedException.class,
                        e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason));
        assertNothingWritten(target);
    }

    private void assertNothingWritten(Path target) throws IOException {
        assertThat(target).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("extract"));
        }
    }

    /** A correctly sealed container around {@code inner}. */
    private static byte[] sealed(Path inner) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        builder.seal(inner, out);
        return out.toByteArray();
    }

    private static Path innerZip(Path file, String... names) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(("content of " + name).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    /** Replaces the first (or last) occurrence of {@code from}: a local header (or the central directory) name. */
    private static void replaceOnce(byte[] bytes, String from, String to, boolean first) {
        byte[] f = from.getBytes(StandardCharsets.US_ASCII);
        int found = -1;
        outer:
        for (int i = 0; i + f.length <= bytes.length; i++) {
            for (int j = 0; j < f.length; j++) {
                if (bytes[i + j] != f[j]) {
                    continue outer;
                }
            }
            found = i;
            if (first) {
                break;
            }
        }
        assertThat(found).isNotNegative();
        System.arraycopy(to.getBytes(StandardCharsets.US_ASCII), 0, bytes, found, f.length);
    }

    private static void replaceAll(byte[] bytes, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.US_ASCII);
        byte[] t = to.getBytes(StandardCharsets.US_ASCII);
        int replaced = 0;
        outer:
        for (int i = 0; i + f.length <= bytes.length; i++) {
            for (int j = 0; j < f.length; j++) {
                if (bytes[i + j] != f[j]) {
                    continue outer;
                }
            }
            System.arraycopy(t, 0, bytes, i, t.length);
            replaced++;
        }
        assertThat(replaced).isEqualTo(2); // the local header and the central directory
    }
}
