package eu.lexbridge.core.flow;

import eu.lexbridge.core.evidence.BackendConfirmation;
import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.RejectionReason;
import eu.lexbridge.core.flow.EvidenceIssuer.Route;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.TimelineEntry;
import eu.lexbridge.core.port.BackendLink;
import eu.lexbridge.core.port.BackendRouter;
import eu.lexbridge.core.port.MessageStore;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * Routes a taken-in inbound message to its back-end, makes it available there, and offers it through the back-end link:
 * held for the back-end to fetch (pull), or pushed to it. The back-end's confirmation comes later
 * ({@link BackendInbox#confirm}); a push the back-end refuses is answered with NON_DELIVERY at once.
 *
 * <p>The back-end is chosen in the official connector's order: a message of a known conversation goes to the back-end
 * that owns the conversation; otherwise the {@link BackendRouter} decides (routing rules, then the default back-end).
 * (An evidence goes to the back-end of its original message: {@link EvidenceCorrelation} routes it.) Back-ends the
 * router names for a copy, such as an archive, are offered the message too; a copy's answer is no confirmation.
 */
public final class BackendDelivery {

    private final MessageStore store;
    private final BackendRouter router;
    private final BackendLink link;
    private final EvidenceIssuer evidences;
    private final Clock clock;

    public BackendDelivery(MessageStore store, BackendRouter router, BackendLink link, EvidenceIssuer evidences,
                           Clock clock) {
        this.store = store;
        this.router = router;
        this.link = link;
        this.evidences = evidences;
        this.clock = clock;
    }

    /** What offering a message to its back-end did. An unreachable back-end asks for another attempt (exception). */
    public sealed interface Outcome permits Available, Refused, Skipped {
    }

    /**
     * The back-end has the message, or may fetch it: it waits in AVAILABLE_TO_BACKEND for the back-end's confirmation.
     *
     * @param detail how it was offered (held for pull, or what the push answered)
     */
    public record Available(String backendName, String detail) implements Outcome {
        public Available {
            Objects.requireNonNull(backendName, "backendName");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The back-end refused the pushed message: NON_DELIVERY goes back to the sender in {@code reply}. */
    public record Refused(UUID reply, String reason) implements Outcome {
        public Refused {
            Objects.requireNonNull(reply, "reply");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Nothing to do: the message is unknown, or past this step. */
    public record Skipped(String why) implements Outcome {
        public Skipped {
            Objects.requireNonNull(why, "why");
        }
    }

    /**
     * @throws RetryableSendException when a push back-end could not be reached; the route's redelivery tries again
     */
    public Outcome deliver(UUID connectorMessageId) {
        ConnectorMessage message = store.find(connectorMessageId).orElse(null);
        if (message != null && message.state() == MessageState.RECEIVED) {
            String owner = conversationOwner(message);
            String backend = owner != null ? owner : router.backendFor(message);
            store.assignBackend(connectorMessageId, backend);
            store.advance(connectorMessageId, MessageState.AVAILABLE_TO_BACKEND, "available to back-end " + backend
                    + (owner != null ? ", the owner of its conversation" : ""), clock.instant());
            message = store.find(connectorMessageId).orElseThrow();
        }
        if (message == null || message.state() != MessageState.AVAILABLE_TO_BACKEND) {
            return new Skipped("message " + connectorMessageId + (message == null ? " is unknown"
                    : " is " + message.state()));
        }
        // A redelivered step offers the message again: a push back-end whose first answer was lost gets it twice.
        BackendLink.Handover handover = link.deliver(message);
        if (handover instanceof BackendLink.Unreachable unreachable) {
            throw new RetryableSendException("back-end " + message.backendName() + " could not be reached: "
                    + unreachable.detail());
        }
        offerCopies(message);
        if (handover instanceof BackendLink.Refused refused) {
            Evidence nonDelivery = evidences.issue(message, BackendConfirmation.NON_DELIVERY.evidence(),
                    Route.OWN_MESSAGE, BackendConfirmation.NON_DELIVERY.reaches(),
                    RejectionReason.BACKEND_REJECTION.because("back-end " + message.backendName()
                            + " refused the message: " + refused.detail()));
            return new Refused(nonDelivery.carrierMessageId(), nonDelivery.reason());
        }
        if (handover instanceof BackendLink.Pushed pushed) {
            String detail = "pushed to back-end " + message.backendName() + ": " + pushed.detail();
            store.note(TimelineEntry.state(connectorMessageId, clock.instant(), message.state(), detail));
            return new Available(message.backendName(), detail);
        }
        return new Available(message.backendName(), "held for back-end " + message.backendName() + " to fetch");
    }

    /**
     * The back-end of the earliest message of the conversation exchanged with the same partner, or {@code null}. The
     * sender chooses a conversation id, so only the partner a conversation is held with continues it: another partner
     * that reuses the id (by chance or to reach that back-end) is routed as a new conversation.
     */
    private String conversationOwner(ConnectorMessage message) {
        return store.conversationOwner(message.conversationId(), message.from().partyId(),
                message.connectorMessageId()).orElse(null);
    }

    /**
     * Offers the message to each back-end that gets a copy. A copy is never the message's own: its back-end cannot
     * confirm it (the inbox knows the message under its own back-end only), so a refusal is noted and changes nothing.
     * An unreachable copy back-end asks for another attempt, which offers the message to its own back-end again too.
     */
    private void offerCopies(ConnectorMessage message) {
        for (String copyTo : router.copiesFor(message)) {
            if (copyTo.equals(message.backendName())) {
                continue; // its own back-end has it already
            }
            BackendLink.Handover handover = link.deliver(message.toBuilder().backendName(copyTo).build());
            if (handover instanceof BackendLink.Unreachable unreachable) {
                throw new RetryableSendException("back-end " + copyTo + ", which gets a copy, could not be reached: "
                        + unreachable.detail());
            }
            String detail = handover instanceof BackendLink.Pushed pushed
                    ? "copy pushed to back-end " + copyTo + ": " + pushed.detail()
                    : handover instanceof BackendLink.Refused refused
                    ? "copy refused by back-end " + copyTo + ", no evidence follows from a copy: " + refused.detail()
                    // a pull back-end's inbox lists the messages routed to it, not copies: say so, claim nothing
                    : "no copy for back-end " + copyTo + ": it pulls, and copies reach push back-ends only";
            store.note(TimelineEntry.state(message.connectorMessageId(), clock.instant(), message.state(), detail));
        }
    }
}
