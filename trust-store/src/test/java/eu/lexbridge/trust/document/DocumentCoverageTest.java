package eu.lexbridge.trust.document;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.SharedTestPki;
import eu.lexbridge.trust.pki.TestPki;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signatures judged on what they cover: a PDF revision after the signed one, an XML signature over one element. */
class DocumentCoverageTest {

    private static final char[] PASSWORD = "coverage-test-Pa55".toCharArray();

    @TempDir
    static java.nio.file.Path dir;

    static SealKey signer;
    static DocumentValidator validator;
    static Instant signedAt;
    static byte[] sealed;

    @BeforeAll
    static void sealOne() {
        GeneratedPki pki = SharedTestPki.copyTo(dir.resolve("pki"), List.of("alice"), PASSWORD);
        signer = SealKey.fromKeyStore(KeyStores.loadPkcs12(pki.parties().get("alice").sealKeyStore(), PASSWORD),
                TestPki.SEAL_ALIAS, PASSWORD);
        validator = new DocumentValidator(List.of(KeyStores.readCertificate(pki.caCertificate())), Clock.systemUTC());
        signedAt = Instant.now().minusSeconds(5);
        sealed = Documents.pades(signer, Documents.pdf("Claim: EUR 1200.00"), signedAt);
    }

    @Test
    void aSealedPdfCoversItself() {
        SignatureResult s = only(validate(sealed, "judgment.pdf"));
        assertThat(s.coverage()).isEqualTo(Coverage.EXACT);
        assertThat(s.intact()).isTrue();
        assertThat(s.trusted()).isTrue();
        assertThat(s.problems()).isEmpty();
    }

    @Test
    void aRevisionAfterTheSealThatRedefinesThePageIsNotCovered() {
        byte[] tampered = Documents.redefinePage(sealed, "Claim: EUR 9200.00");

        SignatureResult s = only(validate(tampered, "judgment.pdf"));

        assertThat(s.intact()).isTrue(); // the signed bytes are untouched ...
        assertThat(s.trusted()).isTrue();
        assertThat(s.coverage().whole()).isFalse(); // ... but they are not what a reader sees
        assertThat(s.coverage().findings()).singleElement().asString()
                .startsWith("the signature does not cover the revision shown")
                .contains("the content shown differs from the signed revision on page(s) 1");
        assertThat(s.problems()).containsAll(s.coverage().findings());
    }

    @Test
    void aSecondSignatureAfterTheFirstIsAPermittedChange() {
        byte[] twice = Documents.pades(signer, sealed, signedAt.plusSeconds(1));

        DocumentValidation validation = validate(twice, "judgment.pdf");

        assertThat(validation.signatures()).hasSize(2).allSatisfy(s -> {
            assertThat(s.coverage().whole()).isTrue();
            assertThat(s.problems()).isEmpty();
        });
        assertThat(validation.signatures().get(0).coverage().findings()).singleElement().asString()
                .contains("another signature or a form fill after the signed revision").contains("permitted");
        assertThat(validation.signatures().get(1).coverage()).isEqualTo(Coverage.EXACT);
    }

    @Test
    void aXadesOverOneElementDoesNotCoverTheDocument() {
        byte[] partial = Documents.xadesOverOneElement(signer, Documents.XML, signedAt);

        SignatureResult s = only(validate(partial, "order.xml"));

        assertThat(s.intact()).isTrue();
        assertThat(s.coverage().whole()).isFalse();
        assertThat(s.coverage().findings()).singleElement().asString()
                .startsWith("the signature covers only part of the document").contains("claim");
    }

    @Test
    void aXadesOverTheWholeDocumentCoversIt() {
        SignatureResult s = only(validate(Documents.xades(signer, Documents.XML, signedAt), "order.xml"));
        assertThat(s.coverage()).isEqualTo(Coverage.EXACT);
    }

    @Test
    void anAsicSCoversItsFile() {
        byte[] asic = Documents.asicS(signer, "a claim".getBytes(StandardCharsets.UTF_8), "claim.txt", signedAt);
        SignatureResult s = only(validate(asic, "claim.asics"));
        assertThat(s.coverage()).isEqualTo(Coverage.EXACT);
        assertThat(s.problems()).isEmpty();
    }

    private static DocumentValidation validate(byte[] document, String name) {
        return validator.validate(new ByteArrayInputStream(document), name);
    }

    private static SignatureResult only(DocumentValidation validation) {
        assertThat(validation.signatures()).hasSize(1);
        return validation.signatures().get(0);
    }
}
