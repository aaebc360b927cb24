package eu.lexbridge.core.flow;

import static eu.lexbridge.core.flow.FlowFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.flow.EvidenceIssuer.Route;
import eu.lexbridge.core.flow.EvidenceTimeouts.Limits;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.testkit.SampleMessages;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EvidenceTimeoutsTest {

    private static final Duration RELAY = Duration.ofHours(1);
    private static final Duration DELIVERY = Duration.ofHours(24);
    private static final Duration RETRIEVAL = Duration.ofDays(5);

    private final FlowFixture f = new FlowFixture();

    private EvidenceTimeouts timeouts(Duration relay, Limits limits) {
        return new EvidenceTimeouts(f.store, f.issuer(), f.clock, new RelayTimeout(relay, Map.of(), f.partners, f.store),
                limits);
    }

    private EvidenceTimeouts all() {
        return timeouts(RELAY, new Limits(DELIVERY, RETRIEVAL));
    }

    private ConnectorMessage sent(MessageState state) {
        return f.stored(SampleMessages.outbound(T0).state(state).build());
    }

    private MessageState stateOf(ConnectorMessage message) {
        return f.reload(message.connectorMessageId()).state();
    }

    private Evidence issued(ConnectorMessage message, EvidenceType type) {
        return f.store.findEvidence(message.connectorMessageId(), type, EvidenceOrigin.ISSUED).orElseThrow();
    }

    /** The clock just past {@code limit} after the messages' submission. */
    private void pastSubmissionBy(Duration limit) {
        f.clock.advance(Duration.between(f.clock.peek(), T0.plus(limit).plusMillis(1)));
    }

    @Test
    void aTimeoutMustBePositive() {
        assertThatThrownBy(() -> new Limits(Duration.ZERO, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an evidence timeout must be positive, was PT0S");
        assertThatThrownBy(() -> new Limits(null, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RelayTimeout(Duration.ZERO, Map.of(), f.partners, f.store))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the relay timeout must be positive, was PT0S");
        assertThatThrownBy(() -> new RelayTimeout(null, Map.of("de", Duration.ofSeconds(-1)), f.partners,
                f.store))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the relay timeout of partner de must be positive, was PT-1S");
    }

    @ParameterizedTest
    @EnumSource(value = MessageState.class, names = {"ACCEPTED", "SENT"})
    void noRelayEvidenceInTimeEndsTheMessageWithRelayFailure(MessageState waiting) {
        var message = sent(waiting);
        pastSubmissionBy(RELAY);

        assertThat(all().enforce()).isEqualTo(1);

        assertThat(stateOf(message)).isEqualTo(MessageState.RELAY_FAILED);
        var evidence = issued(message, EvidenceType.RELAY_REMMD_FAILURE);
        assertThat(evidence.reason()).isEqualTo("E301 RELAY_REMMD_TIMEOUT: no evidence within PT1H");
        assertThat(evidence.carrierMessageId()).as("to the back-end only").isNull();
    }

    @Test
    void noDeliveryEvidenceInTimeEndsARelayedMessageWithNonDelivery() {
        var message = sent(MessageState.RELAYED);
        pastSubmissionBy(DELIVERY);

        assertThat(all().enforce()).isEqualTo(1);

        assertThat(stateOf(message)).isEqualTo(MessageState.NOT_DELIVERED);
        assertThat(issued(message, EvidenceType.NON_DELIVERY).reason())
                .isEqualTo("E300 DELIVERY_EVIDENCE_TIMEOUT: no evidence within PT24H");
    }

    @Test
    void noRetrievalEvidenceInTimeEndsADeliveredMessageWithNonRetrieval() {
        var message = sent(MessageState.DELIVERED);
        pastSubmissionBy(RETRIEVAL);

        assertThat(all().enforce()).isEqualTo(1);

        assertThat(stateOf(message)).isEqualTo(MessageState.NOT_RETRIEVED);
        assertThat(issued(message, EvidenceType.NON_RETRIEVAL).reason())
                .isEqualTo("E302 RETRIEVAL_EVIDENCE_TIMEOUT: no evidence within PT120H");
    }

    @Test
    void nothingExpiresBeforeItsLimit() {
        sent(MessageState.ACCEPTED);
        sent(MessageState.RELAYED);
        sent(MessageState.DELIVERED);
        f.clock.advance(RELAY.minusSeconds(1));

        assertThat(all().enforce()).isZero();

        assertThat(f.store.all()).allSatisfy(m -> assertThat(f.store.evidences(m.connectorMessageId())).isEmpty());
    }

    /** Each timeout counts from the submission, not from the last state the message reached. */
    @Test
    void aTimeoutCountsFromTheSubmission() {
        var message = sent(MessageState.ACCEPTED);
        f.clock.advance(RELAY.minusMinutes(1));
        f.store.advance(message.connectorMessageId(), MessageState.SENT, "sent late", f.clock.instant());
        f.clock.advance(Duration.ofMinutes(2));

        assertThat(all().enforce()).isEqualTo(1);

        assertThat(stateOf(message)).isEqualTo(MessageState.RELAY_FAILED);
    }

    /** A message past all its limits at once gets one negative evidence: the first one ends it. */
    @Test
    void aMessagePastEveryLimitGetsOneEvidence() {
        var message = sent(MessageState.SENT);
        pastSubmissionBy(RETRIEVAL);

        assertThat(all().enforce()).isEqualTo(1);

        assertThat(f.store.evidences(message.connectorMessageId())).extracting(Evidence::type)
                .containsExactly(EvidenceType.RELAY_REMMD_FAILURE);
    }

    @Test
    void aSecondRunFindsNothingLeft() {
        sent(MessageState.SENT);
        sent(MessageState.RELAYED);
        pastSubmissionBy(RETRIEVAL);
        var timeouts = all();

        assertThat(timeouts.enforce()).isEqualTo(2);
        assertThat(timeouts.enforce()).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = MessageState.class, names = {"SUBMITTED", "REJECTED", "RELAY_FAILED", "NOT_DELIVERED",
            "RETRIEVED", "NOT_RETRIEVED"})
    void messagesNotWaitingForAnEvidenceAreLeft(MessageState state) {
        var message = sent(state);
        pastSubmissionBy(RETRIEVAL);

        assertThat(all().enforce()).isZero();

        assertThat(stateOf(message)).isEqualTo(state);
    }

    @Test
    void receivedMessagesAndEvidenceMessagesHaveNoTimeouts() {
        var received = f.stored(SampleMessages.inbound(T0).build());
        var relay = f.issuer().issue(received, EvidenceType.RELAY_REMMD_ACCEPTANCE, Route.OWN_MESSAGE, null, null);
        pastSubmissionBy(RETRIEVAL);

        assertThat(all().enforce()).isZero();

        assertThat(f.reload(relay.carrierMessageId()).state()).isEqualTo(MessageState.ACCEPTED);
    }

    @Test
    void aPartnerWithARelayTimeoutOfItsOwnIsGivenThatLong() {
        var message = sent(MessageState.ACCEPTED);
        EvidenceTimeouts longer = new EvidenceTimeouts(f.store, f.issuer(), f.clock,
                new RelayTimeout(RELAY, Map.of("de-connector", RELAY.multipliedBy(3)), f.partners, f.store),
                new Limits(null, null));

        pastSubmissionBy(RELAY);
        assertThat(longer.enforce()).isZero();
        assertThat(stateOf(message)).isEqualTo(MessageState.ACCEPTED);

        pastSubmissionBy(RELAY.multipliedBy(3));
        assertThat(longer.enforce()).isEqualTo(1);
        assertThat(stateOf(message)).isEqualTo(MessageState.RELAY_FAILED);
    }

    @Test
    void aTimeoutSwitchedOffIsNotEnforced() {
        var sent = sent(MessageState.SENT);
        var delivered = sent(MessageState.DELIVERED);
        pastSubmissionBy(RETRIEVAL);

        assertThat(timeouts(null, new Limits(null, RETRIEVAL)).enforce()).isEqualTo(2);

        assertThat(stateOf(sent)).as("no relay or delivery timeout").isEqualTo(MessageState.NOT_RETRIEVED);
        assertThat(stateOf(delivered)).isEqualTo(MessageState.NOT_RETRIEVED);
        assertThat(timeouts(null, new Limits(null, null)).enforce()).isZero();
    }

    @Test
    void onlyTheDeliveryTimeoutSet() {
        var relayed = sent(MessageState.RELAYED);
        var delivered = sent(MessageState.DELIVERED);
        pastSubmissionBy(RETRIEVAL);

        assertThat(timeouts(null, new Limits(DELIVERY, null)).enforce()).isEqualTo(1);

        assertThat(stateOf(relayed)).isEqualTo(MessageState.NOT_DELIVERED);
        assertThat(stateOf(delivered)).isEqualTo(MessageState.DELIVERED);
    }
}
