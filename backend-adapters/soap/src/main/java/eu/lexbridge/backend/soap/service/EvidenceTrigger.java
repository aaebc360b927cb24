package eu.lexbridge.backend.soap.service;

import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageConfirmationType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageType;
import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.evidence.BackendConfirmation;
import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.port.MessageStore;
import java.util.Optional;
import java.util.UUID;

/**
 * A {@code submitMessage} that asks the connector for an evidence about a message the back-end received, as the
 * official contract has it: no content, no attachments, exactly one {@code messageConfirmations} entry with a
 * back-end confirmation type and empty evidence bytes, and {@code refToMessageId} naming the received message by its
 * ebMS id or by the id this API gave it (the transport id). Addressing is taken from the received message, never from
 * the trigger, so a trigger cannot address anyone else.
 *
 * @param refToMessageId what the trigger refers to, as sent
 * @param confirmation the evidence the back-end asks for
 */
record EvidenceTrigger(String refToMessageId, BackendConfirmation confirmation) {

    /** True when the request is a trigger (it carries a confirmation), however malformed. */
    static boolean isTrigger(DomibusConnectorMessageType message) {
        return message != null && !message.getMessageConfirmations().isEmpty();
    }

    /** Reads a trigger after the contract's checks; a trigger that breaks one is refused before anything is looked up. */
    static EvidenceTrigger read(DomibusConnectorMessageType message) {
        if (message.getMessageDetails() == null) {
            throw new ConnectorException(ErrorCode.MISSING_FIELD, "messageDetails", "messageDetails is required");
        }
        if (message.getMessageConfirmations().size() != 1) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, "messageConfirmations", "an evidence trigger carries "
                    + "exactly one messageConfirmations entry, not " + message.getMessageConfirmations().size());
        }
        if (message.getMessageContent() != null || !message.getMessageAttachments().isEmpty()) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, "messageContent", "an evidence trigger carries no "
                    + "messageContent and no messageAttachments; send a business message without messageConfirmations");
        }
        DomibusConnectorMessageConfirmationType requested = message.getMessageConfirmations().get(0);
        if (requested.getConfirmation() != null && requested.getConfirmation().length > 0) {
            // The connector writes and seals the evidence itself; one written by the back-end is never passed on.
            throw new ConnectorException(ErrorCode.INVALID_FIELD, "messageConfirmations.confirmation",
                    "an evidence trigger carries empty confirmation bytes: the connector issues the evidence");
        }
        BackendConfirmation confirmation = confirmation(requested);
        String ref = message.getMessageDetails().getRefToMessageId();
        if (ref == null || ref.isBlank()) {
            throw new ConnectorException(ErrorCode.MISSING_FIELD, "refToMessageId",
                    "an evidence trigger needs refToMessageId: the ebMS id or transport id of the received message");
        }
        return new EvidenceTrigger(ref.strip(), confirmation);
    }

    private static BackendConfirmation confirmation(DomibusConnectorMessageConfirmationType requested) {
        if (requested.getConfirmationType() == null) {
            throw new ConnectorException(ErrorCode.MISSING_FIELD, "messageConfirmations.confirmationType",
                    "an evidence trigger needs a confirmationType");
        }
        return switch (requested.getConfirmationType()) {
            case DELIVERY -> BackendConfirmation.DELIVERY;
            case NON_DELIVERY -> BackendConfirmation.NON_DELIVERY;
            case RETRIEVAL -> BackendConfirmation.RETRIEVAL;
            case NON_RETRIEVAL -> BackendConfirmation.NON_RETRIEVAL;
            // The other types are the connector's or the gateway's to issue, never a back-end's.
            default -> throw new ConnectorException(ErrorCode.INVALID_FIELD, "messageConfirmations.confirmationType",
                    "a back-end may trigger DELIVERY, NON_DELIVERY, RETRIEVAL or NON_RETRIEVAL, not "
                            + requested.getConfirmationType());
        };
    }

    /**
     * The received message the trigger is about, among {@code backendName}'s own: a message of another back-end, or
     * one the back-end sent, is answered exactly as an id that names nothing.
     */
    UUID subject(String backendName, MessageStore store) {
        Optional<ConnectorMessage> found = store.findByEbmsId(refToMessageId, Direction.INBOUND);
        if (found.isEmpty()) {
            found = transportId().flatMap(store::find).filter(m -> m.direction() == Direction.INBOUND);
        }
        return found.filter(m -> backendName.equals(m.backendName()))
                .map(ConnectorMessage::connectorMessageId)
                .orElseThrow(() -> new ConnectorException(ErrorCode.UNKNOWN_MESSAGE, "refToMessageId",
                        "message " + LogSafe.of(refToMessageId, 128) + " is not known to this back-end"));
    }

    private Optional<UUID> transportId() {
        try {
            return Optional.of(UUID.fromString(refToMessageId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
