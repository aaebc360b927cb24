package eu.lexbridge.core.flow;

import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.flow.EvidenceIssuer.Route;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.port.ContainerPacker;
import eu.lexbridge.core.port.EvidenceVerifier;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.port.PartnerDirectory;
import eu.lexbridge.core.port.SecurityEvents;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes a received business message in: keeps the sender's SUBMISSION_ACCEPTANCE ({@link EvidenceIntake}), answers
 * RELAY_REMMD_ACCEPTANCE, which travels back as an AS4 message of its own, and opens the e-CODEX container
 * ({@link ContainerIntake}).
 */
public final class InboundAcceptance {

    private final MessageStore store;
    private final EvidenceIssuer evidences;
    private final EvidenceIntake sendersEvidence;
    private final ContainerIntake container;

    public InboundAcceptance(MessageStore store, PartnerDirectory partners, EvidenceVerifier verifier,
                             EvidenceIssuer evidences, ContainerPacker containers, SecurityEvents security,
                             Clock clock) {
        this.store = store;
        this.evidences = evidences;
        this.sendersEvidence = new EvidenceIntake(store, partners, verifier, security, clock);
        this.container = new ContainerIntake(store, partners, evidences, containers, security, clock);
    }

    /** What taking a message in did. */
    public sealed interface Outcome permits Accepted, Refused, Skipped {
        /** The evidence messages to send back to the sender, in the order they were issued. */
        List<UUID> replies();
    }

    /** Relay acceptance issued, container (if any) opened: the message goes on to its back-end. */
    public record Accepted(List<UUID> replies) implements Outcome {
        public Accepted {
            replies = List.copyOf(replies);
        }
    }

    /**
     * Relay acceptance issued, then the container refused: NON_DELIVERY goes back too and the message goes no further
     * (NOT_DELIVERED_TO_BACKEND).
     */
    public record Refused(List<UUID> replies, String reason) implements Outcome {
        public Refused {
            replies = List.copyOf(replies);
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Nothing to do: the message is unknown. */
    public record Skipped(String why) implements Outcome {
        public Skipped {
            Objects.requireNonNull(why, "why");
        }

        @Override
        public List<UUID> replies() {
            return List.of();
        }
    }

    public Outcome accept(UUID connectorMessageId) {
        ConnectorMessage message = store.find(connectorMessageId).orElse(null);
        if (message == null) {
            return new Skipped("message " + connectorMessageId + " is unknown");
        }
        sendersEvidence.keepSendersEvidences(message);
        // Relay acceptance says "we have it", before any check of its content, as the official connector does.
        Evidence relay = evidences.issue(message, EvidenceType.RELAY_REMMD_ACCEPTANCE, Route.OWN_MESSAGE, null, null);
        Optional<Evidence> refusal = container.open(message);
        if (refusal.isPresent()) {
            return new Refused(List.of(relay.carrierMessageId(), refusal.get().carrierMessageId()),
                    refusal.get().reason());
        }
        return new Accepted(List.of(relay.carrierMessageId()));
    }
}
