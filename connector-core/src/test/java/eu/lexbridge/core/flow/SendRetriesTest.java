package eu.lexbridge.core.flow;

import static eu.lexbridge.core.flow.FlowFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.TimelineEntry;
import eu.lexbridge.core.testkit.SampleMessages;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 15 item 1: a send that may succeed later is tried again until the relay timeout, not for a count. */
class SendRetriesTest {

    private static final Duration RELAY = Duration.ofHours(12);

    private final FlowFixture f = new FlowFixture();
    private final Dispatch dispatch = new Dispatch(f.store, f.partners, f.gateway, f.issuer(), f.holds, f.clock);

    private SendRetries retries(Duration standard, Map<String, Duration> byPartner) {
        return new SendRetries(f.store, dispatch, new RelayTimeout(standard, byPartner, f.partners, f.store), f.clock);
    }

    private ConnectorMessage accepted() {
        return f.stored(SampleMessages.outbound(T0).state(MessageState.ACCEPTED).build());
    }

    @Test
    void aPartnerDownForAnHourIsTriedAgainAndEveryAttemptIsOnTheTimeline() {
        ConnectorMessage message = accepted();
        SendRetries retries = retries(RELAY, Map.of());

        for (int attempt = 1; attempt <= 20; attempt++) {
            f.clock.advance(Duration.ofMinutes(3)); // twenty attempts over an hour
            assertThat(retries.failed(message.connectorMessageId(), attempt, "connection refused by de.example"))
                    .isEqualTo(new SendRetries.TryAgain(Optional.of(T0.plus(RELAY))));
        }

        assertThat(f.reload(message.connectorMessageId()).state()).isEqualTo(MessageState.ACCEPTED);
        assertThat(f.store.timeline(message.connectorMessageId())).last().extracting(TimelineEntry::detail)
                .isEqualTo("send attempt 20 failed: connection refused by de.example; tried again until "
                        + T0.plus(RELAY));
    }

    @Test
    void theAttemptAfterTheRelayTimeoutIssuesRelayFailure() {
        ConnectorMessage message = accepted();
        f.clock.advance(RELAY.minusSeconds(1));
        assertThat(retries(RELAY, Map.of()).failed(message.connectorMessageId(), 150, "HTTP 503"))
                .isInstanceOf(SendRetries.TryAgain.class);

        f.clock.advance(Duration.ofSeconds(1));
        SendRetries.Decision last = retries(RELAY, Map.of()).failed(message.connectorMessageId(), 151, "HTTP 503");

        assertThat(last).isEqualTo(new SendRetries.GaveUp("HTTP 503 (attempt 151; the relay timeout of PT12H from the "
                + "submission has passed)"));
        assertThat(f.reload(message.connectorMessageId()).state()).isEqualTo(MessageState.RELAY_FAILED);
        assertThat(f.store.findEvidence(message.connectorMessageId(), EvidenceType.RELAY_REMMD_FAILURE,
                EvidenceOrigin.ISSUED)).isPresent();
    }

    @Test
    void aPartnersOwnTimeoutDecidesForItsMessages() {
        ConnectorMessage message = accepted();
        f.clock.advance(Duration.ofHours(2));

        assertThat(retries(RELAY, Map.of("de-connector", Duration.ofHours(1)))
                .failed(message.connectorMessageId(), 30, "HTTP 503")).isInstanceOf(SendRetries.GaveUp.class);
    }

    @Test
    void withoutARelayTimeoutASendIsTriedAgainForAsLongAsTheBrokerKeepsIt() {
        ConnectorMessage message = accepted();
        f.clock.advance(Duration.ofDays(30));

        assertThat(retries(null, Map.of()).failed(message.connectorMessageId(), 9000, "HTTP 503"))
                .isEqualTo(new SendRetries.TryAgain(Optional.empty()));
        assertThat(f.store.timeline(message.connectorMessageId())).last().extracting(TimelineEntry::detail)
                .isEqualTo("send attempt 9000 failed: HTTP 503; tried again");
    }

    @Test
    void aMessageNoLongerWaitingIsLeftAlone() {
        ConnectorMessage sent = f.stored(SampleMessages.outbound(T0).state(MessageState.SENT).build());
        f.clock.advance(RELAY.plusHours(1));

        assertThat(retries(RELAY, Map.of()).failed(sent.connectorMessageId(), 3, "HTTP 503"))
                .isEqualTo(new SendRetries.Done("it is SENT"));
        assertThat(f.reload(sent.connectorMessageId()).state()).isEqualTo(MessageState.SENT);
    }
}
