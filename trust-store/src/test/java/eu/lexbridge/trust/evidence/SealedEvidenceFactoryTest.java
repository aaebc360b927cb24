package eu.lexbridge.trust.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.evidence.RejectionReason;
import eu.lexbridge.core.port.EvidenceFactory;
import eu.lexbridge.trust.port.SealedEvidenceFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealedEvidenceFactoryTest {

    @Test
    void writesAndSealsInOneCall(@TempDir Path dir) {
        SealingPki pki = SealingPki.generate(dir, "de-court");
        EvidenceFactory factory = new SealedEvidenceFactory(Evidences.FACTORY,
                new EvidenceSealer(pki.sealKey("de-court"), ReferenceDigest.SHA1, Clock.systemUTC()));
        UUID evidenceId = UUID.randomUUID();

        byte[] sealed = factory.create(EvidenceType.NON_DELIVERY, evidenceId, TestMessages.outbound().build(),
                Instant.now(), RejectionReason.DELIVERY_EVIDENCE_TIMEOUT.because(
                        "no delivery evidence within 24 hours"));

        RemEvidenceSummary summary = new RemEvidenceReader().read(sealed);
        assertThat(summary.signed()).isTrue();
        assertThat(summary.evidenceId()).isEqualTo(evidenceId.toString());
        assertThat(Evidences.text(sealed)).contains("<Code>E300</Code>");
        EvidenceVerification verification = EvidenceVerifier.trusting(pki.trustStore(), Clock.systemUTC())
                .verify(sealed, pki.sealCertificate("de-court"));
        assertThat(verification.acceptable()).as(verification.problems().toString()).isTrue();
        assertThat(verification.type()).isEqualTo(EvidenceType.NON_DELIVERY);
    }
}
