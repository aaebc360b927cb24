package eu.lexbridge.core.flow;

import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.evidence.RejectionReason;
import eu.lexbridge.core.flow.EvidenceIssuer.Route;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.port.MessageStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues the negative evidence a sent message is owed when the other side stays silent: RELAY_REMMD_FAILURE,
 * NON_DELIVERY, NON_RETRIEVAL. Each timeout counts from the submission, as the official connector's do; unlike it, the
 * retrieval timeout is enforced too, and the relay timeout may differ per partner ({@link RelayTimeout}). The evidences
 * go to our back-end only.
 */
public final class EvidenceTimeouts {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceTimeouts.class);
    private static final int BATCH = 500;

    private final MessageStore store;
    private final EvidenceIssuer evidences;
    private final Clock clock;
    private final RelayTimeout relay;
    private final Limits limits;

    /** @param relay how long RELAY_REMMD_ACCEPTANCE/REJECTION may take, per partner */
    public EvidenceTimeouts(MessageStore store, EvidenceIssuer evidences, Clock clock, RelayTimeout relay,
                            Limits limits) {
        this.store = store;
        this.evidences = evidences;
        this.clock = clock;
        this.relay = relay;
        this.limits = limits;
    }

    /**
     * How long after submission the later evidences may take; {@code null} switches that timeout off.
     *
     * @param delivery DELIVERY/NON_DELIVERY
     * @param retrieval RETRIEVAL/NON_RETRIEVAL
     */
    public record Limits(Duration delivery, Duration retrieval) {
        public Limits {
            for (Duration d : new Duration[] {delivery, retrieval}) {
                if (d != null && (d.isNegative() || d.isZero())) {
                    throw new IllegalArgumentException("an evidence timeout must be positive, was " + d);
                }
            }
        }
    }

    /** @return how many negative evidences were issued */
    public int enforce() {
        int issued = 0;
        Duration shortest = relay.shortest().orElse(null);
        if (shortest != null) {
            for (MessageState waiting : List.of(MessageState.ACCEPTED, MessageState.SENT)) {
                issued += expireRelay(waiting, shortest);
            }
        }
        if (limits.delivery() != null) {
            for (MessageState waiting : List.of(MessageState.SENT, MessageState.RELAYED)) {
                issued += expire(waiting, limits.delivery(), EvidenceType.NON_DELIVERY,
                        RejectionReason.DELIVERY_EVIDENCE_TIMEOUT);
            }
        }
        if (limits.retrieval() != null) {
            for (MessageState waiting : List.of(MessageState.SENT, MessageState.RELAYED, MessageState.DELIVERED)) {
                issued += expire(waiting, limits.retrieval(), EvidenceType.NON_RETRIEVAL,
                        RejectionReason.RETRIEVAL_EVIDENCE_TIMEOUT);
            }
        }
        return issued;
    }

    /** Looked for as far back as the shortest timeout reaches; each message then by its own partner's. */
    private int expireRelay(MessageState waiting, Duration shortest) {
        int issued = 0;
        Instant now = clock.instant();
        for (ConnectorMessage message : store.overdue(waiting, now.minus(shortest), BATCH)) {
            Duration limit = relay.of(message).orElse(null);
            if (limit == null || !relay.passed(message, now)) {
                continue;
            }
            LOG.info("message {} has waited {} for its relay evidence since {}", message.connectorMessageId(), limit,
                    message.createdAt());
            evidences.issue(message, EvidenceType.RELAY_REMMD_FAILURE, Route.BACKEND_ONLY,
                    EvidenceType.RELAY_REMMD_FAILURE.outboundState(),
                    RejectionReason.RELAY_REMMD_TIMEOUT.named("no evidence within " + limit));
            issued++;
        }
        return issued;
    }

    private int expire(MessageState waiting, Duration limit, EvidenceType type, RejectionReason reason) {
        int issued = 0;
        for (ConnectorMessage message : store.overdue(waiting, clock.instant().minus(limit), BATCH)) {
            LOG.info("message {} has waited {} for its evidence since {}: {}", message.connectorMessageId(), limit,
                    message.createdAt(), type);
            evidences.issue(message, type, Route.BACKEND_ONLY, type.outboundState(),
                    reason.named("no evidence within " + limit));
            issued++;
        }
        return issued;
    }
}
