package eu.lexbridge.bench;

import eu.lexbridge.trust.container.ContainerContent;
import eu.lexbridge.trust.container.ContainerPart;
import eu.lexbridge.trust.container.ContainerVerification;
import eu.lexbridge.trust.container.EcodexContainerBuilder;
import eu.lexbridge.trust.container.EcodexContainerReader;
import eu.lexbridge.trust.container.TrustOkToken;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.TestPki;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
 * Building and opening the e-CODEX container (ASiC-S with XAdES-B over SignedContent.zip), streamed, for a business
 * document of 1 MB and 100 MB of incompressible bytes. Copying the document once is the baseline: the container cannot
 * be cheaper than reading its input.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = "-Xmx256m")
public class ContainerBenchmark {

    private static final char[] PASSWORD = "bench-only".toCharArray();

    @Param({"1", "100"})
    public int megabytes;

    private Path dir;
    private Path document;
    private Path container;
    private EcodexContainerBuilder builder;
    private EcodexContainerReader reader;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("lexbridge-bench-container");
        GeneratedPki pki = TestPki.generate(dir.resolve("pki"), List.of("at-prosecutor"), PASSWORD);
        SealKey key = SealKey.fromKeyStore(KeyStores.loadPkcs12(pki.parties().get("at-prosecutor").sealKeyStore(),
                PASSWORD), TestPki.SEAL_ALIAS, PASSWORD);
        document = dir.resolve("document.pdf");
        byte[] block = new byte[1024 * 1024];
        Random random = new Random(42);
        try (OutputStream out = Files.newOutputStream(document)) {
            for (int i = 0; i < megabytes; i++) {
                random.nextBytes(block);
                out.write(block);
            }
        }
        builder = new EcodexContainerBuilder(key, Clock.systemUTC());
        X509Certificate ca = KeyStores.readCertificate(pki.caCertificate());
        reader = new EcodexContainerReader(List.of(ca), Clock.systemUTC());
        container = dir.resolve("container.asics");
        build();
    }

    @Benchmark
    public long copyDocumentBaseline() throws Exception {
        Path copy = dir.resolve("copy.bin");
        Files.deleteIfExists(copy);
        Files.copy(document, copy);
        return Files.size(copy);
    }

    @Benchmark
    public Object build() {
        try {
            Files.deleteIfExists(container);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return builder.build(new ContainerContent(ContainerPart.ofPath("document.pdf", "application/pdf", document),
                        null, List.of()),
                (doc, now) -> TrustOkToken.authenticationBased("LexBridge bench", "AT", doc,
                        new TrustOkToken.Authentication("bench", "clerk", Instant.now()), now), container);
    }

    @Benchmark
    public ContainerVerification openAndVerify() throws Exception {
        try (InputStream in = Files.newInputStream(container)) {
            ContainerVerification verification = reader.verify(in);
            if (!verification.valid()) {
                throw new IllegalStateException("the benchmark's container does not verify: "
                        + verification.problems());
            }
            return verification;
        }
    }
}
