package eu.lexbridge.core.flow;

import eu.lexbridge.core.message.ConnectorMessage;
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
 * for a reason that may pass (the partner down, its network unreachable) is tried again.
 */
public final class RelayTimeout {

    private final Duration standard;
    private final Map<String, Duration> byPartner;
    private final PartnerDirectory partners;

    /**
     * @param standard the timeout of every partner not named in {@code byPartner}, or {@code null} for none: sends are
     *     then tried until the broker gives up and dead-letters them
     * @param byPartner timeouts by partner name
     */
    public RelayTimeout(Duration standard, Map<String, Duration> byPartner, PartnerDirectory partners) {
        check(standard, "the relay timeout");
        byPartner.forEach((name, timeout) -> check(timeout, "the relay timeout of partner " + name));
        this.standard = standard;
        this.byPartner = Map.copyOf(byPartner);
        this.partners = Objects.requireNonNull(partners, "partners");
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

    /** When the message's timeout ends, or empty when it has none. */
    public Optional<Instant> endOf(ConnectorMessage message) {
        return of(message).map(timeout -> message.createdAt().plus(timeout));
    }

    /** Whether the message's timeout has ended at {@code now}. */
    public boolean passed(ConnectorMessage message, Instant now) {
        return endOf(message).filter(end -> !now.isBefore(end)).isPresent();
    }

    /** The shortest timeout of any partner, or empty when none has one: how far back overdue messages are looked for. */
    public Optional<Duration> shortest() {
        return Stream.concat(Stream.ofNullable(standard),
                byPartner.values().stream()).min(Duration::compareTo);
    }

    /** The longest timeout of any partner, or empty when none has one: how long the broker must keep a send going. */
    public Optional<Duration> longest() {
        return Stream.concat(Stream.ofNullable(standard),
                byPartner.values().stream()).max(Duration::compareTo);
    }
}
