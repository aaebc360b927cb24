package eu.lexbridge.core.flow;

import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.TimelineEntry;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.port.PartnerDirectory;
import eu.lexbridge.core.transport.Partner;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How long a sent message may take to reach its partner's access point before the sender's back-end gets
 * RELAY_REMMD_FAILURE: 12 hours by default, as the official connector's relay timeout, counted from the submission;
 * longer or shorter for one partner (one that announces long maintenance windows, say). Until then a send that fails
 * for a reason that may pass (the partner down, its network unreachable) is tried again. A message an operator sent
 * again ({@link Resend}) counts from its last resend.
 */
public final class RelayTimeout {

    private final Duration standard;
    private final Map<String, Duration> byPartner;
    private final PartnerDirectory partners;
    private final MessageStore store;

    /**
     * @param standard the timeout of every partner not named in {@code byPartner}, or {@code null} for none: sends are
     *     then tried until the broker gives up and dead-letters them
     * @param byPartner timeouts by partner name
     * @param store where a resend is found, on the timeline of a message past its timeout from the submission
     */
    public RelayTimeout(Duration standard, Map<String, Duration> byPartner, PartnerDirectory partners,
                        MessageStore store) {
        check(standard, "the relay timeout");
        byPartner.forEach((name, timeout) -> check(timeout, "the relay timeout of partner " + name));
        this.standard = standard;
        this.byPartner = Map.copyOf(byPartner);
        this.partners = Objects.requireNonNull(partners, "partners");
        this.store = Objects.requireNonNull(store, "store");
    }

    private static void check(Duration timeout, String what) {
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException(what + " must be positive, was " + timeout);
        }
    }

    /** The timeout of a message to the party {@code message.to()}, or empty when it has none. */
    public Optional<Duration> of(ConnectorMessage message) {
        Duration own = partners.byPartyId(message.to().partyId()).map(Partner::name).map(byPartner::get)
                .orElse(null);
        return Optional.ofNullable(own != null ? own : standard);
    }

    /**
     * When the message's timeout ends, or empty when it has none: the timeout after its submission, or after its last
     * resend.
     */
    public Optional<Instant> endOf(ConnectorMessage message) {
        return of(message).map(timeout -> lastResend(message).orElse(message.createdAt()).plus(timeout));
    }

    /** Whether the message's timeout has ended at {@code now}; its timeline is read only past the first timeout. */
    public boolean passed(ConnectorMessage message, Instant now) {
        Optional<Duration> timeout = of(message);
        if (timeout.isEmpty() || now.isBefore(message.createdAt().plus(timeout.get()))) {
            return false;
        }
        return !now.isBefore(lastResend(message).orElse(message.createdAt()).plus(timeout.get()));
    }

    private Optional<Instant> lastResend(ConnectorMessage message) {
        return store.timeline(message.connectorMessageId()).stream()
                .filter(e -> e.detail() != null && e.detail().startsWith(Resend.RESENT))
                .map(TimelineEntry::at).max(Instant::compareTo);
    }

    /** The shortest timeout of any partner, or empty when none has one: how far back overdue messages are sought. */
    public Optional<Duration> shortest() {
        return Stream.concat(Stream.ofNullable(standard),
                byPartner.values().stream()).min(Duration::compareTo);
    }
}
