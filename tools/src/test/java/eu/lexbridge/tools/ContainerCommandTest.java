package eu.lexbridge.tools;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.trust.container.ContainerContent;
import eu.lexbridge.trust.container.ContainerPart;
import eu.lexbridge.trust.container.EcodexContainerBuilder;
import eu.lexbridge.trust.container.TrustOkToken;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.pki.AlteredDocuments;
import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.SharedTestPki;
import eu.lexbridge.trust.pki.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `lexbridge container verify`: exit codes and what it prints. */
class ContainerCommandTest {

    private static final char[] PASSWORD = "test-only".toCharArray();

    @TempDir
    static Path dir;

    static GeneratedPki pki;
    static Path container;

    @BeforeAll
    static void buildOne() {
        pki = SharedTestPki.copyTo(dir.resolve("pki"), List.of("at-prosecutor"), PASSWORD);
        SealKey key = SealKey.fromKeyStore(KeyStores.loadPkcs12(pki.parties().get("at-prosecutor").sealKeyStore(),
                PASSWORD), TestPki.SEAL_ALIAS, PASSWORD);
        container = dir.resolve("epoc.asics");
        new EcodexContainerBuilder(key, Clock.systemUTC()).build(new ContainerContent(
                        ContainerPart.ofBytes("epoc.pdf", "application/pdf", "%PDF-1.4 demo".getBytes()), null,
                        List.of(ContainerPart.ofBytes("annex.txt", "text/plain", "annex".getBytes()))),
                (document, now) -> TrustOkToken.authenticationBased("LexBridge", "AT", document,
                        new TrustOkToken.Authentication("test", "clerk", Instant.now()), now),
                container);
    }

    @Test
    void aContainerFromATrustedSignerIsValidAndExtracts() {
        Path target = dir.resolve("extracted");
        var run = CliRun.of("container", "verify", container.toString(), "--trust", pki.caCertificate().toString(),
                "--extract", target.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("INTACT").contains("TRUSTED").contains("VALID");
        assertThat(target.resolve("epoc.pdf")).hasContent("%PDF-1.4 demo");
        assertThat(target.resolve("TrustOkToken.pdf")).exists();
    }

    /** The official connector writes mimetype last: read, valid, the deviation printed as a notice (issue 10). */
    @Test
    void theOfficialConnectorsLayoutIsValidWithANoticePrinted() throws Exception {
        Path official = dir.resolve("official.asics");
        Files.write(official, AlteredDocuments.officialConnectorLayout(Files.readAllBytes(container)));

        var run = CliRun.of("container", "verify", official.toString(), "--trust", pki.caCertificate().toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("result       VALID").contains("notice       MIMETYPE_NOT_FIRST");
    }

    @Test
    void withoutTrustItIsIntactButNotValid() {
        var run = CliRun.of("container", "verify", container.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("integrity    INTACT").contains("NOT TRUSTED");
    }

    @Test
    void aPathTraversalZipIsRefusedAsUnusableInput() throws Exception {
        Path evil = dir.resolve("evil.asics");
        try (var zip = new ZipOutputStream(Files.newOutputStream(evil))) {
            zip.putNextEntry(new ZipEntry("../../etc/cron.d/evil"));
            zip.write("x".getBytes());
            zip.closeEntry();
        }
        assertThat(CliRun.of("container", "verify", evil.toString()).exit()).isEqualTo(2);
        assertThat(CliRun.of("container", "verify", dir.resolve("missing.asics").toString()).exit()).isEqualTo(2);
    }
}
