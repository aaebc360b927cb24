package eu.lexbridge.trust.document;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.SharedTestPki;
import eu.lexbridge.trust.pki.TestPki;
import eu.lexbridge.trust.signature.RevocationChecking;
import eu.lexbridge.trust.signature.RevocationStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input at the document validator (issue 8, document rows): one row per class of input, the answer expected,
 * and that nothing changed — the input file is as it was, nothing was extracted beside it, and the validator still
 * validates a good document afterwards. The answer is either a refusal (the exception and the sentence a submitter
 * sees) or a verdict (what the signature result says).
 */
class DocumentHostileInputCorpusTest {

    private static final char[] PASSWORD = "corpus-test-Pa55".toCharArray();

    @TempDir
    static Path dir;

    static GeneratedPki pki;
    static SealKey signer;
    static SealKey stranger;
    static Instant signedAt;
    static DocumentValidator validator;
    static byte[] sealedPdf;
    static byte[] goodXades;

    @BeforeAll
    static void pkis() {
        pki = SharedTestPki.copyTo(dir.resolve("pki"), List.of("alice"), PASSWORD);
        GeneratedPki other = TestPki.generate(dir.resolve("other-pki"), List.of("mallory"), PASSWORD);
        signer = SealKey.fromKeyStore(KeyStores.loadPkcs12(pki.parties().get("alice").sealKeyStore(), PASSWORD),
                TestPki.SEAL_ALIAS, PASSWORD);
        stranger = SealKey.fromKeyStore(KeyStores.loadPkcs12(other.parties().get("mallory").sealKeyStore(),
                PASSWORD), TestPki.SEAL_ALIAS, PASSWORD);
        signedAt = Instant.now().minusSeconds(5);
        validator = new DocumentValidator(ValidationSources.offline(List.of(KeyStores.readCertificate(
                pki.caCertificate()))).withRevocation(RevocationChecking.CRL), DocumentLimits.DEFAULTS,
                Clock.systemUTC());
        sealedPdf = Documents.pades(signer, Documents.pdf("Claim: EUR 1200.00"), signedAt);
        goodXades = Documents.xades(signer, Documents.XML, signedAt);
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
                verdict("sealed PDF whose page content an incremental update redefines", "judgment.pdf",
                        () -> Documents.redefinePage(sealedPdf, "Claim: EUR 9200.00"),
                        s -> {
                            assertThat(s.intact()).isTrue();
                            assertThat(s.coverage().whole()).isFalse();
                            assertThat(s.problems()).anySatisfy(p -> assertThat(p)
                                    .contains("the signature does not cover the revision shown")
                                    .contains("the content shown differs from the signed revision"));
                        }),
                verdict("sealed PDF with a page added after the signed revision (partial coverage)", "judgment.pdf",
                        () -> Documents.addPage(sealedPdf, "Claim withdrawn"),
                        s -> {
                            assertThat(s.coverage().whole()).isFalse();
                            assertThat(s.problems()).anySatisfy(p -> assertThat(p)
                                    .contains("the signature does not cover the revision shown"));
                        }),
                verdict("sealed PDF with a second seal appended (permitted)", "judgment.pdf",
                        () -> Documents.pades(signer, sealedPdf, signedAt.plusSeconds(1)),
                        s -> {
                            assertThat(s.coverage().whole()).isTrue();
                            assertThat(s.problems()).isEmpty();
                        }),
                verdict("XAdES whose only reference is one element of the XML", "order.xml",
                        () -> Documents.xadesOverOneElement(signer, Documents.XML, signedAt),
                        s -> {
                            assertThat(s.intact()).isTrue();
                            assertThat(s.coverage().whole()).isFalse();
                            assertThat(s.problems()).anySatisfy(p -> assertThat(p)
                                    .startsWith("the signature covers only part of the document"));
                        }),
                verdict("XAdES whose signed content was changed", "order.xml",
                        () -> new String(goodXades, StandardCharsets.UTF_8).replace("EUR 1200.00", "EUR 9200.00")
                                .getBytes(StandardCharsets.UTF_8),
                        s -> {
                            assertThat(s.intact()).isFalse();
                            assertThat(s.problems()).anySatisfy(p -> assertThat(p).contains("does not match"));
                        }),
                verdict("XAdES by a signer of another PKI", "order.xml",
                        () -> Documents.xades(stranger, Documents.XML, signedAt),
                        s -> {
                            assertThat(s.intact()).isTrue();
                            assertThat(s.trusted()).isFalse();
                            assertThat(s.problems()).anySatisfy(p -> assertThat(p)
                                    .contains("does not chain to a trust anchor"));
                        }),
                verdict("XAdES by a signer whose certificate is revoked", "order.xml",
                        () -> Documents.xades(revokedSigner(), Documents.XML, signedAt),
                        s -> {
                            assertThat(s.revocation()).isEqualTo(RevocationStatus.REVOKED);
                            assertThat(s.trusted()).isFalse();
                        }),
                refusal("ASiC-S whose SignedContent.zip inflates to 512 MiB (zip bomb)", "bomb.asics",
                        Documents::zipBomb, DocumentLimitExceededException.class,
                        "inflates to more than 100 times its size (limit max-inflation-ratio)"),
                refusal("ASiC-S with zip containers nested three deep", "nested.asics",
                        () -> Documents.asicSAround(Documents.nested(Documents.XML.getBytes(StandardCharsets.UTF_8),
                                "inner.zip", 3)), DocumentLimitExceededException.class,
                        "nested more than 1 deep (limit max-nesting)"),
                refusal("zip container with 501 entries", "many.asice", DocumentHostileInputCorpusTest::manyEntries,
                        DocumentLimitExceededException.class, "more than 500 entries (limit max-entries)"),
                refusal("XML with a DOCTYPE and an external entity", "xxe.xml",
                        () -> ("<?xml version=\"1.0\"?><!DOCTYPE Order [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                                + "<Order>&xxe;</Order>").getBytes(StandardCharsets.UTF_8),
                        UnusableDocumentException.class, "XML with a DOCTYPE is refused"),
                refusal("XML with a DOCTYPE of nested entities (billion laughs)", "laughs.xml",
                        () -> ("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 "
                                + "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><lolz>&lol2;</lolz>")
                                .getBytes(StandardCharsets.UTF_8),
                        UnusableDocumentException.class, "XML with a DOCTYPE is refused"),
                unsigned("sealed PDF cut in half (its signature lost with the second half)", "truncated.pdf",
                        () -> Arrays.copyOf(sealedPdf, sealedPdf.length / 2)),
                refusal("64 KiB of random bytes", "random.bin", () -> {
                    byte[] random = new byte[64 * 1024];
                    new Random(8).nextBytes(random);
                    return random;
                }, UnusableDocumentException.class, "Not a signed document DSS recognises ('random.bin')"),
                refusal("an empty file", "empty.pdf", () -> new byte[0], UnusableDocumentException.class,
                        "empty.pdf"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void hostileInputGetsItsAnswerAndChangesNothing(String input, String name, Supplier<byte[]> document,
                                                    Consumer<Object> expected) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("row-" + Math.abs(input.hashCode())));
        Path file = Files.write(folder.resolve(name), document.get());
        byte[] digest = sha256(file);

        long start = System.nanoTime();
        Object answer;
        try {
            answer = validator.validate(file);
        } catch (RuntimeException refusal) {
            answer = refusal;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        expected.accept(answer);
        assertThat(took).isLessThan(DocumentLimits.DEFAULTS.timeout());
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left).containsExactly(file); // nothing extracted or written beside the input
        }
        assertThat(sha256(file)).isEqualTo(digest);
        assertThat(validator.validate(Files.write(folder.resolve("good.xml"), goodXades)).allIntactAndTrusted())
                .isTrue();
    }

    /** Read as a document without signatures: the connector's check says so, and it reaches no level. */
    private static Arguments unsigned(String input, String name, Supplier<byte[]> document) {
        Consumer<Object> check = answer -> {
            assertThat(answer).as("a verdict, not a refusal").isInstanceOf(DocumentValidation.class);
            assertThat(((DocumentValidation) answer).signatures()).isEmpty();
            assertThat(((DocumentValidation) answer).allIntactAndTrusted()).isFalse();
        };
        return Arguments.of(input, name, document, check);
    }

    private static Arguments verdict(String input, String name, Supplier<byte[]> document,
                                     Consumer<SignatureResult> expected) {
        Consumer<Object> check = answer -> {
            assertThat(answer).as("a verdict, not a refusal").isInstanceOf(DocumentValidation.class);
            assertThat(((DocumentValidation) answer).signatures()).isNotEmpty();
            expected.accept(((DocumentValidation) answer).signatures().get(0));
        };
        return Arguments.of(input, name, document, check);
    }

    private static Arguments refusal(String input, String name, Supplier<byte[]> document,
                                     Class<? extends Throwable> type, String sentence) {
        Consumer<Object> check = answer -> assertThat(answer).as("a refusal").isInstanceOf(type)
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.THROWABLE).hasMessageContaining(sentence);
        return Arguments.of(input, name, document, check);
    }

    private static SealKey revokedSigner() {
        return SealKey.fromKeyStore(KeyStores.loadPkcs12(pki.revokedSigner().keyStore(), PASSWORD),
                pki.revokedSigner().alias(), PASSWORD);
    }

    private static byte[] manyEntries() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < 501; i++) {
                zip.putNextEntry(new ZipEntry("f" + i + ".txt"));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] sha256(Path file) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    }
}
