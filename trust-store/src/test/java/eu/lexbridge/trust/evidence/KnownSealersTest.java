package eu.lexbridge.trust.evidence;

import static eu.lexbridge.trust.evidence.EvidenceProblem.Code.SIGNATURE_BROKEN;
import static eu.lexbridge.trust.evidence.EvidenceProblem.Code.SIGNER_NOT_EXPECTED;
import static eu.lexbridge.trust.evidence.EvidenceProblem.Code.WEAK_ALGORITHM;
import static eu.lexbridge.trust.evidence.Evidences.bytes;
import static eu.lexbridge.trust.evidence.Evidences.text;
import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.testkit.TickingClock;
import eu.lexbridge.trust.signature.RevocationSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partner's seals after the first one verified in full: checked by their cryptography alone while nothing differs,
 * and by DSS in full as soon as anything does, so that every refusal is DSS's.
 */
class KnownSealersTest {

    @TempDir
    static Path dir;

    private static SealingPki pki;
    private static EvidenceSealer atSealer;
    private static EvidenceSealer deSealer;

    private final TickingClock clock = new TickingClock(Instant.now());
    private EvidenceVerifier verifier;

    @BeforeAll
    static void generate() {
        pki = SealingPki.generate(dir, "at-prosecutor", "de-court");
        atSealer = new EvidenceSealer(pki.sealKey("at-prosecutor"), ReferenceDigest.SHA1, Clock.systemUTC());
        deSealer = new EvidenceSealer(pki.sealKey("de-court"), ReferenceDigest.SHA1, Clock.systemUTC());
    }

    private EvidenceVerifier verifier() {
        return new EvidenceVerifier(eu.lexbridge.trust.keys.KeyStores.certificates(pki.trustStore()),
                RevocationSettings.OFF, clock);
    }

    @Test
    void theSecondSealOfASignerIsCheckedByItsCryptographyWithTheSameVerdict() {
        verifier = verifier();
        var first = verifier.verify(atSealer.seal(Evidences.unsealed(EvidenceType.SUBMISSION_ACCEPTANCE)),
                pki.sealCertificate("at-prosecutor"));
        assertThat(first.acceptable()).isTrue();
        assertThat(verifier.quickChecks()).isZero();

        byte[] second = atSealer.seal(Evidences.unsealed(EvidenceType.DELIVERY));
        var quick = verifier.verify(second, pki.sealCertificate("at-prosecutor"));

        assertThat(verifier.quickChecks()).isEqualTo(1);
        var full = verifier().verify(second, pki.sealCertificate("at-prosecutor"));
        assertThat(quick).usingRecursiveComparison().isEqualTo(full);
        assertThat(quick.type()).isEqualTo(EvidenceType.DELIVERY);
        assertThat(quick.problems()).extracting(EvidenceProblem::code).containsOnly(WEAK_ALGORITHM);
    }

    @Test
    void aChangedEvidenceOfAKnownSignerGoesToDssAndIsRefusedAsBroken() {
        verifier = verifier();
        verifier.verify(atSealer.seal(Evidences.unsealed(EvidenceType.SUBMISSION_ACCEPTANCE)));
        String sealed = text(atSealer.seal(Evidences.unsealed(EvidenceType.RELAY_REMMD_ACCEPTANCE)));
        String tampered = sealed.replace("<UAMessageIdentifier>AT-2025-000017<",
                "<UAMessageIdentifier>AT-2025-000018<");
        assertThat(tampered).isNotEqualTo(sealed);

        var result = verifier.verify(bytes(tampered));

        assertThat(verifier.quickChecks()).isZero();
        assertThat(result.intact()).isFalse();
        assertThat(result.has(SIGNATURE_BROKEN)).isTrue();
        assertThat(result.dssIndication()).isNotNull();
    }

    @Test
    void anotherSignerAnotherExpectedPartnerOrAnOldVerdictGoesToDss() {
        verifier = verifier();
        verifier.verify(atSealer.seal(Evidences.unsealed(EvidenceType.SUBMISSION_ACCEPTANCE)),
                pki.sealCertificate("at-prosecutor"));

        assertThat(verifier.verify(deSealer.seal(Evidences.unsealed(EvidenceType.DELIVERY)),
                pki.sealCertificate("de-court")).acceptable()).isTrue();
        var notExpected = verifier.verify(atSealer.seal(Evidences.unsealed(EvidenceType.DELIVERY)),
                pki.sealCertificate("de-court"));
        assertThat(notExpected.has(SIGNER_NOT_EXPECTED)).isTrue();
        assertThat(verifier.quickChecks()).as("a signer, or a pinned partner, not seen before").isZero();

        clock.advance(KnownSealers.KEPT);
        assertThat(verifier.verify(atSealer.seal(Evidences.unsealed(EvidenceType.DELIVERY)),
                pki.sealCertificate("at-prosecutor")).acceptable()).isTrue();
        assertThat(verifier.quickChecks()).as("what DSS found is kept five minutes").isZero();
        assertThat(verifier.verify(atSealer.seal(Evidences.unsealed(EvidenceType.RETRIEVAL)),
                pki.sealCertificate("at-prosecutor")).acceptable()).isTrue();
        assertThat(verifier.quickChecks()).isEqualTo(1);
    }

    @Test
    void aSealWithAnotherLayoutGoesToDss() {
        verifier = verifier();
        verifier.verify(atSealer.seal(Evidences.unsealed(EvidenceType.SUBMISSION_ACCEPTANCE)));
        EvidenceSealer sha256 = new EvidenceSealer(pki.sealKey("at-prosecutor"), ReferenceDigest.SHA256,
                Clock.systemUTC());

        var result = verifier.verify(sha256.seal(Evidences.unsealed(EvidenceType.DELIVERY)));

        assertThat(result.acceptable()).isTrue();
        assertThat(result.problems()).isEmpty();
        assertThat(verifier.quickChecks()).as("SHA-256 references where SHA-1 ones were seen").isZero();
    }
}
