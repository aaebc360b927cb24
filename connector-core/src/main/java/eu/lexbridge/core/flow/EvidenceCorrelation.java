package eu.lexbridge.core.flow;

import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.message.TimelineEntry;
import eu.lexbridge.core.port.EvidenceVerifier;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.port.PartnerDirectory;
import eu.lexbridge.core.port.SecurityEvents;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Matches a received evidence message to the message we sent, checks its seal, and moves that message's state. An
 * evidence that refers to nothing we sent, comes from a party we did not send to, or whose seal or signer fails,
 * changes no state and is a security event; the subject's timeline says why it was refused.
 */
public final class EvidenceCorrelation {

    private final MessageStore store;
    private final EvidenceIntake intake;
    private final SecurityEvents security;
    private final Clock clock;

    public EvidenceCorrelation(MessageStore store, PartnerDirectory partners, EvidenceVerifier verifier,
                               SecurityEvents security, Clock clock) {
        this.store = store;
        this.intake = new EvidenceIntake(store, partners, verifier, security, clock);
        this.security = security;
        this.clock = clock;
    }

    /** What became of a received evidence message. */
    public sealed interface Outcome permits Recorded, Refused, Skipped {
    }

    /** The evidence is kept about the message we sent (now, or by an earlier carrier of the same evidence). */
    public record Recorded(UUID subjectMessageId, EvidenceType type) implements Outcome {
        public Recorded {
            Objects.requireNonNull(subjectMessageId, "subjectMessageId");
            Objects.requireNonNull(type, "type");
        }
    }

    /** The evidence is refused; no state moved. */
    public record Refused(String why) implements Outcome {
        public Refused {
            Objects.requireNonNull(why, "why");
        }
    }

    /** Nothing to do: the carrier is unknown or was handled before. */
    public record Skipped(String why) implements Outcome {
        public Skipped {
            Objects.requireNonNull(why, "why");
        }
    }

    public Outcome correlate(UUID carrierId) {
        ConnectorMessage carrier = store.find(carrierId).orElse(null);
        if (carrier == null || carrier.state() != MessageState.RECEIVED) {
            return new Skipped("evidence message " + carrierId + (carrier == null ? " is unknown"
                    : " is " + carrier.state()));
        }
        Optional<PayloadRef> document = carrier.payload(PayloadKind.EVIDENCE);
        Optional<EvidenceType> type = document.flatMap(d -> EvidenceType.fromPayloadDescription(d.name()));
        if (type.isEmpty()) {
            return refuse(carrier, "it carries no evidence document");
        }
        Optional<ConnectorMessage> subject = store.findByEbmsId(carrier.refToMessageId(), Direction.OUTBOUND);
        if (subject.isEmpty()) {
            return refuse(carrier, "it refers to " + carrier.refToMessageId() + ", which we did not send");
        }
        if (!subject.get().to().partyId().equals(carrier.from().partyId())) {
            return refuse(carrier, "it comes from party " + carrier.from().partyId() + ", not from the recipient "
                    + subject.get().to().partyId());
        }
        UUID subjectId = subject.get().connectorMessageId();
        var verdict = intake.verify(document.get(), type.get(), carrier.from().partyId(), carrier.refToMessageId());
        if (!verdict.acceptable()) {
            store.note(TimelineEntry.evidence(subjectId, clock.instant(), type.get(), EvidenceOrigin.RECEIVED,
                    "refused, state unchanged: " + verdict.problem()));
            return refuse(carrier, type.get() + " about message " + subjectId + ": " + verdict.problem());
        }
        intake.record(subjectId, type.get(), document.get(), carrierId, type.get().outboundState(),
                type.get() + " received from party " + carrier.from().partyId() + "; " + verdict.check().finding());
        // an evidence goes to the back-end of its original message, whatever the rules say (ecodex-wire.md §2.5)
        store.assignBackend(carrierId, subject.get().backendName());
        store.advance(carrierId, MessageState.AVAILABLE_TO_BACKEND,
                "evidence about message " + subjectId + " recorded", clock.instant());
        return new Recorded(subjectId, type.get());
    }

    private Refused refuse(ConnectorMessage carrier, String why) {
        security.record(SecurityEvents.Kind.EVIDENCE_REFUSED, "evidence message " + carrier.ebmsMessageId()
                + " from party " + carrier.from().partyId() + " refused: " + why);
        store.advance(carrier.connectorMessageId(), MessageState.NOT_DELIVERED_TO_BACKEND, "refused: " + why,
                clock.instant());
        return new Refused(why);
    }
}
