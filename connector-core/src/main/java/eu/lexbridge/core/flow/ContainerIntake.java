package eu.lexbridge.core.flow;

import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.evidence.RejectionReason;
import eu.lexbridge.core.flow.EvidenceIssuer.Route;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.TimelineEntry;
import eu.lexbridge.core.port.ContainerPacker;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.port.PartnerDirectory;
import eu.lexbridge.core.port.SecurityEvents;
import java.time.Clock;
import java.util.Optional;

/**
 * Opens the e-CODEX container of a received business message, once: its document and attachments become the message's
 * payloads. A container that fails its checks means NON_DELIVERY back to the sender, as the official connector answers,
 * and is a security event.
 */
final class ContainerIntake {

    private final MessageStore store;
    private final PartnerDirectory partners;
    private final EvidenceIssuer evidences;
    private final ContainerPacker containers;
    private final SecurityEvents security;
    private final Clock clock;

    ContainerIntake(MessageStore store, PartnerDirectory partners, EvidenceIssuer evidences, ContainerPacker containers,
                    SecurityEvents security, Clock clock) {
        this.store = store;
        this.partners = partners;
        this.evidences = evidences;
        this.containers = containers;
        this.security = security;
        this.clock = clock;
    }

    /**
     * @return the NON_DELIVERY issued when the container is refused; empty when it was opened now or before, or the
     *     message has none
     */
    Optional<Evidence> open(ConnectorMessage message) {
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
        return Optional.of(evidences.issue(message, EvidenceType.NON_DELIVERY, Route.OWN_MESSAGE,
                MessageState.NOT_DELIVERED_TO_BACKEND,
                RejectionReason.OTHER.because("the e-CODEX container was refused: " + unpacked.finding())));
    }
}
