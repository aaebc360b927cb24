package eu.lexbridge.core.flow;

import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.evidence.RejectionReason;
import eu.lexbridge.core.flow.EvidenceIssuer.Route;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageKind;
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
 * payloads. A container that fails its checks, a business message without one, or a part travelling beside it means
 * NON_DELIVERY back to the sender, as the official connector answers, and is a security event.
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
     * @return the NON_DELIVERY issued when the container is refused or missing; empty when it was opened now or before,
     *     or the message is not a business message
     */
    Optional<Evidence> open(ConnectorMessage message) {
        if (message.kind() != MessageKind.BUSINESS || message.payload(PayloadKind.BUSINESS_DOCUMENT).isPresent()) {
            return Optional.empty(); // an evidence message, or opened before: only a container yields a document
        }
        var sender = partners.byPartyId(message.from().partyId());
        if (sender.isEmpty()) {
            return Optional.empty(); // reception refused it already; a partner removed since is not ours to judge
        }
        var container = message.payload(PayloadKind.CONTAINER);
        if (container.isEmpty()) {
            // The official connector answers a business message without its ASiC-S container the same way.
            return Optional.of(refuse(message, "no e-CODEX container (ASIC-S) came with the business message"));
        }
        var loose = message.payloads().stream().filter(p -> p.kind() == PayloadKind.ATTACHMENT).findFirst();
        if (loose.isPresent()) {
            // A part beside the container is covered by no seal: handing it on would pass off unsealed content.
            return Optional.of(refuse(message, "part '" + loose.get().name()
                    + "' travels outside the sealed e-CODEX container"));
        }
        ContainerPacker.Unpacked unpacked = containers.unpack(container.get(),
                message.payload(PayloadKind.TRUST_TOKEN).orElse(null), sender.get());
        if (unpacked.valid()) {
            store.addPayloads(message.connectorMessageId(), unpacked.content());
            store.note(TimelineEntry.state(message.connectorMessageId(), clock.instant(), message.state(),
                    unpacked.finding()));
            return Optional.empty();
        }
        return Optional.of(refuse(message, "the e-CODEX container was refused: " + unpacked.finding()));
    }

    private Evidence refuse(ConnectorMessage message, String why) {
        security.record(SecurityEvents.Kind.CONTAINER_REFUSED, "message " + message.ebmsMessageId()
                + " from party " + message.from().partyId() + " not delivered: " + why);
        return evidences.issue(message, EvidenceType.NON_DELIVERY, Route.OWN_MESSAGE,
                MessageState.NOT_DELIVERED_TO_BACKEND, RejectionReason.OTHER.because(why));
    }
}
