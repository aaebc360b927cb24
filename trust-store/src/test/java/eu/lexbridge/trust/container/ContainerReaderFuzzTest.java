package eu.lexbridge.trust.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import eu.lexbridge.trust.evidence.FuzzedDocuments;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of the e-CODEX container reader (issue 8, Deliver 8): every input is verified or refused
 * with {@link ContainerRejectedException}, in bounded time and memory; an input called intact and trusted names the
 * signed object of the sealed original. A longer run: {@code JAZZER_FUZZ=1 ./mvnw -pl trust-store -am test
 * -Dtest=ContainerReaderFuzzTest -Djazzer.max_duration=10m -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ContainerReaderFuzzTest {

    private static EcodexContainerReader reader;
    private static byte[] sealed;
    private static ContainerVerification original;

    @BeforeAll
    static void sealOneContainer() throws Exception {
        Path dir = Files.createTempDirectory("container-fuzz");
        ContainerPki pki = ContainerPki.generate(dir, "at-prosecutor");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new EcodexContainerBuilder(pki.containerKey("at-prosecutor"), Clock.systemUTC()).build(new ContainerContent(
                ContainerPart.ofBytes("mainDocument.pdf", "application/pdf", "%PDF-1.4 small".getBytes()),
                null, List.of(ContainerPart.ofBytes("annex.xml", "application/xml", "<a/>".getBytes()))),
                Payloads.authenticationBased(), out);
        sealed = out.toByteArray();
        reader = new EcodexContainerReader(List.of(pki.ca()), Clock.systemUTC());
        original = reader.verify(new ByteArrayInputStream(sealed));
        assertThat(original.valid()).as("the seed container verifies").isTrue();
    }

    @FuzzTest(maxDuration = "20s")
    void verify(FuzzedDataProvider data) {
        byte[] input = FuzzedDocuments.spliceOrRaw(data, sealed);
        ContainerVerification result;
        try {
            result = reader.verify(new ByteArrayInputStream(input));
        } catch (ContainerRejectedException refused) {
            return;
        }
        if (result.valid()) {
            assertThat(result.signedObject()).isEqualTo(original.signedObject());
        }
    }
}
