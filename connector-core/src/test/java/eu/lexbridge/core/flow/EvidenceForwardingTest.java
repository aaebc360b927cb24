package eu.lexbridge.core.flow;

import static eu.lexbridge.core.flow.FlowFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.evidence.RejectionReason;
import eu.lexbridge.core.flow.EvidenceForwarding.Offered;
import eu.lexbridge.core.flow.EvidenceForwarding.Skipped;
import eu.lexbridge.core.flow.EvidenceIssuer.Route;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.port.BackendLink;
import eu.lexbridge.core.port.Hop;
import eu.lexbridge.core.testkit.InMemoryBackendLink;
import eu.lexbridge.core.testkit.RecordingMessageBus.Published;
import eu.lexbridge.core.testkit.SampleMessages;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EvidenceForwardingTest {

    private final FlowFixture f = new FlowFixture();
    private final EvidenceIssuer issuer = f.issuer();
    private final EvidenceForwarding forwarding = new EvidenceForwarding(f.store, f.store, f.bus, f.backends,
            f.clock);

    /** An outbound message as OutboundPreparation leaves it: accepted, SUBMISSION_ACCEPTANCE inside. */
    private ConnectorMessage accepted() {
        var message = f.stored(SampleMessages.outbound(T0).build());
        issuer.issue(message, EvidenceType.SUBMISSION_ACCEPTANCE, Route.WITH_SUBJECT, MessageState.ACCEPTED, null);
        return f.reload(message.connectorMessageId());
    }

    /** An evidence received from the other side about {@code subject}, as EvidenceCorrelation records it. */
    private Evidence received(ConnectorMessage subject, EvidenceType type) {
        var evidence = new Evidence(UUID.randomUUID(), subject.connectorMessageId(), type, EvidenceOrigin.RECEIVED,
                SampleMessages.evidenceDocument(type), null, f.clock.instant(), null);
        assertThat(f.store.recordEvidence(evidence, null, type.outboundState(), type + " received")).isTrue();
        return evidence;
    }

    private Evidence issued(ConnectorMessage subject, EvidenceType type) {
        return f.store.findEvidence(subject.connectorMessageId(), type, EvidenceOrigin.ISSUED).orElseThrow();
    }

    @Test
    void theRelayQueuesEachEvidenceAboutAnOutboundMessageInTheOrderRecordedAndHandsEveryEventOn() {
        var message = accepted();
        f.store.advance(message.connectorMessageId(), MessageState.SENT, "sent", f.clock.instant());
        var relayed = received(message, EvidenceType.RELAY_REMMD_ACCEPTANCE);
        var delivered = received(message, EvidenceType.DELIVERY);
        var inbound = f.stored(SampleMessages.inbound(T0).backendName("court-a").build());
        issuer.issue(inbound, EvidenceType.RELAY_REMMD_ACCEPTANCE, Route.OWN_MESSAGE, null, null);

        assertThat(forwarding.relay()).isEqualTo(3);

        String conversation = message.conversationId();
        assertThat(f.bus.published()).as("the inbound message's evidence goes to the sender, not to our back-end")
                .containsExactly(
                        new Published(Hop.BACKEND_EVIDENCE, issued(message, EvidenceType.SUBMISSION_ACCEPTANCE)
                                .evidenceId(), conversation),
                        new Published(Hop.BACKEND_EVIDENCE, relayed.evidenceId(), conversation),
                        new Published(Hop.BACKEND_EVIDENCE, delivered.evidenceId(), conversation));
        assertThat(f.store.pending(100)).as("state changes and evidences alike are handed on").isEmpty();
        assertThat(forwarding.relay()).as("nothing twice").isZero();
        assertThat(f.bus.published()).hasSize(3);
    }

    /** A pull back-end reads its evidences from its change feed: nothing is queued for it, every event handed on. */
    @Test
    void nothingIsQueuedForAPullBackend() {
        var pull = new EvidenceForwarding(f.store, f.store, f.bus, BackendLink.heldForPull(), f.clock);
        var message = accepted();
        f.store.advance(message.connectorMessageId(), MessageState.SENT, "sent", f.clock.instant());
        received(message, EvidenceType.RELAY_REMMD_ACCEPTANCE);

        assertThat(pull.relay()).isZero();

        assertThat(f.bus.published()).isEmpty();
        assertThat(f.store.pending(100)).isEmpty();
    }

    @Test
    void anEvidenceIssuedForTheBackendOnlyIsQueuedToo() {
        var message = accepted();
        f.store.advance(message.connectorMessageId(), MessageState.SENT, "sent", f.clock.instant());
        issuer.issue(message, EvidenceType.RELAY_REMMD_FAILURE, Route.BACKEND_ONLY, MessageState.RELAY_FAILED,
                RejectionReason.UNREACHABLE.because("connection refused"));

        forwarding.relay();

        assertThat(f.bus.on(Hop.BACKEND_EVIDENCE)).extracting(Published::connectorMessageId).containsExactly(
                issued(message, EvidenceType.SUBMISSION_ACCEPTANCE).evidenceId(),
                issued(message, EvidenceType.RELAY_REMMD_FAILURE).evidenceId());
    }

    /** A busy outbox is read to its end in one relay, page after page. */
    @Test
    void oneRelayReadsTheOutboxToItsEnd() {
        int messages = EvidenceForwarding.BATCH; // each writes two events: two pages
        for (int i = 0; i < messages; i++) {
            f.store.advance(accepted().connectorMessageId(), MessageState.SENT, "sent", f.clock.instant());
        }

        assertThat(forwarding.relay()).isEqualTo(messages);

        assertThat(f.store.pending(10)).isEmpty();
    }

    /** Nothing lost: what the broker did not take stays in the outbox for the next relay. */
    @Test
    void aBrokerThatIsDownLeavesTheEvidencePendingForTheNextRelay() {
        var message = accepted();
        f.bus.setAvailable(false);

        assertThatThrownBy(forwarding::relay).isInstanceOf(ConnectorException.class);
        assertThat(f.store.pending(100)).isNotEmpty();

        f.bus.setAvailable(true);
        assertThat(forwarding.relay()).isEqualTo(1);
        assertThat(f.bus.on(Hop.BACKEND_EVIDENCE)).extracting(Published::connectorMessageId)
                .containsExactly(issued(message, EvidenceType.SUBMISSION_ACCEPTANCE).evidenceId());
    }

    @Test
    void aPushBackendGetsTheEvidencesInTheOrderRelayedEachPushNoted() {
        f.backends.pushing();
        var message = accepted();
        f.store.advance(message.connectorMessageId(), MessageState.SENT, "sent", f.clock.instant());
        var relayed = received(message, EvidenceType.RELAY_REMMD_ACCEPTANCE);
        forwarding.relay();

        for (Published queued : f.bus.on(Hop.BACKEND_EVIDENCE)) {
            assertThat(forwarding.forward(queued.connectorMessageId())).isInstanceOf(Offered.class);
        }

        assertThat(f.backends.offered()).containsExactly(
                new InMemoryBackendLink.Offered("court-a", message.connectorMessageId(),
                        issued(message, EvidenceType.SUBMISSION_ACCEPTANCE)),
                new InMemoryBackendLink.Offered("court-a", message.connectorMessageId(), relayed));
        assertThat(f.store.timeline(message.connectorMessageId())).last().satisfies(e -> {
            assertThat(e.evidenceType()).isEqualTo(EvidenceType.RELAY_REMMD_ACCEPTANCE);
            assertThat(e.evidenceOrigin()).isEqualTo(EvidenceOrigin.RECEIVED);
            assertThat(e.detail()).isEqualTo("pushed to back-end court-a: RELAY_REMMD_ACCEPTANCE about message "
                    + message.connectorMessageId() + " taken by the back-end");
        });
    }

    /** A pull back-end reads its change feed: nothing is pushed, and the timeline gets no line for it. */
    @Test
    void aPullBackendHoldsTheEvidenceAndNothingIsNoted() {
        var message = accepted();
        int lines = f.store.timeline(message.connectorMessageId()).size();
        var acceptance = issued(message, EvidenceType.SUBMISSION_ACCEPTANCE);

        assertThat(forwarding.forward(acceptance.evidenceId()))
                .isEqualTo(new Offered("court-a", new BackendLink.Held()));

        assertThat(f.store.timeline(message.connectorMessageId())).hasSize(lines);
    }

    @Test
    void aRefusedEvidenceIsNotedAndChangesNothingElse() {
        var message = accepted();
        var acceptance = issued(message, EvidenceType.SUBMISSION_ACCEPTANCE);
        f.backends.answer(new BackendLink.Refused("E200 not ours"));

        assertThat(forwarding.forward(acceptance.evidenceId()))
                .isEqualTo(new Offered("court-a", new BackendLink.Refused("E200 not ours")));

        assertThat(f.reload(message.connectorMessageId()).state()).isEqualTo(MessageState.ACCEPTED);
        assertThat(f.store.evidences(message.connectorMessageId())).containsExactly(acceptance);
        assertThat(f.store.timeline(message.connectorMessageId())).last().satisfies(e -> assertThat(e.detail())
                .isEqualTo("refused by back-end court-a, which changes nothing: E200 not ours"));
    }

    @Test
    void anUnreachableBackendAsksForAnotherAttemptAndNothingIsNoted() {
        var message = accepted();
        int lines = f.store.timeline(message.connectorMessageId()).size();
        f.backends.answer(new BackendLink.Unreachable("connection refused"));

        assertThatThrownBy(() -> forwarding.forward(issued(message, EvidenceType.SUBMISSION_ACCEPTANCE).evidenceId()))
                .isInstanceOf(RetryableSendException.class)
                .hasMessage("back-end court-a could not be reached with SUBMISSION_ACCEPTANCE: connection refused");
        assertThat(f.store.timeline(message.connectorMessageId())).hasSize(lines);
    }

    @Test
    void anUnknownEvidenceIsSkipped() {
        UUID unknown = UUID.randomUUID();

        assertThat(forwarding.forward(unknown)).isEqualTo(new Skipped("evidence " + unknown + " is unknown"));
        assertThat(f.backends.offered()).isEmpty();
    }
}
