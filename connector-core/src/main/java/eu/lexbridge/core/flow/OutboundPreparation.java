package eu.lexbridge.core.flow;

import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.flow.EvidenceIssuer.Route;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.port.ContainerPacker;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.port.PartnerDirectory;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares a submitted message for sending: seals its business document and attachments in the e-CODEX container
 * and issues SUBMISSION_ACCEPTANCE, or SUBMISSION_REJECTION.
 */
public final class OutboundPreparation {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundPreparation.class);

    private final MessageStore store;
    private final PartnerDirectory partners;
    private final EvidenceIssuer evidences;
    private final ContainerPacker containers;

    public OutboundPreparation(MessageStore store, PartnerDirectory partners, EvidenceIssuer evidences,
                               ContainerPacker containers) {
        this.store = store;
        this.partners = partners;
        this.evidences = evidences;
        this.containers = containers;
    }

    /** @return true if the message is accepted and goes on to dispatch */
    public boolean prepare(UUID connectorMessageId) {
        ConnectorMessage message = store.find(connectorMessageId).orElse(null);
        if (message == null) {
            return false;
        }
        if (message.state() != MessageState.SUBMITTED) {
            return message.state() == MessageState.ACCEPTED; // a redelivery: the work is done
        }
        if (partners.byPartyId(message.to().partyId()).isEmpty()) {
            evidences.issue(message, EvidenceType.SUBMISSION_REJECTION, Route.BACKEND_ONLY, MessageState.REJECTED,
                    "recipient party " + message.to().partyId() + " is no longer configured");
            return false;
        }
        if (message.payload(PayloadKind.BUSINESS_DOCUMENT).isPresent()
                && message.payload(PayloadKind.CONTAINER).isEmpty()) {
            try {
                store.addPayloads(connectorMessageId, containers.pack(message));
            } catch (RuntimeException e) {
                LOG.warn("the container for message {} could not be built", connectorMessageId, e);
                evidences.issue(message, EvidenceType.SUBMISSION_REJECTION, Route.BACKEND_ONLY, MessageState.REJECTED,
                        "E100 the e-CODEX container could not be built: " + e.getMessage());
                return false;
            }
        }
        evidences.issue(message, EvidenceType.SUBMISSION_ACCEPTANCE, Route.WITH_SUBJECT, MessageState.ACCEPTED, null);
        return true;
    }
}
