package eu.lexbridge.tools;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.message.BusinessService;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.tools.demo.PackagedJar;
import eu.lexbridge.trust.container.ContainerContent;
import eu.lexbridge.trust.container.ContainerPart;
import eu.lexbridge.trust.container.EcodexContainerBuilder;
import eu.lexbridge.trust.container.TrustOkToken;
import eu.lexbridge.trust.evidence.EvidenceSealer;
import eu.lexbridge.trust.evidence.ReferenceDigest;
import eu.lexbridge.trust.evidence.RemEvidenceFactory;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.pki.TestPki;
import eu.lexbridge.trust.signature.PdfSealer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./lexbridge <command>} from the packaged jar prints what was asked for and nothing else: no library's log
 * line, no logging library's notice, on stdout or on stderr. Only the jar has the application's real class path and
 * the command line's own logging set-up (in-process tests have neither), so each command runs as a process of its own.
 */
class QuietCommandsIT {

    private static final String PASSWORD = "test-only";
    /** A log line in any layout a library's defaults write (logback, JUL, Spring Boot), or a logging notice. */
    private static final Pattern NOISE = Pattern.compile(
            "\\b(TRACE|DEBUG|INFO|WARN|WARNING|ERROR|SEVERE)\\b|SLF4J|[Ll]ogback|Commons Logging|log4j");

    @TempDir
    static Path dir;

    static Path jar;
    static Path pki;

    /** A test PKI from the jar's own {@code pki init}, which must be quiet as well. */
    @BeforeAll
    static void generateAPki() throws Exception {
        jar = PackagedJar.path();
        pki = dir.resolve("pki");
        var run = lexbridge("pki", "init", "--dir", pki.toString(), "--party", "at-prosecutor,de-court",
                "--password=" + PASSWORD);
        assertQuiet(run);
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("root CA certificate:").contains(pki.resolve("truststore.p12").toString());
    }

    @Test
    void helpIsQuiet() throws Exception {
        var run = lexbridge("--help");
        assertQuiet(run);
        assertThat(run.out()).contains("Usage: lexbridge").contains("demo");
    }

    @Test
    void evidenceVerifyIsQuiet() throws Exception {
        Path evidence = dir.resolve("delivery.xml");
        Files.write(evidence, new EvidenceSealer(key("de-court/seal.p12", TestPki.SEAL_ALIAS), ReferenceDigest.SHA1,
                Clock.systemUTC()).seal(deliveryEvidence()));

        var run = lexbridge("evidence", "verify", evidence.toString(), "--trust", pki.resolve("ca.crt").toString());

        assertQuiet(run);
        assertThat(run.out()).contains("integrity    INTACT").contains("revocation   GOOD").contains("result       VALID");
        assertThat(run.exit()).isZero();
    }

    @Test
    void containerVerifyIsQuiet() throws Exception {
        Path container = dir.resolve("epoc.asics");
        new EcodexContainerBuilder(key("at-prosecutor/container.p12", TestPki.CONTAINER_ALIAS), Clock.systemUTC())
                .build(new ContainerContent(ContainerPart.ofBytes("epoc.pdf", "application/pdf", samplePdf()), null,
                                List.of()),
                        (document, now) -> TrustOkToken.authenticationBased("LexBridge", "AT", document,
                                new TrustOkToken.Authentication("test", "clerk", Instant.now()), now),
                        container);

        // without revocation checking DSS warns "No revocation found" for each certificate
        var run = lexbridge("container", "verify", container.toString(), "--trust", pki.resolve("ca.crt").toString(),
                "--revocation", "OFF");

        assertQuiet(run);
        assertThat(run.out()).contains("integrity    INTACT").contains("revocation   NOT_CHECKED")
                .contains("result       VALID");
        assertThat(run.exit()).isZero();
    }

    /** PDFBox warns of the font it substitutes for the sample's Helvetica, DSS of certificates without revocation. */
    @Test
    void documentVerifyIsQuietWithACertificateAndWithTheTrustedLists() throws Exception {
        Path pdf = sealedPdf("epoc-sealed.pdf");

        var byCertificate = lexbridge("document", "verify", pdf.toString(), "--trust",
                pki.resolve("ca.crt").toString());
        var byLists = lexbridge("document", "verify", pdf.toString(), "--trust",
                pki.resolve("tl").resolve("lotl.xml").toString(), "--list-signer",
                pki.resolve("tl").resolve("lotl-signer.crt").toString());

        assertQuiet(byCertificate);
        assertThat(byCertificate.out()).contains("integrity  INTACT").contains("result       VALID");
        assertThat(byCertificate.exit()).isZero();
        assertQuiet(byLists);
        assertThat(byLists.out()).contains("LOADED").contains("qualified  QUALIFIED (QESeal)");
        assertThat(byLists.exit()).isZero();
    }

    /** PDFBox reads the sample's fonts while DSS seals it: nothing of that shows either. */
    @Test
    void documentSignIsQuietAndWhatItSealsIsQualified() throws Exception {
        Path pdf = Files.write(dir.resolve("epoc-to-seal.pdf"), samplePdf());
        Path sealed = dir.resolve("epoc-sealed-by-hand.pdf");

        var sign = lexbridge("document", "sign", pdf.toString(), "--party", "de-court", "--pki", pki.toString(),
                "--password=" + PASSWORD, "--out", sealed.toString());
        var verify = lexbridge("document", "verify", sealed.toString(), "--trust",
                pki.resolve("tl").resolve("lotl.xml").toString(), "--list-signer",
                pki.resolve("tl").resolve("lotl-signer.crt").toString());

        assertQuiet(sign);
        assertThat(sign.out()).contains("(PAdES-BASELINE-B)").contains("qualified document seal of de-court");
        assertThat(sign.exit()).isZero();
        assertQuiet(verify);
        assertThat(verify.out()).contains("qualified  QUALIFIED (QESeal)").contains("result       VALID");
        assertThat(verify.exit()).isZero();
    }

    /**
     * The check above is not blind: with the libraries' logging let through, the same command is caught. (DEBUG, not
     * WARN: whether a library warns depends on the machine, e.g. PDFBox on the fonts installed.)
     */
    @Test
    void aCommandWithLibraryWarningsLetThroughIsCaught() throws Exception {
        Path pdf = sealedPdf("epoc-sealed-again.pdf");
        Path verbose = Files.writeString(dir.resolve("logback-debug.xml"), """
                <configuration>
                  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%level %logger: %msg%n</pattern></encoder>
                  </appender>
                  <root level="DEBUG"><appender-ref ref="out"/></root>
                </configuration>""");

        var run = lexbridge(List.of("-Dlogback.configurationFile=" + verbose), "document", "verify", pdf.toString(),
                "--trust", pki.resolve("ca.crt").toString());

        assertThat(noise(run)).isNotEmpty();
        assertThat(run.out()).contains("result       VALID");
    }

    private static void assertQuiet(Run run) {
        assertThat(noise(run)).as("log lines or logging notices printed by `lexbridge %s`", run.command()).isEmpty();
        assertThat(run.err()).as("stderr of `lexbridge %s`", run.command()).isEmpty();
    }

    private static List<String> noise(Run run) {
        return (run.out() + run.err()).lines().filter(line -> NOISE.matcher(line).find()).toList();
    }

    /** One {@code ./lexbridge} command, as the {@code lexbridge} script runs it, with stdout and stderr apart. */
    record Run(String command, int exit, String out, String err) {
    }

    private static Run lexbridge(String... args) throws Exception {
        return lexbridge(List.of(), args);
    }

    private static Run lexbridge(List<String> javaOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ScriptJvm.options(args[0]));
        command.addAll(javaOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        String name = UUID.randomUUID().toString();
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("lexbridge " + String.join(" ", args) + " did not end within 120 s");
        }
        return new Run(String.join(" ", args), process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static SealKey key(String keyStore, String alias) {
        return SealKey.fromKeyStore(KeyStores.loadPkcs12(pki.resolve(keyStore), PASSWORD.toCharArray()), alias,
                PASSWORD.toCharArray());
    }

    private static byte[] deliveryEvidence() {
        Party at = new Party("at-prosecutor", "urn:oasis:names:tc:ebcore:partyid-type:unregistered", "GW");
        Party de = new Party("de-court", "urn:oasis:names:tc:ebcore:partyid-type:unregistered", "GW");
        var message = ConnectorMessage.builder().direction(Direction.INBOUND).ebmsMessageId("m-1@at.test")
                .conversationId("c").service(new BusinessService("EEvidence", "")).action("EPOC").from(at).to(de)
                .originalSender("AT/x").finalRecipient("DE/y").createdAt(Instant.now()).build();
        return new RemEvidenceFactory("de-court", "de-court", ZoneOffset.UTC)
                .create(EvidenceType.DELIVERY, UUID.randomUUID(), message, Instant.now(), null);
    }

    /** The demo's EPOC with the qualified document seal of at-prosecutor (PAdES-B). */
    private static Path sealedPdf(String name) throws IOException {
        return Files.write(dir.resolve(name), new PdfSealer(key("at-prosecutor/document-seal.p12",
                TestPki.DOCUMENT_SEAL_ALIAS), Clock.systemUTC()).seal(samplePdf(), "epoc.pdf"));
    }

    /** The demo's EPOC: its Helvetica is not embedded, so PDFBox substitutes a font (and says so at WARN). */
    private static byte[] samplePdf() throws IOException {
        try (InputStream in = QuietCommandsIT.class.getResourceAsStream("/demo/epoc-sample.pdf")) {
            return in.readAllBytes();
        }
    }
}
