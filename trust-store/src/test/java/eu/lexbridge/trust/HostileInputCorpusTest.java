package eu.lexbridge.trust;

import static eu.lexbridge.trust.container.ContainerEntries.rewrite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.evidence.RejectionReason;
import eu.lexbridge.core.message.BusinessService;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.trust.container.ContainerContent;
import eu.lexbridge.trust.container.ContainerLimits;
import eu.lexbridge.trust.container.ContainerPart;
import eu.lexbridge.trust.container.ContainerRejectedException;
import eu.lexbridge.trust.container.ContainerRejectedException.Reason;
import eu.lexbridge.trust.container.ContainerVerification;
import eu.lexbridge.trust.container.EcodexContainerBuilder;
import eu.lexbridge.trust.container.EcodexContainerReader;
import eu.lexbridge.trust.container.OpenedContainer;
import eu.lexbridge.trust.container.TrustOkToken;
import eu.lexbridge.trust.evidence.EvidenceProblem;
import eu.lexbridge.trust.evidence.EvidenceSealer;
import eu.lexbridge.trust.evidence.EvidenceVerification;
import eu.lexbridge.trust.evidence.EvidenceVerifier;
import eu.lexbridge.trust.evidence.ReferenceDigest;
import eu.lexbridge.trust.evidence.RemEvidenceFactory;
import eu.lexbridge.trust.evidence.UnreadableEvidenceException;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.SharedTestPki;
import eu.lexbridge.trust.pki.TestPki;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input corpus of trust-store's parsers: one row per class of hostile evidence (verified by
 * {@link EvidenceVerifier}) and of hostile container (opened by {@link EcodexContainerReader}), each built from real
 * seals on the generated test PKI. An evidence row states the refusal (a named problem, or unreadable); evidence
 * verification keeps no state, so the verdict is all that can change. A container row states the refusal (a named
 * reason, or a seal that is not valid) and checks that nothing was written: no extraction target, no half-extracted
 * directory, no staged file left behind.
 */
class HostileInputCorpusTest {

    private static final String PARTY = "at-court";
    private static final String REM = "http://uri.etsi.org/02640/v2#";

    @TempDir
    static Path shared;

    private static SealKey seal;
    private static SealKey otherSeal;
    private static List<X509Certificate> anchors;
    private static EvidenceVerifier evidences;
    private static EcodexContainerBuilder containers;
    private static EcodexContainerBuilder otherContainers;
    private static RemEvidenceFactory factory;
    private static byte[] container;

    @BeforeAll
    static void pki() throws IOException {
        char[] password = "corpus-Pa55".toCharArray();
        GeneratedPki pki = SharedTestPki.copyTo(Files.createDirectories(shared.resolve("pki")), List.of(PARTY), password);
        GeneratedPki other = TestPki.generate(Files.createDirectories(shared.resolve("other")), List.of(PARTY),
                password);
        seal = SealKey.fromKeyStore(KeyStores.loadPkcs12(pki.parties().get(PARTY).sealKeyStore(), password),
                TestPki.SEAL_ALIAS, password);
        otherSeal = SealKey.fromKeyStore(KeyStores.loadPkcs12(other.parties().get(PARTY).sealKeyStore(), password),
                TestPki.SEAL_ALIAS, password);
        // The other PKI is trusted by nobody.
        anchors = List.of(KeyStores.readCertificate(pki.caCertificate()));
        evidences = new EvidenceVerifier(anchors, Clock.systemUTC());
        containers = new EcodexContainerBuilder(seal, Clock.systemUTC());
        otherContainers = new EcodexContainerBuilder(otherSeal, Clock.systemUTC());
        factory = new RemEvidenceFactory("lexbridge-at", "https://as4.lexbridge.at/services/as4",
                ZoneId.of("Europe/Vienna"));
        container = build(containers);
    }

    // ---- evidences

    /**
     * @param input what is verified
     * @param document the evidence bytes
     * @param problem the named problem expected, or {@code null} when the document must be refused as unreadable
     */
    record EvidenceRow(String input, byte[] document, EvidenceProblem.Code problem) {
        @Override
        public String toString() {
            return input;
        }
    }

    static Stream<EvidenceRow> evidenceCorpus() {
        String sealed = text(sealedEvidence(seal));
        String signature = sealed.substring(sealed.indexOf("<ds:Signature "),
                sealed.indexOf("</ds:Signature>") + "</ds:Signature>".length());
        String body = text(unsealedEvidence(EvidenceType.NON_DELIVERY)).replaceFirst("<\\?xml[^>]*>", "");
        return Stream.of(
                new EvidenceRow("signature wrapping: a second, unsigned evidence body in ds:Object",
                        bytes(sealed.replace("</ds:Signature>", "<ds:Object>" + body + "</ds:Object></ds:Signature>")),
                        EvidenceProblem.Code.UNSIGNED_CONTENT),
                new EvidenceRow("an unsigned REM element beside the XAdES properties",
                        bytes(sealed.replace("</xades:QualifyingProperties>", "<EventCode xmlns=\"" + REM
                                + "\">Delivery</EventCode></xades:QualifyingProperties>")),
                        EvidenceProblem.Code.UNSIGNED_CONTENT),
                new EvidenceRow("a signed value changed after sealing (tampered)",
                        bytes(sealed.replace("<SenderMessageDetails isNotification=\"false\">",
                                "<SenderMessageDetails isNotification=\"true\">")),
                        EvidenceProblem.Code.SIGNATURE_BROKEN),
                new EvidenceRow("sealed by a certificate of an untrusted PKI",
                        sealedEvidence(otherSeal), EvidenceProblem.Code.SIGNER_UNTRUSTED),
                new EvidenceRow("unsigned", unsealedEvidence(EvidenceType.DELIVERY), EvidenceProblem.Code.NOT_SIGNED),
                new EvidenceRow("a second signature deeper in the document",
                        bytes(sealed.replace("<SenderMessageDetails isNotification=\"false\">",
                                "<SenderMessageDetails isNotification=\"false\">" + signature)),
                        EvidenceProblem.Code.NOT_ENVELOPED),
                new EvidenceRow("a reference to a URL outside the evidence",
                        bytes(sealed.replaceFirst("URI=\"\"", "URI=\"http://127.0.0.1:9/evidence.xml\"")),
                        EvidenceProblem.Code.NOT_ENVELOPED),
                new EvidenceRow("a DOCTYPE with an entity bomb",
                        bytes("<?xml version=\"1.0\"?><!DOCTYPE b [<!ENTITY a \"aaaaaaaaaa\">"
                                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                                + sealed.replaceFirst("<\\?xml[^>]*>", "").replace("<EventCode>", "<EventCode>&b;")),
                        null),
                new EvidenceRow("an external entity (XXE)",
                        bytes("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                                + sealed.replaceFirst("<\\?xml[^>]*>", "")), null),
                new EvidenceRow("truncated in the middle",
                        bytes(sealed.substring(0, sealed.length() / 2)), null),
                new EvidenceRow("not XML at all", bytes("%PDF-1.7 not an evidence"), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("evidenceCorpus")
    void aHostileEvidenceIsRefusedWithItsProblemNamed(EvidenceRow row) {
        if (row.problem() == null) {
            Throwable refused = catchThrowable(() -> evidences.verify(row.document()));
            assertThat(refused).isInstanceOf(UnreadableEvidenceException.class);
            assertThat(refused.getMessage()).doesNotContain("root:").doesNotContain("/etc/passwd");
            return;
        }
        EvidenceVerification result = evidences.verify(row.document());
        assertThat(result.acceptable()).as(result.problems().toString()).isFalse();
        assertThat(result.problems()).extracting(EvidenceProblem::code).contains(row.problem());
    }

    // ---- containers

    /**
     * @param input what is opened
     * @param container the container bytes
     * @param reason the refusal expected, or {@code null} when the container is readable but its seal not valid
     */
    record ContainerRow(String input, byte[] container, Reason reason) {
        @Override
        public String toString() {
            return input;
        }
    }

    static Stream<ContainerRow> containerCorpus() throws IOException {
        Path dir = Files.createDirectories(shared.resolve("inner-" + UUID.randomUUID()));
        return Stream.of(
                new ContainerRow("SignedContent.zip whose local header and central directory name an entry apart",
                        sealed(innerZip(dir, true, "mainDocument.pdf", "annex-a.pdf")), Reason.HEADERS_DISAGREE),
                new ContainerRow("a container whose local header and central directory name SignedContent.zip apart",
                        replaceLast(container, "SignedContent.zip", "SignedContent.zap"), Reason.HEADERS_DISAGREE),
                new ContainerRow("data after the end of the zip",
                        Arrays.copyOf(container, container.length + 64), Reason.HEADERS_DISAGREE),
                new ContainerRow("an entry climbing out of the target ('../evil.pdf')",
                        sealed(innerZip(dir, false, "mainDocument.pdf", "../evil.pdf")), Reason.PATH_TRAVERSAL),
                new ContainerRow("an absolute entry name ('/etc/evil.pdf')",
                        sealed(innerZip(dir, false, "mainDocument.pdf", "/etc/evil.pdf")), Reason.PATH_TRAVERSAL),
                new ContainerRow("an entry name with ':' ('a.pdf:stream')",
                        sealed(innerZip(dir, false, "mainDocument.pdf", "a.pdf:stream")), Reason.PATH_TRAVERSAL),
                new ContainerRow("two entries whose names differ only in case",
                        sealed(innerZip(dir, false, "mainDocument.pdf", "Annex.pdf", "annex.pdf")),
                        Reason.DUPLICATE_ENTRY),
                new ContainerRow("a zip bomb (50 MB of zeros in SignedContent.zip)",
                        sealed(bomb(dir)), Reason.COMPRESSION_RATIO),
                // No mimetype is optional in ASiC-S (EN 319 162-1 4.3.3): read with a notice, ContainerConformanceTest.
                new ContainerRow("unsigned content: a second data object at the root", rewrite(container, entries -> {
                    entries.put("extra.pdf", "%PDF-1.7 unsigned".getBytes(StandardCharsets.US_ASCII));
                    return entries;
                }), Reason.MORE_THAN_ONE_SIGNED_OBJECT),
                new ContainerRow("unsigned content: an extra file in META-INF", rewrite(container, entries -> {
                    entries.put("META-INF/manifest.xml", "<manifest/>".getBytes(StandardCharsets.US_ASCII));
                    return entries;
                }), Reason.UNEXPECTED_ENTRY),
                new ContainerRow("no signature", rewrite(container, entries -> {
                    entries.remove("META-INF/signatures.xml");
                    return entries;
                }), Reason.SIGNATURE_MISSING),
                new ContainerRow("not a zip", "PK not really a zip".getBytes(StandardCharsets.US_ASCII),
                        Reason.NOT_A_ZIP),
                new ContainerRow("SignedContent.zip changed after sealing", rewrite(container, entries -> {
                    byte[] inner = entries.get("SignedContent.zip").clone();
                    inner[inner.length / 2] ^= 0x20;
                    entries.put("SignedContent.zip", inner);
                    return entries;
                }), null),
                new ContainerRow("sealed by a certificate of an untrusted PKI", build(otherContainers), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containerCorpus")
    void aHostileContainerIsRefusedAndNothingIsWritten(ContainerRow row) throws IOException {
        Path work = Files.createDirectories(shared.resolve("work-" + UUID.randomUUID()));
        Path staging = Files.createDirectories(work.resolve("staging"));
        Path target = work.resolve("out");
        EcodexContainerReader reader = new EcodexContainerReader(anchors, Clock.systemUTC(),
                ContainerLimits.DEFAULT, staging);

        if (row.reason() == null) {
            OpenedContainer opened = reader.open(new ByteArrayInputStream(row.container()), target);
            ContainerVerification verification = opened.verification();
            assertThat(verification.valid()).isFalse();
            assertThat(opened.extracted()).isFalse();
        } else {
            Throwable refused = catchThrowable(() -> reader.open(new ByteArrayInputStream(row.container()), target));
            assertThat(refused).isInstanceOfSatisfying(ContainerRejectedException.class,
                    e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(row.reason()));
        }
        assertThat(target).as("no extraction target").doesNotExist();
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left).as("no half-extracted directory").containsExactly(staging);
        }
        try (Stream<Path> left = Files.list(staging)) {
            assertThat(left).as("no staged file").isEmpty();
        }
        assertThat(shared.resolve("evil.pdf")).doesNotExist();
    }

    // ---- fixtures

    private static byte[] unsealedEvidence(EvidenceType type) {
        ConnectorMessage subject = ConnectorMessage.builder()
                .direction(Direction.OUTBOUND)
                .backendName("at-backend")
                .backendMessageId("AT-2026-000017")
                .ebmsMessageId(UUID.randomUUID() + "@lexbridge.at")
                .conversationId("conv-1")
                .service(new BusinessService("EPO", "urn:e-codex:services:"))
                .action("Form_A")
                .from(new Party("AT", "urn:oasis:names:tc:ebcore:partyid-type:iso3166-1", "GW"))
                .to(new Party("DE", "urn:oasis:names:tc:ebcore:partyid-type:iso3166-1", "GW"))
                .originalSender("at-prosecutor")
                .finalRecipient("de-court")
                .createdAt(Instant.now().minusSeconds(60))
                .build();
        return factory.create(type, UUID.randomUUID(), subject, Instant.now(),
                type.isPositive() ? null
                        : RejectionReason.DELIVERY_EVIDENCE_TIMEOUT.because("no delivery evidence within 24 hours"));
    }

    private static byte[] sealedEvidence(SealKey key) {
        return new EvidenceSealer(key, ReferenceDigest.SHA256, Clock.systemUTC())
                .seal(unsealedEvidence(EvidenceType.DELIVERY));
    }

    private static byte[] build(EcodexContainerBuilder builder) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        builder.build(new ContainerContent(
                ContainerPart.ofBytes("mainDocument.pdf", "application/pdf", "%PDF-1.4 small".getBytes()),
                null, List.of(ContainerPart.ofBytes("annex.xml", "application/xml", "<a/>".getBytes()))),
                (document, now) -> TrustOkToken.authenticationBased("LexBridge Test", "AT", document,
                        new TrustOkToken.Authentication("LexBridge back-end authentication", "clerk-17",
                                Instant.now().minusSeconds(60)), now), out);
        return out.toByteArray();
    }

    /** A correctly sealed container around {@code inner}. */
    private static byte[] sealed(Path inner) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        containers.seal(inner, out);
        return out.toByteArray();
    }

    /** An inner zip; with {@code renameLocally}, its last entry's local header names it one letter apart. */
    private static Path innerZip(Path dir, boolean renameLocally, String... names) throws IOException {
        Path file = dir.resolve(UUID.randomUUID() + ".zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(("content of " + name).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        if (renameLocally) {
            byte[] bytes = Files.readAllBytes(file);
            String last = names[names.length - 1];
            int at = indexOf(bytes, last, false);
            bytes[at + last.length() - 5] ^= 0x01; // annex-a.pdf -> annex-`.pdf, in the local header only
            Files.write(file, bytes);
        }
        return file;
    }

    private static Path bomb(Path dir) throws IOException {
        Path file = dir.resolve(UUID.randomUUID() + "-bomb.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("mainDocument.pdf"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 50; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return file;
    }

    private static byte[] replaceLast(byte[] bytes, String from, String to) {
        byte[] copy = bytes.clone();
        int at = indexOf(copy, from, true);
        System.arraycopy(to.getBytes(StandardCharsets.US_ASCII), 0, copy, at, from.length());
        return copy;
    }

    private static int indexOf(byte[] bytes, String text, boolean last) {
        byte[] wanted = text.getBytes(StandardCharsets.US_ASCII);
        int found = -1;
        outer:
        for (int i = 0; i + wanted.length <= bytes.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (bytes[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            found = i;
            if (!last) {
                break;
            }
        }
        assertThat(found).isNotNegative();
        return found;
    }

    private static String text(byte[] document) {
        return new String(document, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String document) {
        return document.getBytes(StandardCharsets.UTF_8);
    }
}
