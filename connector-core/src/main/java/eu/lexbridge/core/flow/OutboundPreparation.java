package eu.lexbridge.core.flow;

import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.flow.EvidenceIssuer.Route;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.port.PartnerDirectory;
import java.util.UUID;

/** Prepares a submitted message for sending and issues SUBMISSION_ACCEPTANCE, or SUBMISSION_REJECTION. */
public final class OutboundPreparation {

    private final MessageStore store;
    private final PartnerDirectory partners;
    private final EvidenceIssuer evidences;

    public OutboundPreparation(MessageStore store, PartnerDirectory partners, EvidenceIssuer evidences) {
        this.store = store;
        this.partners = partners;
        this.evidences = evidences;
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
        evidences.issue(message, EvidenceType.SUBMISSION_ACCEPTANCE, Route.WITH_SUBJECT, MessageState.ACCEPTED, null);
        return true;
    }
}
