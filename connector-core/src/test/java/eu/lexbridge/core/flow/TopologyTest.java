package eu.lexbridge.core.flow;

import static eu.lexbridge.core.flow.FlowFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.MessageKind;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.port.Hop;
import eu.lexbridge.core.testkit.SampleMessages;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The whole table, row by row: a change of the connector's way through its queues shows here first. */
class TopologyTest {

    @Test
    void theTable() {
        assertThat(Topology.values())
                .extracting(t -> t, Topology::next, Topology::direction, Topology::kind, Topology::state,
                        Topology::resumes)
                .containsExactly(
                        tuple(Topology.SUBMITTED, Hop.OUTBOUND_SUBMITTED,
                                Direction.OUTBOUND, MessageKind.BUSINESS, MessageState.SUBMITTED, true),
                        tuple(Topology.PREPARED, Hop.OUTBOUND_DISPATCH,
                                Direction.OUTBOUND, MessageKind.BUSINESS, MessageState.ACCEPTED, true),
                        tuple(Topology.EVIDENCE_ISSUED, Hop.EVIDENCE_OUTBOUND,
                                Direction.OUTBOUND, MessageKind.EVIDENCE, MessageState.ACCEPTED, true),
                        tuple(Topology.RECEIVED, Hop.INBOUND_RECEIVED,
                                Direction.INBOUND, null, MessageState.RECEIVED, true),
                        tuple(Topology.BUSINESS_RECEIVED, Hop.INBOUND_BUSINESS,
                                Direction.INBOUND, MessageKind.BUSINESS, MessageState.RECEIVED, false),
                        tuple(Topology.EVIDENCE_RECEIVED, Hop.EVIDENCE_INBOUND,
                                Direction.INBOUND, MessageKind.EVIDENCE, MessageState.RECEIVED, false),
                        tuple(Topology.TAKEN_IN, Hop.BACKEND_DELIVERY,
                                Direction.INBOUND, MessageKind.BUSINESS, MessageState.RECEIVED, false),
                        tuple(Topology.EVIDENCE_RECORDED, Hop.BACKEND_EVIDENCE,
                                Direction.OUTBOUND, MessageKind.BUSINESS, null, false));
    }

    /** No queue without a step that fills it: each hop follows exactly one outcome. */
    @Test
    void everyHopFollowsExactlyOneOutcome() {
        for (Hop hop : Hop.values()) {
            assertThat(Arrays.stream(Topology.values()).filter(t -> t.next() == hop)).as(hop.name()).hasSize(1);
        }
    }

    /** The rows that resume a resting message never compete: a message rests on one way only. */
    @Test
    void atMostOneRowResumesEachKindOfMessageInEachState() {
        for (MessageState state : MessageState.values()) {
            for (MessageKind kind : MessageKind.values()) {
                var message = (state.direction() == Direction.OUTBOUND ? SampleMessages.outbound(T0)
                        : SampleMessages.inbound(T0)).kind(kind).state(state).refToMessageId("x@de.test").build();
                assertThat(Arrays.stream(Topology.values()).filter(t -> t.resumes() && t.handsOn(message)))
                        .as(kind + " in " + state).hasSizeLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void aRestingMessageIsResumedWhereItsWayStarts() {
        assertThat(Topology.resuming(SampleMessages.outbound(T0).build())).hasValue(Topology.SUBMITTED);
        assertThat(Topology.resuming(SampleMessages.outbound(T0).state(MessageState.ACCEPTED).build()))
                .hasValue(Topology.PREPARED);
        assertThat(Topology.resuming(SampleMessages.outbound(T0).kind(MessageKind.EVIDENCE)
                .state(MessageState.ACCEPTED).build())).hasValue(Topology.EVIDENCE_ISSUED);
        assertThat(Topology.resuming(SampleMessages.inbound(T0).build())).as("before it is sorted")
                .hasValue(Topology.RECEIVED);
        assertThat(Topology.resuming(SampleMessages.inbound(T0).kind(MessageKind.EVIDENCE).build()))
                .hasValue(Topology.RECEIVED);
    }

    @ParameterizedTest
    @EnumSource(value = MessageState.class, names = {"SUBMITTED", "ACCEPTED", "RECEIVED"}, mode = EnumSource.Mode.EXCLUDE)
    void nothingResumesAMessageThatWaitsForTheOtherSideOrHasEnded(MessageState state) {
        var message = (state.direction() == Direction.OUTBOUND ? SampleMessages.outbound(T0)
                : SampleMessages.inbound(T0)).state(state).build();

        assertThat(Topology.resuming(message)).isEmpty();
    }

    @Test
    void theResumableStatesInTheTablesOrder() {
        assertThat(Topology.resumableStates())
                .containsExactly(MessageState.SUBMITTED, MessageState.ACCEPTED, MessageState.RECEIVED);
    }

    /** Evidences reach the back-end of an outbound business message whatever state they left it in. */
    @Test
    void anEvidenceRecordedAboutAnOutboundBusinessMessageInAnyStateGoesToItsBackend() {
        for (MessageState state : MessageState.values()) {
            if (state.direction() == Direction.OUTBOUND) {
                assertThat(Topology.EVIDENCE_RECORDED.handsOn(SampleMessages.outbound(T0).state(state).build()))
                        .as(state.name()).isTrue();
            }
        }
        assertThat(Topology.EVIDENCE_RECORDED.handsOn(SampleMessages.inbound(T0).build())).isFalse();
        assertThat(Topology.EVIDENCE_RECORDED.handsOn(SampleMessages.outbound(T0).kind(MessageKind.EVIDENCE)
                .state(MessageState.ACCEPTED).build())).isFalse();
    }

    @Test
    void aReceivedMessageIsSortedByItsKind() {
        assertThat(Topology.sorted(MessageKind.BUSINESS)).isEqualTo(Topology.BUSINESS_RECEIVED);
        assertThat(Topology.sorted(MessageKind.EVIDENCE)).isEqualTo(Topology.EVIDENCE_RECEIVED);
        assertThat(Topology.BUSINESS_RECEIVED.handsOn(SampleMessages.inbound(T0).build())).isTrue();
        assertThat(Topology.BUSINESS_RECEIVED.handsOn(SampleMessages.inbound(T0).kind(MessageKind.EVIDENCE)
                .build())).isFalse();
        assertThat(Topology.BUSINESS_RECEIVED.handsOn(SampleMessages.outbound(T0).state(MessageState.ACCEPTED)
                .build())).as("another direction").isFalse();
    }
}
