package eu.lexbridge.trust.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.trust.signature.SignatureFinding;
import org.junit.jupiter.api.Test;

class EvidenceProblemTest {

    /** Every published evidence code is a finding of the block under the same name, and takes away its verdict. */
    @Test
    void everyEvidenceCodeIsAFindingOfTheBlock() {
        for (EvidenceProblem.Code code : EvidenceProblem.Code.values()) {
            SignatureFinding finding = new SignatureFinding(SignatureFinding.Code.valueOf(code.name()), "sentence");
            assertThat(EvidenceProblem.of(finding)).isEqualTo(new EvidenceProblem(code, "sentence"));
        }
        assertThat(EvidenceProblem.Code.SIGNATURE_BROKEN.aspect()).isEqualTo(SignatureFinding.Aspect.INTEGRITY);
        assertThat(EvidenceProblem.Code.SIGNER_REVOKED.aspect()).isEqualTo(SignatureFinding.Aspect.TRUST);
        assertThat(EvidenceProblem.Code.WEAK_ALGORITHM.aspect()).isEqualTo(SignatureFinding.Aspect.NOTICE);
    }

    @Test
    void aFindingNoEvidenceCheckMakesIsNoEvidenceProblem() {
        assertThatThrownBy(() -> EvidenceProblem.of(new SignatureFinding(
                SignatureFinding.Code.NOT_COVERING_SIGNED_OBJECT, "a container's finding")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
