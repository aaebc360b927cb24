package eu.lexbridge.core.flow;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.MessageKind;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.PartName;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.MessageBus;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.port.PartnerDirectory;
import eu.lexbridge.core.port.PayloadStore;
import eu.lexbridge.core.port.SecurityEvents;
import eu.lexbridge.core.port.TransmissionReceiver;
import eu.lexbridge.core.transport.Envelope;
import eu.lexbridge.core.transport.IncomingPart;
import eu.lexbridge.core.transport.ReceptionOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores what the access point received and queues it. Duplicates are found in the database by ebMS id, for as long
 * as the message is kept, not in a short in-memory window.
 */
public final class InboundReception implements TransmissionReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(InboundReception.class);

    private final MessageStore store;
    private final PayloadStore payloads;
    private final PartnerDirectory partners;
    private final ServiceCatalogue services;
    private final MessageBus bus;
    private final SecurityEvents security;
    private final Clock clock;
    private final long maxPartBytes;

    /** @param services the service/action pairs a business message may come for (evidence messages come for any) */
    public InboundReception(MessageStore store, PayloadStore payloads, PartnerDirectory partners,
                            ServiceCatalogue services, MessageBus bus, SecurityEvents security, Clock clock,
                            PayloadLimits limits) {
        this.services = services;
        this.security = security;
        this.store = store;
        this.payloads = payloads;
        this.partners = partners;
        this.bus = bus;
        this.clock = clock;
        // an AS4 part is one payload, or the container of them all; its entries are held to the limits when it is opened
        this.maxPartBytes = limits.maxContainerBytes();
    }

    @Override
    public ReceptionOutcome receive(Envelope envelope, List<IncomingPart> parts, String signer) {
        var known = store.findByEbmsId(envelope.ebmsMessageId(), Direction.INBOUND);
        if (known.isPresent()) {
            LOG.info("duplicate AS4 message {} ignored", LogSafe.of(envelope.ebmsMessageId()));
            if (known.get().state() == MessageState.RECEIVED) {
                queue(known.get()); // the first reception may have stopped before it was queued
            }
            return ReceptionOutcome.DUPLICATE;
        }
        var partner = partners.byPartyId(envelope.from().partyId()).orElseThrow(() -> {
            security.record(SecurityEvents.Kind.UNKNOWN_PARTNER, "AS4 message " + envelope.ebmsMessageId()
                    + " from unknown party " + envelope.from().partyId() + " refused");
            return new ConnectorException(ErrorCode.AS4_UNKNOWN_PARTNER,
                    "party " + envelope.from().partyId() + " is not a configured partner");
        });
        boolean evidence = envelope.refToMessageId() != null && EvidenceType.isEvidenceAction(envelope.action());
        if (!evidence && services.find(envelope.service().value(), envelope.action()).isEmpty()) {
            // As Domibus answers a message no PMode leg matches: the partner's operator sees the pair at once.
            throw new ConnectorException(ErrorCode.UNKNOWN_SERVICE_ACTION, "service " + envelope.service().value()
                    + " with action " + envelope.action() + " is not exchanged with this connector");
        }
        List<PayloadRef> written = new ArrayList<>();
        boolean mayBeStored = false;
        try {
            for (IncomingPart part : parts) {
                try (InputStream in = part.content().open()) {
                    PayloadKind kind = PayloadDescriptions.kindOf(part.description());
                    String name = PayloadDescriptions.storedName(kind, part.description(), part.name());
                    written.add(payloads.write(kind, usableName(envelope, name, written.size() + 1), part.mimeType(),
                            in, maxPartBytes));
                }
            }
            ConnectorMessage message = ConnectorMessage.builder()
                    .kind(evidence ? MessageKind.EVIDENCE : MessageKind.BUSINESS)
                    .direction(Direction.INBOUND)
                    .state(MessageState.RECEIVED)
                    .ebmsMessageId(envelope.ebmsMessageId())
                    .conversationId(envelope.conversationId())
                    .refToMessageId(envelope.refToMessageId())
                    .service(envelope.service())
                    .action(envelope.action())
                    .from(envelope.from())
                    .to(envelope.to())
                    .originalSender(envelope.originalSender())
                    .finalRecipient(envelope.finalRecipient())
                    .createdAt(clock.instant())
                    .payloads(written)
                    .build();
            mayBeStored = true;
            boolean inserted = store.insert(message, "received over AS4 from " + partner.name() + ", signed by "
                    + signer);
            mayBeStored = false;
            if (!inserted) {
                return ReceptionOutcome.DUPLICATE; // a concurrent redelivery stored it first
            }
            written.clear();
            queue(message);
            return ReceptionOutcome.ACCEPTED;
        } catch (IOException e) {
            throw new ConnectorException(ErrorCode.MALFORMED_REQUEST, null, "an attachment could not be read", e);
        } finally {
            // An insert that failed may have committed all the same (the connection broke before the answer): its
            // parts stay, an orphan at worst, never a stored message without its bytes.
            if (!mayBeStored) {
                written.forEach(payloads::delete);
            }
        }
    }

    private void queue(ConnectorMessage message) {
        // If this throws, no receipt goes out and the sender's access point sends again: nothing is lost.
        bus.publish(Topology.RECEIVED.next(), message.connectorMessageId(), message.conversationId());
    }


    /**
     * A partner's part name becomes a stored name, a file name for the back-end and a header value: one that the
     * submission rule would refuse (too long, a path, a line break) is replaced, not trusted, and the message still
     * arrives — refusing it would lose a legal message over a name.
     */
    private static String usableName(Envelope envelope, String name, int position) {
        String problem = name == null ? "there is none" : PartName.problem(name);
        if (problem == null) {
            return name;
        }
        String replacement = "part-" + position;
        LOG.warn("AS4 message {}: part name {} is not usable ({}); stored as {}", LogSafe.of(envelope.ebmsMessageId()),
                LogSafe.of(name), problem, replacement);
        return replacement;
    }
}
