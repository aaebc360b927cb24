package eu.lexbridge.core.flow;

import static eu.lexbridge.core.flow.FlowFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.flow.EvidenceIssuer.Route;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageKind;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.port.Hop;
import eu.lexbridge.core.testkit.RecordingMessageBus.Published;
import eu.lexbridge.core.testkit.SampleMessages;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StalledWorkTest {

    private static final Duration GRACE = Duration.ofMinutes(10);

    private final FlowFixture f = new FlowFixture();
    private final EvidenceIssuer issuer = f.issuer();
    private final OutboundPreparation preparation = new OutboundPreparation(f.store, f.partners, issuer,
            f.containers, FlowFixture.catalogue(DocumentPolicy.AUTHENTICATION), f.documents, f.security, f.clock);
    private final Dispatch dispatch = new Dispatch(f.store, f.partners, f.gateway, issuer, f.holds, f.clock);

    private StalledWork sweep(int maxRequeues) {
        return new StalledWork(f.store, f.bus, preparation, dispatch, f.clock, GRACE, maxRequeues);
    }

    private ConnectorMessage stored(ConnectorMessage.Builder message) {
        return f.stored(message.build());
    }

    private MessageState stateOf(ConnectorMessage message) {
        return f.reload(message.connectorMessageId()).state();
    }

    private static Published on(Hop hop, ConnectorMessage message) {
        return new Published(hop, message.connectorMessageId(), message.conversationId());
    }

    private long requeueLines(ConnectorMessage message) {
        return f.store.timeline(message.connectorMessageId()).stream()
                .filter(e -> e.detail() != null && e.detail().startsWith(StalledWork.REQUEUED)).count();
    }

    @Test
    void atLeastOneRequeueIsAllowed() {
        assertThatThrownBy(() -> sweep(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxRequeues must be at least 1");
    }

    @Test
    void aMessageWhoseSendIsBeingRetriedIsNotStalledThoughItsStateIsOld() {
        var retrying = stored(SampleMessages.outbound(T0).state(MessageState.ACCEPTED));
        var resting = stored(SampleMessages.outbound(T0).state(MessageState.ACCEPTED));
        f.clock.advance(GRACE.multipliedBy(6));
        new SendRetries(f.store, dispatch, new RelayTimeout(Duration.ofHours(12), java.util.Map.of(), f.partners, f.store),
                f.clock).failed(retrying.connectorMessageId(), 40, "connection refused by de.example");
        f.clock.advance(GRACE.minusSeconds(1));

        assertThat(sweep(3).requeue()).isEqualTo(1);

        assertThat(f.bus.published()).containsExactly(on(Hop.OUTBOUND_DISPATCH, resting));
        assertThat(requeueLines(retrying)).isZero();
    }

    @Test
    void eachWaitingStateGoesBackOnTheQueueThatTakesItOn() {
        var submitted = stored(SampleMessages.outbound(T0));
        var accepted = stored(SampleMessages.outbound(T0).state(MessageState.ACCEPTED));
        var received = stored(SampleMessages.inbound(T0));
        var relay = issuer.issue(received, EvidenceType.RELAY_REMMD_ACCEPTANCE, Route.OWN_MESSAGE, null, null);
        var evidenceMessage = f.reload(relay.carrierMessageId());
        f.clock.advance(GRACE.plusSeconds(1));

        assertThat(sweep(3).requeue()).isEqualTo(4);

        assertThat(f.bus.published()).containsExactlyInAnyOrder(
                on(Hop.OUTBOUND_SUBMITTED, submitted), on(Hop.OUTBOUND_DISPATCH, accepted),
                on(Hop.EVIDENCE_OUTBOUND, evidenceMessage), on(Hop.INBOUND_RECEIVED, received));
        assertThat(f.store.timeline(submitted.connectorMessageId())).last().satisfies(e -> {
            assertThat(e.detail()).isEqualTo(StalledWork.REQUEUED + " on lexbridge.outbound.submitted");
            assertThat(e.state()).isEqualTo(MessageState.SUBMITTED);
        });
        assertThat(requeueLines(accepted)).isEqualTo(1);
        assertThat(requeueLines(received)).as("received messages are not counted").isZero();
    }

    /** The sweep puts each resting message on the hop the topology's resuming row names, and nowhere else. */
    @Test
    void theSweepAndTheTopologyAgree() {
        var submitted = stored(SampleMessages.outbound(T0));
        var accepted = stored(SampleMessages.outbound(T0).state(MessageState.ACCEPTED));
        var business = stored(SampleMessages.inbound(T0));
        var evidence = stored(SampleMessages.inbound(T0).kind(MessageKind.EVIDENCE).refToMessageId("x@at.test"));
        var relay = issuer.issue(business, EvidenceType.RELAY_REMMD_ACCEPTANCE, Route.OWN_MESSAGE, null, null);
        var evidenceMessage = f.reload(relay.carrierMessageId());
        var all = List.of(submitted, accepted, business, evidence, evidenceMessage);
        f.clock.advance(GRACE.plusSeconds(1));

        sweep(3).requeue();

        assertThat(f.bus.published()).hasSize(all.size());
        for (ConnectorMessage m : all) {
            assertThat(f.bus.published()).as(m.kind() + " " + m.direction() + " in " + m.state())
                    .contains(on(Topology.resuming(m).orElseThrow().next(), m));
        }
    }

    /** An asynchronous gateway has it: sending it again would send it twice, giving up would be a false failure. */
    @Test
    void aMessageAnAsynchronousGatewayHasIsLeftToItsReport() {
        var message = stored(SampleMessages.outbound(T0).state(MessageState.ACCEPTED));
        f.gateway.asynchronous();
        dispatch.dispatch(message.connectorMessageId());
        var sweep = sweep(1);
        f.clock.advance(GRACE.plusSeconds(1));

        assertThat(sweep.requeue()).isZero();
        assertThat(sweep.requeue()).isZero();

        assertThat(f.bus.published()).isEmpty();
        assertThat(stateOf(message)).isEqualTo(MessageState.ACCEPTED);
        assertThat(f.store.evidences(message.connectorMessageId())).isEmpty();
    }

    @Test
    void nothingWithinTheGraceIsTouched() {
        stored(SampleMessages.outbound(T0));
        stored(SampleMessages.inbound(T0));
        f.clock.advance(GRACE.minusSeconds(1));

        assertThat(sweep(3).requeue()).isZero();

        assertThat(f.bus.published()).isEmpty();
    }

    /** The grace counts from the time a message entered its state, not from its creation. */
    @Test
    void aMessageThatMovedRecentlyIsNotStalled() {
        var message = stored(SampleMessages.outbound(T0));
        f.clock.advance(Duration.ofHours(5));
        f.store.advance(message.connectorMessageId(), MessageState.ACCEPTED, "accepted", f.clock.instant());
        f.clock.advance(GRACE.minusSeconds(1));

        assertThat(sweep(3).requeue()).isZero();
    }

    @Test
    void aSubmittedMessageStillStalledAfterItsRequeuesIsRejected() {
        var message = stored(SampleMessages.outbound(T0));
        var sweep = sweep(2);
        f.clock.advance(GRACE.plusSeconds(1));

        assertThat(sweep.requeue()).isEqualTo(1);
        assertThat(sweep.requeue()).isEqualTo(1);
        assertThat(stateOf(message)).isEqualTo(MessageState.SUBMITTED);
        assertThat(sweep.requeue()).as("the third sweep gives up").isZero();

        assertThat(f.bus.published()).hasSize(2);
        assertThat(stateOf(message)).isEqualTo(MessageState.REJECTED);
        assertThat(f.store.findEvidence(message.connectorMessageId(), EvidenceType.SUBMISSION_REJECTION,
                EvidenceOrigin.ISSUED)).hasValueSatisfying(e -> assertThat(e.reason()).isEqualTo(
                "E100 the message could not be prepared for sending: it stayed unprepared after 2 requeues by the "
                        + "stalled-work sweep (the connector's log names the cause)"));
    }

    @Test
    void anAcceptedBusinessMessageStillStalledIsEndedWithRelayFailure() {
        var message = stored(SampleMessages.outbound(T0).state(MessageState.ACCEPTED));
        var sweep = sweep(1);
        f.clock.advance(GRACE.plusSeconds(1));
        sweep.requeue();

        assertThat(sweep.requeue()).isZero();

        assertThat(stateOf(message)).isEqualTo(MessageState.RELAY_FAILED);
        assertThat(f.store.findEvidence(message.connectorMessageId(), EvidenceType.RELAY_REMMD_FAILURE,
                EvidenceOrigin.ISSUED)).hasValueSatisfying(e -> assertThat(e.reason()).isEqualTo(
                "E404 the message stayed unsent after 1 requeues by the stalled-work sweep"));
    }

    @Test
    void anEvidenceMessageStillStalledIsMarkedFailed() {
        var received = stored(SampleMessages.inbound(T0));
        var relay = issuer.issue(received, EvidenceType.RELAY_REMMD_ACCEPTANCE, Route.OWN_MESSAGE, null, null);
        f.store.advance(received.connectorMessageId(), MessageState.AVAILABLE_TO_BACKEND, "routed", f.clock.instant());
        var sweep = sweep(1);
        f.clock.advance(GRACE.plusSeconds(1));
        sweep.requeue();

        sweep.requeue();

        assertThat(f.reload(relay.carrierMessageId()).state()).isEqualTo(MessageState.RELAY_FAILED);
    }

    /** A received message is never given up here: its sender's access point holds no receipt until it is stored. */
    @Test
    void aReceivedMessageIsRequeuedWithoutBound() {
        var received = stored(SampleMessages.inbound(T0));
        var sweep = sweep(1);
        f.clock.advance(GRACE.plusSeconds(1));

        for (int i = 0; i < 3; i++) {
            assertThat(sweep.requeue()).isEqualTo(1);
        }

        assertThat(f.bus.on(Hop.INBOUND_RECEIVED)).hasSize(3);
        assertThat(stateOf(received)).isEqualTo(MessageState.RECEIVED);
    }

    @Test
    void messagesInOtherStatesAreLeft() {
        stored(SampleMessages.outbound(T0).state(MessageState.SENT));
        stored(SampleMessages.outbound(T0).state(MessageState.REJECTED));
        stored(SampleMessages.inbound(T0).state(MessageState.AVAILABLE_TO_BACKEND));
        f.clock.advance(Duration.ofDays(1));

        assertThat(sweep(3).requeue()).isZero();

        assertThat(f.bus.published()).isEmpty();
    }
}
