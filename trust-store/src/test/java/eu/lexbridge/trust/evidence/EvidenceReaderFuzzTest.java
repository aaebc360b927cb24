package eu.lexbridge.trust.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.message.ConnectorMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of the evidence reader and verifier (issue 8, Deliver 8). Every input either reads, or is
 * refused with {@link UnreadableEvidenceException}; any other exception, an endless loop or an OutOfMemoryError is a
 * finding. And the seal is the oracle: an input the verifier calls intact and trusted must say exactly what the
 * sealed original says, since anything else would be content outside the seal (signature wrapping).
 *
 * <p>The test command runs it for a bounded time ({@code fuzz} execution in the parent pom); a longer run:
 * {@code JAZZER_FUZZ=1 ./mvnw -pl trust-store -am test -Dtest=EvidenceReaderFuzzTest -Djazzer.max_duration=10m
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class EvidenceReaderFuzzTest {

    private static EvidenceVerifier verifier;
    private static RemEvidenceReader reader;
    private static byte[] sealed;
    private static EvidenceVerification original;

    @BeforeAll
    static void sealOneEvidence() throws Exception {
        Path dir = Files.createTempDirectory("evidence-fuzz");
        SealingPki pki = SealingPki.generate(dir, "at-prosecutor");
        ConnectorMessage subject = TestMessages.outbound().build();
        byte[] unsealed = Evidences.FACTORY.create(EvidenceType.RELAY_REMMD_ACCEPTANCE, UUID.randomUUID(), subject,
                Instant.now(), null);
        sealed = new EvidenceSealer(pki.sealKey("at-prosecutor"), ReferenceDigest.SHA256, Clock.systemUTC())
                .seal(unsealed);
        verifier = EvidenceVerifier.trusting(pki.trustStore(), Clock.systemUTC());
        reader = new RemEvidenceReader();
        original = verifier.verify(sealed);
        assertThat(original.acceptable()).as("the seed evidence verifies").isTrue();
    }

    @FuzzTest(maxDuration = "20s")
    void readAndVerify(FuzzedDataProvider data) {
        byte[] input = FuzzedDocuments.spliceOrRaw(data, sealed);
        try {
            reader.read(input);
        } catch (UnreadableEvidenceException refused) {
            // a clear refusal is a right answer
        }
        EvidenceVerification result;
        try {
            result = verifier.verify(input);
        } catch (UnreadableEvidenceException refused) {
            return;
        }
        if (result.intact() && result.trusted()) {
            assertThat(result.type()).isEqualTo(original.type());
            assertThat(result.evidenceId()).isEqualTo(original.evidenceId());
            assertThat(result.remmdMessageIdentifier()).isEqualTo(original.remmdMessageIdentifier());
            assertThat(result.uaMessageIdentifier()).isEqualTo(original.uaMessageIdentifier());
        }
    }
}
