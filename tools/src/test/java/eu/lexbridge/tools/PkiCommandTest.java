package eu.lexbridge.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PkiCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesATestPkiWithAKeyPerPurpose() {
        int exit = new CommandLine(new LexbridgeCommand()).execute("pki", "init", "--dir", dir.toString(),
                "--party", "at-prosecutor,de-court", "--password=test-only");

        assertThat(exit).isZero();
        assertThat(dir.resolve("truststore.p12")).exists();
        assertThat(dir.resolve("crl").resolve("issuing.crl")).exists();
        assertThat(dir.resolve("tl").resolve("lotl.xml")).exists();
        assertThat(dir.resolve("tl").resolve("XX-tl.xml")).exists();
        assertThat(dir.resolve("revoked").resolve("document-signer.p12")).exists();
        for (String party : new String[] {"at-prosecutor", "de-court"}) {
            assertThat(dir.resolve(party)).isDirectoryContaining(p -> p.getFileName().toString().equals("as4.p12"))
                    .isDirectoryContaining(p -> p.getFileName().toString().equals("tls.p12"))
                    .isDirectoryContaining(p -> p.getFileName().toString().equals("seal.p12"))
                    .isDirectoryContaining(p -> p.getFileName().toString().equals("container.p12"))
                    .isDirectoryContaining(p -> p.getFileName().toString().equals("document-seal.p12"));
        }
    }

    @Test
    void aBadPartyNameIsUnusableInputAndWritesNothing() throws Exception {
        int exit = new CommandLine(new LexbridgeCommand()).execute("pki", "init", "--dir", dir.toString(),
                "--party", "../escape", "--password=test-only");

        assertThat(exit).isEqualTo(2);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
