package eu.lexbridge.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.MessageStateMachine;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EvidenceValuesTest {

    /** The texts the timeline and the official connector's back-ends read are today's, code first. */
    @Test
    void rejectionReasonsBuildTodaysTexts() {
        assertThat(RejectionReason.OTHER.because("the container could not be built").text()).isEqualTo(
                "E100 the container could not be built");
        assertThat(RejectionReason.GW_REJECTION.because("").text()).isEqualTo("E201 ");
        assertThat(RejectionReason.UNREACHABLE.because("").text()).isEqualTo("E404 ");
        assertThat(RejectionReason.BACKEND_REJECTION.because("no").text()).isEqualTo("E200 no");
        assertThat(RejectionReason.RELAY_REMMD_TIMEOUT.named("no evidence within PT1H").text())
                .isEqualTo("E301 RELAY_REMMD_TIMEOUT: no evidence within PT1H");
        assertThat(RejectionReason.DELIVERY_EVIDENCE_TIMEOUT.named("x").text())
                .isEqualTo("E300 DELIVERY_EVIDENCE_TIMEOUT: x");
        assertThat(RejectionReason.RETRIEVAL_EVIDENCE_TIMEOUT.named("x").text())
                .isEqualTo("E302 RETRIEVAL_EVIDENCE_TIMEOUT: x");
        assertThat(Arrays.stream(RejectionReason.values()).map(RejectionReason::code))
                .containsExactly("E100", "E200", "E201", "E300", "E301", "E302", "E404");
        assertThat(RejectionReason.values()).allSatisfy(r -> assertThat(r.text()).isNotBlank());
    }

    /** The code and the detail stay apart, so the evidence factory writes them without reading text back. */
    @Test
    void aReasonKeepsItsCodeApartFromItsDetail() {
        assertThat(RejectionReason.GW_REJECTION.because("the partner said no"))
                .isEqualTo(new Reason(RejectionReason.GW_REJECTION, "the partner said no"));
        assertThat(RejectionReason.RELAY_REMMD_TIMEOUT.named("no evidence within PT1H"))
                .isEqualTo(new Reason(RejectionReason.RELAY_REMMD_TIMEOUT,
                        "RELAY_REMMD_TIMEOUT: no evidence within PT1H"));
        assertThat(RejectionReason.GW_REJECTION.because(null))
                .isEqualTo(new Reason(RejectionReason.GW_REJECTION, ""));
    }

    @Test
    void eachConfirmationIssuesItsEvidenceAndReachesItsState() {
        assertThat(BackendConfirmation.values())
                .extracting(BackendConfirmation::evidence, BackendConfirmation::reaches)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(EvidenceType.DELIVERY, MessageState.DELIVERED_TO_BACKEND),
                        org.assertj.core.groups.Tuple.tuple(EvidenceType.NON_DELIVERY,
                                MessageState.NOT_DELIVERED_TO_BACKEND),
                        org.assertj.core.groups.Tuple.tuple(EvidenceType.RETRIEVAL, MessageState.RETRIEVED_BY_BACKEND),
                        org.assertj.core.groups.Tuple.tuple(EvidenceType.NON_RETRIEVAL, null));
    }

    @Test
    void whichStatesEachConfirmationMayFollow() {
        assertThat(Arrays.stream(MessageState.values()).filter(BackendConfirmation.DELIVERY::mayFollow))
                .containsExactly(MessageState.AVAILABLE_TO_BACKEND, MessageState.DELIVERED_TO_BACKEND);
        assertThat(Arrays.stream(MessageState.values()).filter(BackendConfirmation.NON_DELIVERY::mayFollow))
                .containsExactly(MessageState.AVAILABLE_TO_BACKEND, MessageState.NOT_DELIVERED_TO_BACKEND);
        assertThat(Arrays.stream(MessageState.values()).filter(BackendConfirmation.RETRIEVAL::mayFollow))
                .containsExactly(MessageState.DELIVERED_TO_BACKEND, MessageState.RETRIEVED_BY_BACKEND);
        assertThat(Arrays.stream(MessageState.values()).filter(BackendConfirmation.NON_RETRIEVAL::mayFollow))
                .containsExactly(MessageState.DELIVERED_TO_BACKEND);
    }

    /** Where a confirmation may come, the state it reaches is one the state machine allows (or the one it is in). */
    @ParameterizedTest
    @EnumSource(BackendConfirmation.class)
    void aConfirmationReachesOnlyStatesTheStateMachineAllows(BackendConfirmation confirmation) {
        for (MessageState state : MessageState.values()) {
            if (confirmation.mayFollow(state) && confirmation.reaches() != null && confirmation.reaches() != state) {
                assertThat(MessageStateMachine.isLegal(state, confirmation.reaches())).as(state + " -> "
                        + confirmation.reaches()).isTrue();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(BackendConfirmation.class)
    void theOppositeConfirmationIsTheOtherOfItsPair(BackendConfirmation confirmation) {
        assertThat(confirmation.opposite().opposite()).isEqualTo(confirmation);
        assertThat(confirmation.opposite().evidence().as4Action()).isEqualTo(confirmation.evidence().as4Action());
        assertThat(confirmation.opposite().evidence().isPositive()).isNotEqualTo(confirmation.evidence().isPositive());
    }
}
