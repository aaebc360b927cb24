package eu.lexbridge.core.flow;

import eu.lexbridge.core.evidence.RejectionReason;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.TimelineEntry;
import eu.lexbridge.core.port.MessageStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What follows a send that failed in a way that may pass ({@link RetryableSendException}): another attempt, as long as
 * the message's relay timeout ({@link RelayTimeout}) has not passed, each attempt noted on its timeline; then
 * RELAY_REMMD_FAILURE. So a partner that is down for an hour, or restarts for its maintenance, still gets the message,
 * as with the official connector, where a count of attempts gave up after about a minute.
 */
public final class SendRetries {

    /** How a failed attempt is noted on the timeline; the notes keep a retrying message from looking stalled. */
    static final String ATTEMPT_FAILED = "send attempt ";

    private final MessageStore store;
    private final Dispatch dispatch;
    private final RelayTimeout relay;
    private final Clock clock;

    public SendRetries(MessageStore store, Dispatch dispatch, RelayTimeout relay, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.dispatch = Objects.requireNonNull(dispatch, "dispatch");
        this.relay = Objects.requireNonNull(relay, "relay");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What to do after a failed attempt. */
    public sealed interface Decision permits TryAgain, GaveUp, Done {
    }

    /** Roll back: the broker delivers the message again after its back-off delay. */
    public record TryAgain(Optional<Instant> until) implements Decision {
    }

    /** The relay timeout has passed: RELAY_REMMD_FAILURE is issued (or an evidence message marked failed). */
    public record GaveUp(String reason) implements Decision {
    }

    /** The message no longer waits to be sent (sent, or ended another way meanwhile): nothing more to do. */
    public record Done(String why) implements Decision {
    }

    /**
     * @param attempt the attempt that failed, 1 for the first
     * @param why the sentence the gateway gave
     */
    public Decision failed(UUID connectorMessageId, int attempt, String why) {
        ConnectorMessage message = store.find(connectorMessageId).orElse(null);
        if (message == null || message.state() != MessageState.ACCEPTED) {
            return new Done(message == null ? "unknown" : "it is " + message.state());
        }
        Instant now = clock.instant();
        Optional<Instant> until = relay.endOf(message);
        if (until.filter(end -> !now.isBefore(end)).isPresent()) {
            String reason = why + " (attempt " + attempt + "; the relay timeout of "
                    + relay.of(message).orElseThrow() + " from the submission has passed)";
            dispatch.giveUp(connectorMessageId, RejectionReason.UNREACHABLE.because(reason));
            return new GaveUp(reason);
        }
        store.note(TimelineEntry.state(connectorMessageId, now, MessageState.ACCEPTED, ATTEMPT_FAILED + attempt
                + " failed: " + why + "; tried again" + until.map(end -> " until " + end).orElse("")));
        return new TryAgain(until);
    }
}
