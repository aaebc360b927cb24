package eu.lexbridge.core.flow;

import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceCheck;
import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.flow.EvidenceIssuer.Route;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.message.TimelineEntry;
import eu.lexbridge.core.port.ContainerPacker;
import eu.lexbridge.core.port.EvidenceVerifier;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.port.PartnerDirectory;
import eu.lexbridge.core.port.SecurityEvents;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes a received business message in: keeps the sender's SUBMISSION_ACCEPTANCE and answers RELAY_REMMD_ACCEPTANCE,
 * which travels back as an AS4 message of its own.
 */
public final class InboundAcceptance {


    private final MessageStore store;
    private final PartnerDirectory partners;
    private final EvidenceVerifier verifier;
    private final EvidenceIssuer evidences;
    private final ContainerPacker containers;
    private final SecurityEvents security;
    private final Clock clock;

    public InboundAcceptance(MessageStore store, PartnerDirectory partners, EvidenceVerifier verifier,
                             EvidenceIssuer evidences, ContainerPacker containers, SecurityEvents security,
                             Clock clock) {
        this.security = security;
        this.store = store;
        this.partners = partners;
        this.verifier = verifier;
        this.evidences = evidences;
        this.containers = containers;
        this.clock = clock;
    }

    /** @return the evidence messages to send back (relay acceptance, and non-delivery for a refused container) */
    public List<UUID> accept(UUID connectorMessageId) {
        ConnectorMessage message = store.find(connectorMessageId).orElse(null);
        if (message == null) {
            return List.of();
        }
        for (PayloadRef payload : message.payloads()) {
            var type = EvidenceType.fromPayloadDescription(payload.name());
            if (payload.kind() == PayloadKind.EVIDENCE && type.isPresent()
                    && store.findEvidence(connectorMessageId, type.get(), EvidenceOrigin.RECEIVED).isEmpty()) {
                keepSendersEvidence(message, type.get(), payload);
            }
        }
        // Relay acceptance says "we have it", before any check of its content, as the official connector does.
        Evidence relay = evidences.issue(message, EvidenceType.RELAY_REMMD_ACCEPTANCE, Route.OWN_MESSAGE, null, null);
        List<UUID> replies = new ArrayList<>(List.of(relay.carrierMessageId()));
        unpackContainer(message).ifPresent(replies::add);
        return replies;
    }

    /**
     * Opens the e-CODEX container, once: its document and attachments become the message's payloads. A container
     * that fails its checks means NON_DELIVERY back to the sender, as the official connector answers.
     */
    private Optional<UUID> unpackContainer(ConnectorMessage message) {
        var container = message.payload(PayloadKind.CONTAINER);
        var sender = partners.byPartyId(message.from().partyId());
        if (container.isEmpty() || sender.isEmpty() || message.payload(PayloadKind.BUSINESS_DOCUMENT).isPresent()) {
            return Optional.empty();
        }
        ContainerPacker.Unpacked unpacked = containers.unpack(container.get(),
                message.payload(PayloadKind.TRUST_TOKEN).orElse(null), sender.get());
        if (unpacked.valid()) {
            store.addPayloads(message.connectorMessageId(), unpacked.content());
            store.note(TimelineEntry.state(message.connectorMessageId(), clock.instant(), message.state(),
                    unpacked.finding()));
            return Optional.empty();
        }
        security.record(SecurityEvents.Kind.CONTAINER_REFUSED, "container of message " + message.ebmsMessageId()
                + " from party " + message.from().partyId() + " refused: " + unpacked.finding());
        Evidence refusal = evidences.issue(message, EvidenceType.NON_DELIVERY, Route.OWN_MESSAGE,
                MessageState.NOT_DELIVERED_TO_BACKEND, "E100 the e-CODEX container was refused: " + unpacked.finding());
        return Optional.of(refusal.carrierMessageId());
    }

    /** The sender's own evidence travels with the message; it is kept only if its seal holds. */
    private void keepSendersEvidence(ConnectorMessage message, EvidenceType type, PayloadRef payload) {
        UUID id = message.connectorMessageId();
        var sender = partners.byPartyId(message.from().partyId());
        EvidenceCheck check = sender.isPresent() ? verifier.check(payload, sender.get())
                : EvidenceCheck.unusable("the sending party is not a configured partner");
        if (check.acceptable() && check.type() == type) {
            store.recordEvidence(new Evidence(UUID.randomUUID(), id, type, EvidenceOrigin.RECEIVED, payload, id,
                    clock.instant(), null), null, null, type + " received with the message; " + check.finding());
        } else {
            security.record(SecurityEvents.Kind.EVIDENCE_REFUSED, type + " in message " + message.ebmsMessageId()
                    + " refused: " + check.finding());
            store.note(TimelineEntry.evidence(id, clock.instant(), type, EvidenceOrigin.RECEIVED,
                    "refused: " + check.finding()));
        }
    }
}
