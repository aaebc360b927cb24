package eu.lexbridge.core.flow;

import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.evidence.Reason;
import eu.lexbridge.core.evidence.RejectionReason;
import eu.lexbridge.core.flow.EvidenceIssuer.Route;
import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.MessageKind;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.message.TimelineEntry;
import eu.lexbridge.core.port.GatewayLink;
import eu.lexbridge.core.port.GatewayOutcomes;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.port.PartnerDirectory;
import eu.lexbridge.core.transport.Envelope;
import eu.lexbridge.core.transport.OutgoingPart;
import eu.lexbridge.core.transport.SendOutcome;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands an accepted message (business or evidence) to the access point and records what became of it: at once, from a
 * synchronous gateway, or later through {@link GatewayOutcomes}, from an asynchronous one.
 */
public final class Dispatch implements GatewayOutcomes {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatch.class);
    /** The payload kinds that travel as AS4 parts of their own (ecodex-wire.md §3.2). */
    private static final Set<PayloadKind> ON_THE_WIRE = EnumSet.of(PayloadKind.BUSINESS_CONTENT, PayloadKind.CONTAINER,
            PayloadKind.TRUST_TOKEN, PayloadKind.EVIDENCE);
    /**
     * How a hand-over to an asynchronous gateway is recorded on the timeline: while the message is ACCEPTED with such
     * a line, it waits for the gateway's report and is not sent again.
     */
    static final String AWAITING_REPORT = "handed to the gateway, which reports later whether it was sent";

    private final MessageStore store;
    private final PartnerDirectory partners;
    private final GatewayLink gateway;
    private final EvidenceIssuer evidences;
    private final PartnerHolds holds;
    private final Clock clock;

    /** @param holds the partners an operator holds for their maintenance: nothing is sent to them meanwhile */
    public Dispatch(MessageStore store, PartnerDirectory partners, GatewayLink gateway, EvidenceIssuer evidences,
                    PartnerHolds holds, Clock clock) {
        this.store = store;
        this.partners = partners;
        this.gateway = gateway;
        this.evidences = evidences;
        this.holds = holds;
        this.clock = clock;
    }

    /** What a dispatch, a give-up or a gateway's report did. Another attempt is asked by RetryableSendException. */
    public sealed interface Outcome permits Sent, AwaitingReport, Failed, Skipped {
    }

    /** The partner's access point has the message: SENT. */
    public record Sent(String detail) implements Outcome {
        public Sent {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** An asynchronous gateway took the message; it stays ACCEPTED until the gateway reports. */
    public record AwaitingReport(String detail) implements Outcome {
        public AwaitingReport {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * Sending failed for good: RELAY_REMMD_FAILURE for a business message's back-end, RELAY_FAILED for an evidence
     * message.
     */
    public record Failed(String reason) implements Outcome {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Nothing to do: the message is unknown, or no longer waits to be sent. */
    public record Skipped(String why) implements Outcome {
        public Skipped {
            Objects.requireNonNull(why, "why");
        }
    }

    /**
     * Sends the message if it still waits to be sent.
     *
     * @throws RetryableSendException when another attempt may succeed
     */
    public Outcome dispatch(UUID connectorMessageId) {
        ConnectorMessage message = store.find(connectorMessageId).orElse(null);
        if (message == null || message.state() != MessageState.ACCEPTED) {
            return skipped(connectorMessageId, message); // already sent, or finished another way
        }
        if (awaitsReport(message)) {
            return new Skipped("message " + connectorMessageId + " is with the gateway, which has not reported yet");
        }
        var partner = partners.byPartyId(message.to().partyId());
        if (partner.isEmpty()) {
            return giveUp(connectorMessageId, RejectionReason.OTHER.because("party " + message.to().partyId()
                    + " is not a configured partner"));
        }
        var hold = holds.of(partner.get().name());
        if (hold.isPresent()) {
            throw new RetryableSendException("partner " + partner.get().name() + " is held since "
                    + hold.get().since() + " by " + hold.get().heldBy() + " (" + hold.get().reason() + ")");
        }
        var envelope = new Envelope(message.ebmsMessageId(), message.conversationId(), message.refToMessageId(),
                message.service(), message.action(), message.from(), message.to(), message.originalSender(),
                message.finalRecipient());
        SendOutcome outcome = gateway.send(envelope, parts(message), partner.get());
        return switch (outcome.status()) {
            case DELIVERED -> {
                String detail = "sent to " + partner.get().name() + "; " + outcome.detail();
                store.advance(connectorMessageId, MessageState.SENT, detail, clock.instant());
                yield new Sent(detail);
            }
            case PENDING -> {
                String detail = AWAITING_REPORT + " (to " + partner.get().name() + "); " + outcome.detail();
                store.note(TimelineEntry.state(connectorMessageId, clock.instant(), MessageState.ACCEPTED, detail));
                yield new AwaitingReport(detail);
            }
            case RETRYABLE_FAILURE -> throw new RetryableSendException(outcome.detail());
            case FAILED -> giveUp(connectorMessageId, RejectionReason.GW_REJECTION.because(outcome.detail()));
        };
    }

    /**
     * Records a final send failure at once: a business message gets RELAY_REMMD_FAILURE for its back-end, an
     * evidence message is marked failed.
     */
    public Outcome giveUp(UUID connectorMessageId, Reason reason) {
        return giveUp(connectorMessageId, () -> reason);
    }

    /** As {@link #giveUp(UUID, Reason)}, the reason asked for only when the message still waits to be sent. */
    private Outcome giveUp(UUID connectorMessageId, Supplier<Reason> why) {
        ConnectorMessage message = store.find(connectorMessageId).orElse(null);
        if (message == null || message.state() != MessageState.ACCEPTED) {
            return skipped(connectorMessageId, message);
        }
        Reason reason = why.get();
        // The reason may quote the partner's answer.
        LOG.warn("sending message {} failed for good: {}", connectorMessageId, LogSafe.of(reason.text(), 1024));
        if (message.kind() == MessageKind.BUSINESS && store.findEvidence(connectorMessageId,
                EvidenceType.RELAY_REMMD_FAILURE, EvidenceOrigin.ISSUED).isEmpty()) {
            evidences.issue(message, EvidenceType.RELAY_REMMD_FAILURE, Route.BACKEND_ONLY, MessageState.RELAY_FAILED,
                    reason);
        } else if (message.kind() == MessageKind.BUSINESS) {
            // sent again by an operator, and failed again: the back-end has its RELAY_REMMD_FAILURE from before
            store.advance(connectorMessageId, MessageState.RELAY_FAILED, "sent again, and it failed again: "
                    + reason.text(), clock.instant());
        } else {
            store.advance(connectorMessageId, MessageState.RELAY_FAILED, "the AS4 message could not be sent: "
                    + reason.text(), clock.instant());
        }
        return new Failed(reason.text());
    }

    @Override
    public Effect sent(String ebmsMessageId, String detail) {
        var message = store.findByEbmsId(ebmsMessageId, Direction.OUTBOUND);
        boolean moved = message.isPresent() && store.advance(message.get().connectorMessageId(), MessageState.SENT,
                "sent, the gateway reports; " + detail, clock.instant());
        return moved ? Effect.RECORDED : Effect.IGNORED;
    }

    @Override
    public Effect failed(String ebmsMessageId, Supplier<String> detail) {
        var message = store.findByEbmsId(ebmsMessageId, Direction.OUTBOUND);
        return message.isPresent() && giveUp(message.get().connectorMessageId(),
                () -> RejectionReason.GW_REJECTION.because(detail.get()))
                instanceof Failed ? Effect.RECORDED : Effect.IGNORED;
    }

    /** True when an asynchronous gateway has the message and has not reported yet: it must not be sent again. */
    boolean awaitsReport(ConnectorMessage message) {
        return message.state() == MessageState.ACCEPTED && store.timeline(message.connectorMessageId()).stream()
                .anyMatch(e -> e.state() == MessageState.ACCEPTED && e.detail() != null
                        && e.detail().startsWith(AWAITING_REPORT));
    }

    private static Skipped skipped(UUID connectorMessageId, ConnectorMessage message) {
        return new Skipped(message == null ? "message " + connectorMessageId + " is unknown"
                : "message " + connectorMessageId + " is " + message.state() + ", not waiting to be sent");
    }

    /**
     * The leading part first: the business content, then the container and its token, then the evidences. The document,
     * its signature and the attachments are inside the container and never travel beside it.
     */
    private List<OutgoingPart> parts(ConnectorMessage message) {
        List<OutgoingPart> parts = new ArrayList<>();
        for (PayloadRef payload : message.payloads()) {
            if (ON_THE_WIRE.contains(payload.kind())) {
                parts.add(new OutgoingPart(PayloadDescriptions.describe(payload), payload.mimeType(), payload));
            }
        }
        if (message.kind() == MessageKind.BUSINESS) {
            for (Evidence evidence : store.evidences(message.connectorMessageId())) {
                if (evidence.origin() == EvidenceOrigin.ISSUED
                        && message.connectorMessageId().equals(evidence.carrierMessageId())) {
                    parts.add(new OutgoingPart(evidence.type().payloadDescription(), "text/xml", evidence.document()));
                }
            }
        }
        return parts;
    }
}
