package eu.lexbridge.core.message;

import static eu.lexbridge.core.message.MessageState.*;
import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.evidence.EvidenceType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MessageStateMachineTest {

    @Test
    void outboundHappyPathIsLegalStepByStep() {
        var path = new MessageState[] {SUBMITTED, ACCEPTED, SENT, RELAYED, DELIVERED, RETRIEVED};
        for (int i = 1; i < path.length; i++) {
            assertThat(MessageStateMachine.isLegal(path[i - 1], path[i])).as(path[i - 1] + " -> " + path[i]).isTrue();
        }
    }

    @Test
    void inboundHappyPathIsLegalStepByStep() {
        assertThat(MessageStateMachine.isLegal(RECEIVED, AVAILABLE_TO_BACKEND)).isTrue();
        assertThat(MessageStateMachine.isLegal(AVAILABLE_TO_BACKEND, DELIVERED_TO_BACKEND)).isTrue();
        assertThat(MessageStateMachine.isLegal(DELIVERED_TO_BACKEND, RETRIEVED_BY_BACKEND)).isTrue();
    }

    @Test
    void anEvidenceMayOvertakeTheReceipt() {
        // RELAY_REMMD_ACCEPTANCE can be processed before the dispatch route has recorded SENT
        assertThat(MessageStateMachine.isLegal(ACCEPTED, RELAYED)).isTrue();
        assertThat(MessageStateMachine.isLegal(RELAYED, SENT)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = MessageState.class, names = {"REJECTED", "NOT_DELIVERED", "NOT_RETRIEVED",
            "RETRIEVED", "RETRIEVED_BY_BACKEND", "NOT_DELIVERED_TO_BACKEND"})
    void terminalStatesHaveNoWayOut(MessageState terminal) {
        assertThat(terminal.isTerminal()).isTrue();
        assertThat(MessageStateMachine.next(terminal)).isEmpty();
    }

    @Test
    void aFailedSendsOnlyWayOutIsAnOperatorsResend() {
        assertThat(RELAY_FAILED.isTerminal()).isTrue();
        assertThat(MessageStateMachine.next(RELAY_FAILED)).containsExactly(ACCEPTED);
    }

    @Test
    void aPositiveEvidenceNeverOverridesANegativeTerminal() {
        for (EvidenceType positive : EvidenceType.values()) {
            if (!positive.isPositive()) {
                continue;
            }
            for (EvidenceType negative : EvidenceType.values()) {
                if (negative.isPositive() || positive == EvidenceType.SUBMISSION_ACCEPTANCE
                        && negative.outboundState() == RELAY_FAILED) {
                    // ACCEPTED after RELAY_FAILED is the operator's resend; SUBMISSION_ACCEPTANCE itself is issued
                    // once, while the message is SUBMITTED, before any send could fail
                    continue;
                }
                assertThat(MessageStateMachine.isLegal(negative.outboundState(), positive.outboundState()))
                        .as(positive + " after " + negative).isFalse();
            }
        }
    }

    @Test
    void noStateGoesBackOrCrossesDirection() {
        for (MessageState from : MessageState.values()) {
            for (MessageState to : MessageStateMachine.next(from)) {
                assertThat(to.direction()).as(from + " -> " + to).isEqualTo(from.direction());
                if (from == RELAY_FAILED && to == ACCEPTED) {
                    continue; // the one way back: an operator's resend (aFailedSendsOnlyWayOutIsAnOperatorsResend)
                }
                assertThat(to.ordinal()).as(from + " -> " + to).isGreaterThan(from.ordinal());
            }
        }
    }

    @Test
    void everyNonTerminalStateCanMoveOn() {
        Arrays.stream(MessageState.values()).filter(s -> !s.isTerminal())
                .forEach(s -> assertThat(MessageStateMachine.next(s)).as(s.name()).isNotEmpty());
    }
}
