package eu.lexbridge.trust.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.trust.signature.SignatureFinding;
import org.junit.jupiter.api.Test;

class EvidenceProblemTest {

    /** The evidence's published codes are findings of the block under the same name and with the same aspect. */
    @Test
    void everyEvidenceCodeIsAFindingWithTheSameAspect() {
        for (EvidenceProblem.Code code : EvidenceProblem.Code.values()) {
            SignatureFinding finding = new SignatureFinding(SignatureFinding.Code.valueOf(code.name()), "sentence");
            EvidenceProblem problem = EvidenceProblem.of(finding);
            assertThat(problem.code()).isEqualTo(code);
            assertThat(problem.detail()).isEqualTo("sentence");
            assertThat(code.aspect().name()).as(code.name()).isEqualTo(finding.aspect().name());
        }
    }

    @Test
    void aFindingNoEvidenceCheckMakesIsNoEvidenceProblem() {
        assertThatThrownBy(() -> EvidenceProblem.of(new SignatureFinding(
                SignatureFinding.Code.NOT_COVERING_SIGNED_OBJECT, "a container's finding")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
