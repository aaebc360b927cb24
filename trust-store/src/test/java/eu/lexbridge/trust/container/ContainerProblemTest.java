package eu.lexbridge.trust.container;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.trust.signature.SignatureFinding;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContainerProblemTest {

    /**
     * The container's published codes are findings of the block under the same name; those that withdraw integrity
     * or trust do so for the container's verdicts as for the block's.
     */
    @Test
    void everyContainerCodeIsAFindingWithTheAspectItsVerdictsGiveIt() {
        Set<ContainerProblem.Code> notices = EnumSet.of(ContainerProblem.Code.SIGNER_EXPIRED,
                ContainerProblem.Code.REVOCATION_UNKNOWN);
        Set<ContainerProblem.Code> integrity = EnumSet.of(ContainerProblem.Code.SIGNATURE_UNREADABLE,
                ContainerProblem.Code.NOT_COVERING_SIGNED_OBJECT, ContainerProblem.Code.SIGNATURE_BROKEN);
        for (ContainerProblem.Code code : ContainerProblem.Code.values()) {
            SignatureFinding finding = new SignatureFinding(SignatureFinding.Code.valueOf(code.name()), "sentence");
            assertThat(ContainerProblem.of(finding)).isEqualTo(new ContainerProblem(code, "sentence"));
            assertThat(finding.aspect()).as(code.name()).isEqualTo(notices.contains(code)
                    ? SignatureFinding.Aspect.NOTICE : integrity.contains(code) ? SignatureFinding.Aspect.INTEGRITY
                    : SignatureFinding.Aspect.TRUST);
        }
    }
}
