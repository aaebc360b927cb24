package eu.lexbridge.trust.container;

import static eu.lexbridge.trust.pki.AlteredDocuments.ZipItem.deflated;
import static eu.lexbridge.trust.pki.AlteredDocuments.ZipItem.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.enumerations.ASiCContainerType;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import eu.lexbridge.trust.container.ContainerNotice.Code;
import eu.lexbridge.trust.container.ContainerRejectedException.Reason;
import eu.lexbridge.trust.pki.AlteredDocuments;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container conformance table: the ASiC-S containers the receiving side must read (reporting format deviations as
 * notices) and those it must refuse, each row naming the clause behind it. Every row it reads, DSS 6.4's own ASiC
 * validator reads too, as an ASiC-S with an intact seal: LexBridge is never stricter than DSS on format, only on
 * safety. The packer-level rows (missing token, a seal by a trusted but not the pinned partner) are in
 * {@code EcodexContainerPackerTest}.
 *
 * <p>Clauses: ETSI EN 319 162-1 V1.1.1 (ASiC) clause 4.3.3 (ASiC-S: an optional "mimetype", exactly one data object
 * at the root, META-INF holding one signature file) and annex A.1 (when present, "mimetype" is the first entry,
 * stored, holding the media type); the e-CODEX container of the official connector (SignedContent.zip holding the
 * business document, its attachments and TrustOkToken.pdf, sealed ASiC-S XAdES-BASELINE-B detached).
 */
class ContainerConformanceTest {

    private static final String PARTY = "at-court";
    private static final String SIGNATURES = EcodexContainer.SIGNATURES;
    private static final String SIGNED = EcodexContainer.SIGNED_CONTENT;
    private static final String MIMETYPE = EcodexContainer.MIMETYPE_ENTRY;

    @TempDir
    static Path shared;
    static ContainerPki pki;
    static EcodexContainerBuilder builder;
    /** Our builder's container: mimetype first (stored), SignedContent.zip, META-INF/signatures.xml, a comment. */
    static byte[] ours;

    @BeforeAll
    static void build() throws IOException {
        pki = ContainerPki.generate(Files.createDirectories(shared.resolve("pki")), PARTY);
        builder = new EcodexContainerBuilder(pki.containerKey(PARTY), Clock.systemUTC());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        builder.build(new ContainerContent(
                ContainerPart.ofBytes("mainDocument.pdf", "application/pdf", "%PDF-1.4 conformance".getBytes()),
                null, List.of(ContainerPart.ofBytes("annex.xml", "application/xml", "<a/>".getBytes()))),
                Payloads.authenticationBased(), out);
        ours = out.toByteArray();
    }

    /**
     * @param shape what the container looks like
     * @param clause the clause that makes it readable
     * @param container its bytes
     * @param notices the format deviations reported, in order
     * @param entries the entries of SignedContent.zip extracted
     */
    record Readable(String shape, String clause, byte[] container, List<Code> notices, List<String> entries) {
        @Override
        public String toString() {
            return shape + " [" + clause + "]";
        }
    }

    static Stream<Readable> readable() throws Exception {
        List<String> ourEntries = List.of("mainDocument.pdf", "annex.xml", "TrustOkToken.pdf");
        return Stream.of(
                new Readable("our builder's container (mimetype first, stored; ASiC comment)",
                        "EN 319 162-1 (ASiC-S, ZIP container rules)", ours, List.of(), ourEntries),
                new Readable("mimetype last (SignedContent.zip, signatures.xml, mimetype)",
                        "EN 319 162-1 ZIP container rules: first is a requirement on the writer; DSS reads it",
                        AlteredDocuments.inOrder(ours, SIGNED, SIGNATURES, MIMETYPE),
                        List.of(Code.MIMETYPE_NOT_FIRST), ourEntries),
                new Readable("mimetype in the middle (SignedContent.zip, mimetype, signatures.xml)",
                        "EN 319 162-1 ZIP container rules: first is a requirement on the writer; DSS reads it",
                        AlteredDocuments.inOrder(ours, SIGNED, MIMETYPE, SIGNATURES),
                        List.of(Code.MIMETYPE_NOT_FIRST), ourEntries),
                new Readable("signatures.xml first (signatures.xml, mimetype, SignedContent.zip)",
                        "EN 319 162-1 ASiC-S: no order among the other entries; mimetype-first is on the writer",
                        AlteredDocuments.inOrder(ours, SIGNATURES, MIMETYPE, SIGNED),
                        List.of(Code.MIMETYPE_NOT_FIRST), ourEntries),
                new Readable("the official connector's layout (signatures.xml, SignedContent.zip, mimetype; "
                        + "no comment)", "the official e-CODEX connector writes it so (issue 10 point 1)",
                        AlteredDocuments.officialConnectorLayout(ours), List.of(Code.MIMETYPE_NOT_FIRST),
                        ourEntries),
                new Readable("mimetype compressed", "EN 319 162-1 ZIP container rules: stored is a requirement on the writer",
                        AlteredDocuments.compressed(ours, MIMETYPE), List.of(Code.MIMETYPE_COMPRESSED),
                        ourEntries),
                new Readable("no mimetype at all", "EN 319 162-1 ASiC-S: mimetype is optional in ASiC-S",
                        AlteredDocuments.without(ours, MIMETYPE), List.of(Code.MIMETYPE_MISSING), ourEntries),
                new Readable("a zip comment other than the ASiC media type",
                        "EN 319 162-1 ZIP container rules: the comment, if any, names the media type",
                        AlteredDocuments.withComment(ours, "made by some tool"), List.of(Code.ZIP_COMMENT),
                        ourEntries),
                new Readable("an ASiC-S built by DSS's ASiCWithXAdESService around the official SignedContent.zip",
                        "the official e-CODEX connector builds with DSS ASiC-S with XAdES", dssBuilt(),
                        List.of(), List.of("mainDocument.pdf", "TrustOkToken.pdf")));
    }

    @ParameterizedTest(name = "reads {0}")
    @MethodSource("readable")
    void readsAndReportsDeviationsAsNotices(Readable row) throws IOException {
        Path work = Files.createDirectories(shared.resolve("read-" + UUID.randomUUID()));
        EcodexContainerReader reader = new EcodexContainerReader(List.of(pki.ca()), Clock.systemUTC());

        OpenedContainer opened = reader.open(new ByteArrayInputStream(row.container()), work.resolve("out"));

        assertThat(opened.verification().problems()).isEmpty();
        assertThat(opened.verification().valid()).isTrue();
        assertThat(opened.entries()).extracting(ExtractedEntry::name).containsExactlyElementsOf(row.entries());
        assertThat(opened.notices()).extracting(ContainerNotice::code).containsExactlyElementsOf(row.notices());
        assertThat(opened.notices()).allSatisfy(n -> assertThat(n.detail()).isNotBlank());
        assertDssReadsAnIntactAsicS(row.container());
    }

    /**
     * @param shape what the container looks like
     * @param clause the clause that makes it unsafe or wrong
     * @param container its bytes
     * @param reason the stable code of the refusal
     */
    record Refused(String shape, String clause, byte[] container, Reason reason) {
        @Override
        public String toString() {
            return shape + " [" + clause + "]";
        }
    }

    static Stream<Refused> refused() throws IOException {
        byte[] document = "%PDF-1.4 doc".getBytes(StandardCharsets.US_ASCII);
        return Stream.of(
                new Refused("a zip bomb inside SignedContent.zip (50 MB of zeros)",
                        "LexBridge, stricter: a sealed container may still exhaust the disk; ratio and size limits",
                        sealed(AlteredDocuments.zipOfZeros("mainDocument.pdf", 50L << 20)), Reason.COMPRESSION_RATIO),
                new Refused("a zip bomb as the signed object itself (SignedContent.zip deflated from 50 MB)",
                        "LexBridge, stricter: checked while it streams, before the seal",
                        AlteredDocuments.rewrite(ours, items -> items.stream().map(i -> i.name().equals(SIGNED)
                                ? deflated(SIGNED, new byte[50 << 20]) : i).toList(), null),
                        Reason.COMPRESSION_RATIO),
                new Refused("path traversal in SignedContent.zip ('../x')",
                        "LexBridge, stricter: ZIP (APPNOTE 4.4.17) forbids it; extraction must not leave the target",
                        sealed(AlteredDocuments.zip(List.of(stored("mainDocument.pdf", document),
                                stored("../x", document)))), Reason.PATH_TRAVERSAL),
                new Refused("path traversal in the container ('../x')",
                        "LexBridge, stricter: ZIP (APPNOTE 4.4.17) forbids it",
                        AlteredDocuments.with(ours, stored("../x", document)), Reason.PATH_TRAVERSAL),
                new Refused("an absolute name in SignedContent.zip ('/etc/x')",
                        "LexBridge, stricter: ZIP (APPNOTE 4.4.17) forbids a leading slash",
                        sealed(AlteredDocuments.zip(List.of(stored("mainDocument.pdf", document),
                                stored("/etc/x", document)))), Reason.PATH_TRAVERSAL),
                new Refused("two entries of the same name in SignedContent.zip",
                        "LexBridge, stricter: tools keep the first or the last, so they show different content",
                        sealed(AlteredDocuments.zip(List.of(stored("mainDocument.pdf", document),
                                stored("annex.pdf", document), stored("annex.pdf", "other".getBytes())))),
                        Reason.DUPLICATE_ENTRY),
                new Refused("two SignedContent.zip entries in the container",
                        "EN 319 162-1 ASiC-S: exactly one data object; and tools disagree on which one is read",
                        AlteredDocuments.with(ours, stored(SIGNED, "PK".getBytes())), Reason.DUPLICATE_ENTRY),
                new Refused("two mimetype entries", "EN 319 162-1 ZIP container rules: one mimetype",
                        AlteredDocuments.with(ours, stored(MIMETYPE, EcodexContainer.MIME_TYPE.getBytes())),
                        Reason.DUPLICATE_ENTRY),
                new Refused("unsigned content: a second data object at the root",
                        "EN 319 162-1 ASiC-S: ASiC-S holds exactly one data object, which the signature covers",
                        AlteredDocuments.with(ours, stored("extra.pdf", document)),
                        Reason.MORE_THAN_ONE_SIGNED_OBJECT),
                new Refused("unsigned content: an extra file in META-INF",
                        "EN 319 162-1 ASiC-S: LexBridge, stricter: an e-CODEX container has signatures.xml alone",
                        AlteredDocuments.with(ours, stored("META-INF/manifest.xml", "<m/>".getBytes())),
                        Reason.UNEXPECTED_ENTRY),
                new Refused("no signature", "EN 319 162-1 ASiC-S: META-INF holds the signature file",
                        AlteredDocuments.without(ours, SIGNATURES), Reason.SIGNATURE_MISSING),
                new Refused("an ASiC-E media type in mimetype",
                        "EN 319 162-1 ZIP container rules: the media type is application/vnd.etsi.asic-s+zip; the e-CODEX container: "
                                + "ASiC-E is not used",
                        AlteredDocuments.rewrite(ours, items -> items.stream().map(i -> i.name().equals(MIMETYPE)
                                ? stored(MIMETYPE, "application/vnd.etsi.asic-e+zip".getBytes()) : i).toList(),
                                null), Reason.MIMETYPE_WRONG));
    }

    @ParameterizedTest(name = "refuses {0}")
    @MethodSource("refused")
    void refusesWithTheStableCodeAndWritesNothing(Refused row) throws IOException {
        Path work = Files.createDirectories(shared.resolve("refuse-" + UUID.randomUUID()));
        Path staging = Files.createDirectories(work.resolve("staging"));
        EcodexContainerReader reader = new EcodexContainerReader(List.of(pki.ca()), Clock.systemUTC(),
                ContainerLimits.DEFAULT, staging);

        Throwable refused = catchThrowable(() -> reader.open(new ByteArrayInputStream(row.container()),
                work.resolve("out")));

        assertThat(refused).isInstanceOfSatisfying(ContainerRejectedException.class,
                e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(row.reason()));
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left).as("nothing extracted").containsExactly(staging);
        }
        try (Stream<Path> left = Files.list(staging)) {
            assertThat(left).as("nothing staged").isEmpty();
        }
    }

    /** DSS reads the container as an ASiC-S whose one signature is intact over the data it finds. */
    private static void assertDssReadsAnIntactAsicS(byte[] container) {
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(container,
                "container.asics"));
        validator.setCertificateVerifier(DssAsicInteropTest.verifier(pki.ca()));
        Reports reports = validator.validateDocument();
        assertThat(reports.getDiagnosticData().getContainerType()).isEqualTo(ASiCContainerType.ASiC_S);
        List<SignatureWrapper> signatures = reports.getDiagnosticData().getSignatures();
        assertThat(signatures).hasSize(1);
        assertThat(signatures.get(0).isSignatureIntact()).isTrue();
        assertThat(signatures.get(0).getDigestMatchers()).isNotEmpty()
                .allMatch(m -> m.isDataFound() && m.isDataIntact());
    }

    /** A correctly sealed container around the zip {@code inner}. */
    private static byte[] sealed(byte[] inner) throws IOException {
        Path file = shared.resolve("inner-" + UUID.randomUUID() + ".zip");
        Files.write(file, inner);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        builder.seal(file, out);
        return out.toByteArray();
    }

    /** SignedContent.zip as the official connector fills it, sealed by DSS's ASiC-S service with the test key. */
    private static byte[] dssBuilt() throws Exception {
        Path signedContent = Files.createDirectories(shared.resolve("dss-" + UUID.randomUUID())).resolve(SIGNED);
        Files.write(signedContent, AlteredDocuments.zip(List.of(
                deflated("mainDocument.pdf", "%PDF-1.4 from DSS".getBytes(StandardCharsets.US_ASCII)),
                deflated("TrustOkToken.pdf", "%PDF-1.4 token".getBytes(StandardCharsets.US_ASCII)))));
        return DssAsicInteropTest.builtByDss(pki.containerKey(PARTY), signedContent);
    }
}
