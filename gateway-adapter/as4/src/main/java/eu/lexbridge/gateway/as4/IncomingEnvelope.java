package eu.lexbridge.gateway.as4;

import com.helger.phase4.ebms3header.Ebms3CollaborationInfo;
import com.helger.phase4.ebms3header.Ebms3PartyId;
import com.helger.phase4.ebms3header.Ebms3Property;
import com.helger.phase4.ebms3header.Ebms3UserMessage;
import eu.lexbridge.core.message.BusinessService;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.transport.EcodexWire;
import eu.lexbridge.core.transport.Envelope;
import java.util.List;

/** Reads the e-CODEX envelope out of a received ebMS user message header. */
final class IncomingEnvelope {

    private IncomingEnvelope() {
    }

    /** @throws IllegalArgumentException naming the header field that is missing or ambiguous */
    static Envelope read(Ebms3UserMessage message) {
        if (message.getMessageInfo() == null || message.getCollaborationInfo() == null
                || message.getPartyInfo() == null) {
            throw new IllegalArgumentException("MessageInfo, PartyInfo and CollaborationInfo are required");
        }
        Ebms3CollaborationInfo collaboration = message.getCollaborationInfo();
        if (collaboration.getService() == null) {
            throw new IllegalArgumentException("CollaborationInfo/Service is required");
        }
        Party from = party(message.getPartyInfo().getFrom() == null ? null : message.getPartyInfo().getFrom().getPartyId(),
                message.getPartyInfo().getFrom() == null ? null : message.getPartyInfo().getFrom().getRole(), "From");
        Party to = party(message.getPartyInfo().getTo() == null ? null : message.getPartyInfo().getTo().getPartyId(),
                message.getPartyInfo().getTo() == null ? null : message.getPartyInfo().getTo().getRole(), "To");

        String refToMessageId = blankToNull(message.getMessageInfo().getRefToMessageId());
        String originalMessageId = property(message, EcodexWire.ORIGINAL_MESSAGE_ID);
        if (refToMessageId != null && originalMessageId != null && !refToMessageId.equals(originalMessageId)) {
            throw new IllegalArgumentException("RefToMessageId and the originalMessageId property differ");
        }
        return new Envelope(message.getMessageInfo().getMessageId(), collaboration.getConversationId(),
                refToMessageId != null ? refToMessageId : originalMessageId,
                new BusinessService(collaboration.getService().getValue(), collaboration.getService().getType()),
                collaboration.getAction(), from, to, property(message, EcodexWire.ORIGINAL_SENDER),
                property(message, EcodexWire.FINAL_RECIPIENT));
    }

    private static Party party(List<Ebms3PartyId> ids, String role, String side) {
        if (ids == null || ids.size() != 1) {
            throw new IllegalArgumentException("PartyInfo/" + side + " must have exactly one PartyId");
        }
        Ebms3PartyId id = ids.get(0);
        if (id.getValue() == null || id.getValue().isBlank()) {
            throw new IllegalArgumentException("PartyInfo/" + side + "/PartyId is empty");
        }
        if (role == null || role.isBlank()) {
            throw new IllegalArgumentException("PartyInfo/" + side + "/Role is required");
        }
        return new Party(id.getValue(), id.getType() == null ? "" : id.getType(), role);
    }

    private static String property(Ebms3UserMessage message, String name) {
        if (message.getMessageProperties() == null) {
            return null;
        }
        String found = null;
        for (Ebms3Property property : message.getMessageProperties().getProperty()) {
            if (name.equals(property.getName())) {
                if (found != null) {
                    throw new IllegalArgumentException("message property " + name + " appears twice");
                }
                found = blankToNull(property.getValue());
            }
        }
        return found;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
