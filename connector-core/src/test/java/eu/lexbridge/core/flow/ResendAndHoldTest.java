package eu.lexbridge.core.flow;

import static eu.lexbridge.core.flow.FlowFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.evidence.RejectionReason;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.TimelineEntry;
import eu.lexbridge.core.port.Hop;
import eu.lexbridge.core.testkit.RecordingMessageBus.Published;
import eu.lexbridge.core.testkit.SampleMessages;
import eu.lexbridge.core.transport.SendOutcome;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 1: an operator holds the sends to a partner during its maintenance and releases them, and sends again
 * a message whose send failed; each with who did it.
 */
class ResendAndHoldTest {

    private static final Duration RELAY = Duration.ofHours(12);

    private final FlowFixture f = new FlowFixture();
    private final Dispatch dispatch = new Dispatch(f.store, f.partners, f.gateway, f.issuer(), f.holds, f.clock);
    private final RelayTimeout relay = new RelayTimeout(RELAY, Map.of(), f.partners, f.store);
    private final SendRetries retries = new SendRetries(f.store, dispatch, relay, f.clock);
    private final Resend resend = new Resend(f.store, f.bus, f.clock);

    private ConnectorMessage accepted() {
        return f.stored(SampleMessages.outbound(T0).state(MessageState.ACCEPTED).build());
    }

    private MessageState stateOf(ConnectorMessage message) {
        return f.reload(message.connectorMessageId()).state();
    }

    @Test
    void nothingIsSentToAHeldPartnerUntilItIsReleased() {
        ConnectorMessage message = accepted();
        PartnerHolds.Hold hold = f.holds.hold("de-connector", "maintenance announced for 6 December, 08:00-12:00",
                "ops-anna");

        assertThatThrownBy(() -> dispatch.dispatch(message.connectorMessageId()))
                .isInstanceOf(RetryableSendException.class)
                .hasMessage("partner de-connector is held since " + T0 + " by ops-anna (maintenance announced for 6 "
                        + "December, 08:00-12:00)");
        assertThat(f.gateway.sends()).isEmpty();
        assertThat(f.holds.all()).containsExactly(hold);
        assertThat(f.holds.hold("de-connector", "again", "ops-bob")).as("held once").isEqualTo(hold);

        assertThat(f.holds.release("de-connector", "ops-bob")).isTrue();
        assertThat(f.holds.release("de-connector", "ops-bob")).as("released once").isFalse();
        dispatch.dispatch(message.connectorMessageId());

        assertThat(stateOf(message)).isEqualTo(MessageState.SENT);
        assertThat(f.holds.all()).isEmpty();
    }

    @Test
    void aHoldIsKeptForTheOtherReplicasAndSaysWhoHeldAndReleased() {
        f.holds.hold("de-connector", "maintenance", "ops-anna");
        PartnerHolds another = new PartnerHolds(f.settings, f.clock);

        assertThat(another.of("de-connector")).hasValueSatisfying(h -> assertThat(h.heldBy()).isEqualTo("ops-anna"));
        another.release("de-connector", "ops-bob");

        assertThat(f.holds.of("de-connector")).isEmpty();
        assertThat(f.settings.latest(eu.lexbridge.core.port.SettingStore.Setting.PARTNER_HOLDS))
                .hasValueSatisfying(v -> assertThat(v.changedBy()).isEqualTo("ops-bob"));
    }

    @Test
    void aHoldCannotBeForgedIntoAnotherByItsText() {
        f.holds.hold("de-connector", "line one\nfr-court\t2026-01-01T00:00:00Z\tx\ty", "ops\tanna");

        assertThat(f.holds.all()).singleElement().satisfies(h -> {
            assertThat(h.partner()).isEqualTo("de-connector");
            assertThat(h.heldBy()).isEqualTo("ops anna");
            assertThat(h.reason()).doesNotContain("\n").doesNotContain("\t");
        });
        assertThatThrownBy(() -> f.holds.hold("de connector", null, "ops")).isInstanceOf(ConnectorException.class)
                .extracting(e -> ((ConnectorException) e).code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThatThrownBy(() -> f.holds.hold("de-connector2", "x".repeat(501), "ops"))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("reason must be at most 500");
    }

    @Test
    void aFailedMessageIsSentAgainWithANewRelayTimeoutAndTheOperatorOnItsTimeline() {
        ConnectorMessage message = accepted();
        dispatch.giveUp(message.connectorMessageId(), RejectionReason.UNREACHABLE.because("HTTP 503"));
        assertThat(stateOf(message)).isEqualTo(MessageState.RELAY_FAILED);
        f.clock.advance(RELAY.plusHours(2)); // the partner was back only the next day

        ConnectorMessage again = resend.resend(message.connectorMessageId(), "ops-anna");

        assertThat(again.state()).isEqualTo(MessageState.ACCEPTED);
        assertThat(f.bus.published()).containsExactly(new Published(Hop.OUTBOUND_DISPATCH,
                message.connectorMessageId(), message.conversationId()));
        assertThat(f.store.timeline(message.connectorMessageId())).last().extracting(TimelineEntry::detail)
                .isEqualTo("sent again at the request of ops-anna");
        // a new relay timeout from the resend: an attempt that fails now is tried again until 12 h after it
        java.time.Instant resentAt = f.store.timeline(message.connectorMessageId()).stream()
                .filter(e -> e.detail() != null && e.detail().startsWith(Resend.RESENT)).findFirst().orElseThrow()
                .at();
        assertThat(retries.failed(message.connectorMessageId(), 1, "HTTP 503"))
                .isEqualTo(new SendRetries.TryAgain(java.util.Optional.of(resentAt.plus(RELAY))));
        dispatch.dispatch(message.connectorMessageId());
        assertThat(stateOf(message)).isEqualTo(MessageState.SENT);
    }

    /**
     * The send route may take the queued message, and fail it again, before the operator's answer is written: the
     * answer says what the resend did (ACCEPTED and queued), not what happened next (a flaky console test, before).
     */
    @Test
    void theAnswerIsTheResentMessageEvenWhenTheSendHasAlreadyFailedAgain() {
        ConnectorMessage message = accepted();
        dispatch.giveUp(message.connectorMessageId(), RejectionReason.UNREACHABLE.because("HTTP 503"));
        eu.lexbridge.core.port.MessageBus fastRoute = (hop, id, conversation) -> {
            f.bus.publish(hop, id, conversation);
            f.clock.advance(RELAY.plusSeconds(1));
            retries.failed(id, 1, "HTTP 503"); // past its relay timeout already: failed for good at once
        };

        ConnectorMessage again = new Resend(f.store, fastRoute, f.clock).resend(message.connectorMessageId(), "ops");

        assertThat(stateOf(message)).isEqualTo(MessageState.RELAY_FAILED);
        assertThat(again.state()).isEqualTo(MessageState.ACCEPTED);
    }

    @Test
    void aResentMessageThatFailsAgainIsRelayFailedWithoutASecondEvidence() {
        ConnectorMessage message = accepted();
        dispatch.giveUp(message.connectorMessageId(), RejectionReason.UNREACHABLE.because("HTTP 503"));
        resend.resend(message.connectorMessageId(), "ops-anna");
        f.clock.advance(RELAY.plusSeconds(1));

        assertThat(retries.failed(message.connectorMessageId(), 150, "HTTP 503"))
                .isInstanceOf(SendRetries.GaveUp.class);

        assertThat(stateOf(message)).isEqualTo(MessageState.RELAY_FAILED);
        assertThat(f.store.evidences(message.connectorMessageId())).filteredOn(e -> e.type()
                == EvidenceType.RELAY_REMMD_FAILURE && e.origin() == EvidenceOrigin.ISSUED).hasSize(1);
        assertThat(f.store.timeline(message.connectorMessageId())).last().extracting(TimelineEntry::detail)
                .asString().startsWith("sent again, and it failed again: ");
    }

    @Test
    void onlyAnOutboundMessageWhoseSendFailedIsSentAgain() {
        ConnectorMessage sent = f.stored(SampleMessages.outbound(T0).state(MessageState.SENT).build());
        ConnectorMessage received = f.stored(SampleMessages.inbound(T0).build());

        for (ConnectorMessage message : new ConnectorMessage[] {sent, received}) {
            assertThatThrownBy(() -> resend.resend(message.connectorMessageId(), "ops-anna"))
                    .isInstanceOf(ConnectorException.class)
                    .satisfies(e -> assertThat(((ConnectorException) e).code()).isEqualTo(ErrorCode.NOT_RESENDABLE))
                    .hasMessageContaining("only an outbound message whose send failed (RELAY_FAILED)");
        }
        assertThatThrownBy(() -> resend.resend(java.util.UUID.randomUUID(), "ops-anna"))
                .isInstanceOf(ConnectorException.class)
                .satisfies(e -> assertThat(((ConnectorException) e).code()).isEqualTo(ErrorCode.UNKNOWN_MESSAGE));
        assertThat(f.bus.published()).isEmpty();
        assertThat(stateOf(sent)).isEqualTo(MessageState.SENT);
    }

    @Test
    void aRetryableAnswerDuringAHoldCountsAgainstTheRelayTimeoutAndIsOnTheTimeline() {
        ConnectorMessage message = accepted();
        f.holds.hold("de-connector", "maintenance", "ops-anna");
        f.gateway.answer(SendOutcome.delivered("never used"));

        try {
            dispatch.dispatch(message.connectorMessageId());
        } catch (RetryableSendException e) {
            retries.failed(message.connectorMessageId(), 1, e.getMessage());
        }

        assertThat(f.store.timeline(message.connectorMessageId())).last().extracting(TimelineEntry::detail)
                .asString().startsWith("send attempt 1 failed: partner de-connector is held since ");
    }
}
