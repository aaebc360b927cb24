package eu.lexbridge.tools;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.trust.pki.AlteredDocuments;
import eu.lexbridge.trust.evidence.EvidenceSealer;
import eu.lexbridge.trust.evidence.ReferenceDigest;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.SharedTestPki;
import eu.lexbridge.trust.pki.TestPki;
import eu.lexbridge.trust.signature.PdfSealer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `lexbridge document verify`: a signed XML document, an unsigned PDF, unusable input. */
class DocumentCommandTest {

    private static final char[] PASSWORD = "test-only".toCharArray();

    @TempDir
    static Path dir;

    static GeneratedPki pki;
    static Path signedXml;

    @BeforeAll
    static void signOne() {
        pki = SharedTestPki.copyTo(dir.resolve("pki"), List.of("at-prosecutor"), PASSWORD);
        var key = SealKey.fromKeyStore(KeyStores.loadPkcs12(pki.parties().get("at-prosecutor").sealKeyStore(),
                PASSWORD), TestPki.SEAL_ALIAS, PASSWORD);
        byte[] signed = new EvidenceSealer(key, ReferenceDigest.SHA256, Clock.systemUTC())
                .seal("<order xmlns=\"urn:demo\"><id>42</id></order>".getBytes(StandardCharsets.UTF_8));
        signedXml = dir.resolve("order.xml");
        try {
            Files.write(signedXml, signed);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aSignedXmlDocumentFromATrustedSignerIsValid() {
        var run = CliRun.of("document", "verify", signedXml.toString(), "--trust", pki.caCertificate().toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("XAdES").contains("INTACT").contains("TRUSTED").contains("result       VALID");
        var untrusted = CliRun.of("document", "verify", signedXml.toString());
        assertThat(untrusted.exit()).isEqualTo(1);
        assertThat(untrusted.out()).contains("NOT TRUSTED");
    }

    @Test
    void withTheTrustedListsAQualifiedSealIsReportedQualifiedAndARevokedSignerInvalid() throws Exception {
        String lotl = pki.trustedLists().listOfTrustedLists().toString();
        String lotlSigner = pki.trustedLists().listOfTrustedListsSigner().toString();
        Path sealed = sign(pki.parties().get("at-prosecutor").documentSealKeyStore(), TestPki.DOCUMENT_SEAL_ALIAS,
                "sealed.xml");
        var qualified = CliRun.of("document", "verify", sealed.toString(), "--trust", lotl, "--list-signer",
                lotlSigner);
        assertThat(qualified.exit()).isZero();
        assertThat(qualified.out()).contains("lists        ").contains("LOADED").contains("TL   XX")
                .contains("revocation GOOD").contains("qualified  QUALIFIED (QESeal)").contains("result       VALID");

        Path revoked = sign(pki.revokedSigner().keyStore(), pki.revokedSigner().alias(), "revoked.xml");
        var run = CliRun.of("document", "verify", revoked.toString(), "--trust", pki.caCertificate().toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("revocation REVOKED at").contains("NOT TRUSTED").contains("NOT VALID");
        assertThat(CliRun.of("document", "verify", revoked.toString(), "--trust", pki.caCertificate().toString(),
                "--revocation", "OFF").out()).contains("revocation NOT_CHECKED");
    }

    @Test
    void aListWithoutItsSignerIsUnusableInput() {
        var run = CliRun.of("document", "verify", signedXml.toString(), "--trust",
                pki.trustedLists().listOfTrustedLists().toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--list-signer");
    }

    private static Path sign(Path keyStore, String alias, String name) throws Exception {
        var key = SealKey.fromKeyStore(KeyStores.loadPkcs12(keyStore, PASSWORD), alias, PASSWORD);
        Path file = dir.resolve(name);
        Files.write(file, new EvidenceSealer(key, ReferenceDigest.SHA256, Clock.systemUTC())
                .seal("<order xmlns=\"urn:demo\"><id>43</id></order>".getBytes(StandardCharsets.UTF_8)));
        return file;
    }

    @Test
    void anUnsignedPdfIsNotSigned() throws Exception {
        Path pdf = dir.resolve("epoc.pdf");
        try (InputStream in = DocumentCommandTest.class.getResourceAsStream("/demo/epoc-sample.pdf")) {
            Files.write(pdf, in.readAllBytes());
        }
        var run = CliRun.of("document", "verify", pdf.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("NOT SIGNED");
    }

    @Test
    void aSealedPdfChangedAfterSealingIsNotValidAndTheCoverageFindingIsPrinted() throws Exception {
        var key = SealKey.fromKeyStore(KeyStores.loadPkcs12(pki.parties().get("at-prosecutor").sealKeyStore(),
                PASSWORD), TestPki.SEAL_ALIAS, PASSWORD);
        byte[] sealed = new PdfSealer(key, Clock.systemUTC()).seal(AlteredDocuments.pdf("Claim: EUR 1200.00"),
                "judgment.pdf");
        Path intact = Files.write(dir.resolve("judgment.pdf"), sealed);
        Path tampered = Files.write(dir.resolve("judgment-changed.pdf"),
                AlteredDocuments.redefinePage(sealed, "Claim: EUR 9200.00"));
        String ca = pki.caCertificate().toString();

        var valid = CliRun.of("document", "verify", intact.toString(), "--trust", ca, "--revocation", "OFF");
        assertThat(valid.out()).contains("INTACT").contains("coverage   WHOLE DOCUMENT").contains("result       VALID");
        assertThat(valid.exit()).isZero();

        var run = CliRun.of("document", "verify", tampered.toString(), "--trust", ca, "--revocation", "OFF");
        assertThat(run.out()).contains("integrity  INTACT").contains("TRUSTED")
                .contains("coverage   NOT THE WHOLE DOCUMENT")
                .contains("the signature does not cover the revision shown")
                .contains("the content shown differs from the signed revision on page(s) 1")
                .contains("result       NOT VALID");
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void aZipBombIsRefusedWithASentenceAndExit2() throws Exception {
        Path bomb = Files.write(dir.resolve("bomb.asics"), AlteredDocuments.zipBomb());
        var run = CliRun.of("document", "verify", bomb.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("bomb.asics cannot be validated")
                .contains("inflates to more than 100 times its size (limit max-inflation-ratio)")
                .doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
        assertThat(run.out()).doesNotContain("result").doesNotContain("OutOfMemoryError");
    }

    @Test
    void aPdfSealedByDocumentSignWithAPartysSealReachesQualifiedAgainstThePkisTrustedLists() throws Exception {
        Path pdf = Files.write(dir.resolve("epoc-to-sign.pdf"), sample("epoc-sample.pdf"));
        Path sealed = dir.resolve("epoc-signed.pdf");

        var sign = sign(pdf.toString(), "--party", "at-prosecutor", "--out", sealed.toString());

        assertThat(sign.err()).isEmpty();
        assertThat(sign.exit()).isZero();
        assertThat(sign.out()).contains("sealed       epoc-to-sign.pdf -> " + sealed + " (PAdES-BASELINE-B)")
                .contains("qualified document seal of at-prosecutor: ")
                .contains("verify with  ./lexbridge document verify " + sealed + " --trust "
                        + pki.trustedLists().listOfTrustedLists());
        var verify = verifyWithTheLists(sealed);
        assertThat(verify.out()).contains("(PAdES").contains("integrity  INTACT").contains("coverage   WHOLE DOCUMENT")
                .contains("qualified  QUALIFIED (QESeal)").contains("result       VALID");
        assertThat(verify.exit()).isZero();
    }

    @Test
    void anXmlDocumentSealedByDocumentSignReachesQualifiedAndKeepsItsContent() throws Exception {
        Path xml = Files.write(dir.resolve("epoc-to-sign.xml"), sample("epoc-sample.xml"));
        Path sealed = dir.resolve("epoc-signed.xml");

        var sign = sign(xml.toString(), "--party", "at-prosecutor", "--out", sealed.toString());

        assertThat(sign.exit()).isZero();
        assertThat(sign.out()).contains("(XAdES-BASELINE-B, enveloped)");
        assertThat(Files.readString(sealed)).contains("DEMO-2026-0042").contains("SignatureValue");
        var verify = verifyWithTheLists(sealed);
        assertThat(verify.out()).contains("XAdES").contains("coverage   WHOLE DOCUMENT")
                .contains("qualified  QUALIFIED (QESeal)").contains("result       VALID");
        assertThat(verify.exit()).isZero();
    }

    /** Each refusal: exit 2, one sentence on stderr, nothing on stdout, nothing written. */
    @Test
    void documentSignRefusesUnusableInputWithOneSentenceAndExit2() throws Exception {
        Path pdf = Files.write(dir.resolve("to-refuse.pdf"), sample("epoc-sample.pdf"));
        Path png = Files.write(dir.resolve("scan.png"),
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        Path text = Files.writeString(dir.resolve("notes.pdf"), "just some notes, named like a PDF");
        Path doctype = Files.writeString(dir.resolve("doctype.xml"),
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");
        Path broken = Files.writeString(dir.resolve("broken.xml"), "<order><id>42</order>");
        Path out = dir.resolve("refused-out.pdf");
        String pkiDir = pki.directory().toString();

        expectRefused(sign(dir.resolve("missing.pdf").toString(), "--party", "at-prosecutor", "--out", out.toString()),
                "missing.pdf is not a readable file.");
        expectRefused(sign(pdf.toString(), "--party", "fr-court", "--out", out.toString()),
                "The test PKI in " + pkiDir + " has no party 'fr-court'; its parties: at-prosecutor.");
        expectRefused(sign(pdf.toString(), "--party", "../pki/at-prosecutor", "--out", out.toString()),
                "has no party '../pki/at-prosecutor'");
        expectRefused(sign(pdf.toString(), "--party", "tl", "--out", out.toString()), "has no party 'tl'");
        expectRefused(sign(png.toString(), "--party", "at-prosecutor", "--out", out.toString()),
                "scan.png is neither a PDF nor an XML document; only those can be sealed.");
        expectRefused(sign(text.toString(), "--party", "at-prosecutor", "--out", out.toString()),
                "notes.pdf is neither a PDF nor an XML document");
        expectRefused(sign(doctype.toString(), "--party", "at-prosecutor", "--out", out.toString()),
                "doctype.xml is XML with a DOCTYPE, which the connector refuses");
        expectRefused(sign(broken.toString(), "--party", "at-prosecutor", "--out", out.toString()),
                "broken.xml is not well-formed XML (line 1, column 16): The element type \"id\" must be terminated");
        expectRefused(CliRun.of("document", "sign", pdf.toString(), "--party", "at-prosecutor", "--pki", pkiDir,
                "--password=wrong", "--out", out.toString()), "the password is wrong");
        expectRefused(CliRun.of("document", "sign", pdf.toString(), "--party", "at-prosecutor", "--pki",
                dir.resolve("no-pki").toString(), "--out", out.toString()), "holds no test PKI; run ./lexbridge demo");
        expectRefused(sign(pdf.toString(), "--party", "at-prosecutor", "--out",
                dir.resolve("no-such-dir").resolve("out.pdf").toString()), "does not exist.");
        assertThat(out).doesNotExist();
    }

    private static void expectRefused(CliRun run, String sentence) {
        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(sentence).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(run.err().strip().lines()).as("one sentence").hasSize(1);
        assertThat(run.out()).isEmpty();
    }

    private static CliRun sign(String file, String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("document", "sign", file, "--pki",
                pki.directory().toString(), "--password=" + new String(PASSWORD)));
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static CliRun verifyWithTheLists(Path file) {
        return CliRun.of("document", "verify", file.toString(), "--trust",
                pki.trustedLists().listOfTrustedLists().toString(), "--list-signer",
                pki.trustedLists().listOfTrustedListsSigner().toString());
    }

    private static byte[] sample(String name) throws java.io.IOException {
        try (InputStream in = DocumentCommandTest.class.getResourceAsStream("/demo/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void xmlWithADoctypeIsUnusableInput() throws Exception {
        Path xxe = dir.resolve("xxe.xml");
        Files.writeString(xxe, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");
        assertThat(CliRun.of("document", "verify", xxe.toString()).exit()).isEqualTo(2);
        assertThat(CliRun.of("document", "verify", dir.resolve("missing.pdf").toString()).exit()).isEqualTo(2);
    }
}
