package eu.lexbridge.gateway.domibus;

import eu.lexbridge.core.message.BusinessService;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.transport.EcodexWire;
import eu.lexbridge.core.transport.Envelope;
import eu.lexbridge.gateway.domibus.wire.ebms.CollaborationInfo;
import eu.lexbridge.gateway.domibus.wire.ebms.MessageInfo;
import eu.lexbridge.gateway.domibus.wire.ebms.MessageProperties;
import eu.lexbridge.gateway.domibus.wire.ebms.Messaging;
import eu.lexbridge.gateway.domibus.wire.ebms.PartInfo;
import eu.lexbridge.gateway.domibus.wire.ebms.PartProperties;
import eu.lexbridge.gateway.domibus.wire.ebms.PartyId;
import eu.lexbridge.gateway.domibus.wire.ebms.PartyInfo;
import eu.lexbridge.gateway.domibus.wire.ebms.PayloadInfo;
import eu.lexbridge.gateway.domibus.wire.ebms.Property;
import eu.lexbridge.gateway.domibus.wire.ebms.Service;
import eu.lexbridge.gateway.domibus.wire.ebms.UserMessage;
import java.util.List;

/**
 * The e-CODEX mapping of an envelope onto the WS plugin's ebMS header and back, with the property names of
 * {@link EcodexWire}: the same header the embedded access point puts on the wire, so that a partner cannot tell which
 * gateway sent it. e-CODEX uses no AgreementRef; the MessageId is ours, so Domibus's reports name the message by the
 * ebMS id the connector knows it by.
 */
final class EcodexHeader {

    private EcodexHeader() {
    }

    /** One payload as the header describes it: its {@code cid:} reference and its e-CODEX part properties. */
    record WirePart(String href, String description, String name, String mimeType) {
    }

    static Messaging outgoing(Envelope envelope, List<WirePart> parts) {
        MessageInfo info = new MessageInfo();
        info.setMessageId(envelope.ebmsMessageId());
        info.setRefToMessageId(envelope.refToMessageId());

        PartyInfo partyInfo = new PartyInfo();
        partyInfo.setFrom(party(envelope.from()));
        partyInfo.setTo(party(envelope.to()));

        CollaborationInfo collaboration = new CollaborationInfo();
        Service service = new Service();
        service.setValue(envelope.service().value());
        service.setType(emptyToNull(envelope.service().type()));
        collaboration.setService(service);
        collaboration.setAction(envelope.action());
        collaboration.setConversationId(envelope.conversationId());

        MessageProperties properties = new MessageProperties();
        add(properties.getProperty(), EcodexWire.ORIGINAL_SENDER, envelope.originalSender());
        add(properties.getProperty(), EcodexWire.FINAL_RECIPIENT, envelope.finalRecipient());
        // Evidence messages repeat the business message's id as a property, as the official connector does.
        add(properties.getProperty(), EcodexWire.ORIGINAL_MESSAGE_ID, envelope.refToMessageId());

        PayloadInfo payloadInfo = new PayloadInfo();
        for (WirePart part : parts) {
            PartInfo partInfo = new PartInfo();
            partInfo.setHref(part.href());
            PartProperties partProperties = new PartProperties();
            add(partProperties.getProperty(), EcodexWire.PART_MIME_TYPE, part.mimeType());
            add(partProperties.getProperty(), EcodexWire.PART_NAME, part.name());
            add(partProperties.getProperty(), EcodexWire.PART_DESCRIPTION, part.description());
            partInfo.setPartProperties(partProperties);
            payloadInfo.getPartInfo().add(partInfo);
        }

        UserMessage userMessage = new UserMessage();
        userMessage.setMessageInfo(info);
        userMessage.setPartyInfo(partyInfo);
        userMessage.setCollaborationInfo(collaboration);
        userMessage.setMessageProperties(properties.getProperty().isEmpty() ? null : properties);
        userMessage.setPayloadInfo(payloadInfo.getPartInfo().isEmpty() ? null : payloadInfo);
        Messaging messaging = new Messaging();
        messaging.setUserMessage(userMessage);
        return messaging;
    }

    /**
     * The envelope of a message Domibus received.
     *
     * @param messageId the id Domibus names the message by beside the header; it must be the header's
     * @throws IllegalArgumentException naming the header field that is missing or ambiguous
     */
    static Envelope incoming(Messaging messaging, String messageId) {
        UserMessage message = messaging == null ? null : messaging.getUserMessage();
        if (message == null || message.getPartyInfo() == null || message.getCollaborationInfo() == null) {
            throw new IllegalArgumentException("the ebMS header has no UserMessage with PartyInfo and CollaborationInfo");
        }
        String headerId = message.getMessageInfo() == null ? null : blankToNull(message.getMessageInfo().getMessageId());
        if (headerId == null) {
            throw new IllegalArgumentException("the ebMS header has no MessageId");
        }
        if (messageId != null && !messageId.equals(headerId)) {
            throw new IllegalArgumentException("the message id " + messageId + " is not the header's MessageId "
                    + headerId);
        }
        CollaborationInfo collaboration = message.getCollaborationInfo();
        if (collaboration.getService() == null || blankToNull(collaboration.getService().getValue()) == null
                || blankToNull(collaboration.getAction()) == null) {
            throw new IllegalArgumentException("CollaborationInfo/Service and Action are required");
        }
        String conversationId = blankToNull(collaboration.getConversationId());
        if (conversationId == null) {
            throw new IllegalArgumentException("CollaborationInfo/ConversationId is required");
        }
        Party from = party(message.getPartyInfo().getFrom(), "From");
        Party to = party(message.getPartyInfo().getTo(), "To");
        String refToMessageId = blankToNull(message.getMessageInfo().getRefToMessageId());
        String originalMessageId = property(message, EcodexWire.ORIGINAL_MESSAGE_ID);
        if (refToMessageId != null && originalMessageId != null && !refToMessageId.equals(originalMessageId)) {
            throw new IllegalArgumentException("RefToMessageId and the originalMessageId property differ");
        }
        String serviceType = collaboration.getService().getType();
        return new Envelope(headerId, conversationId, refToMessageId != null ? refToMessageId : originalMessageId,
                new BusinessService(collaboration.getService().getValue(), serviceType == null ? "" : serviceType),
                collaboration.getAction(), from, to, property(message, EcodexWire.ORIGINAL_SENDER),
                property(message, EcodexWire.FINAL_RECIPIENT));
    }

    /** The value of a part property, or {@code null}. */
    static String partProperty(PartInfo info, String name) {
        if (info.getPartProperties() == null) {
            return null;
        }
        for (Property property : info.getPartProperties().getProperty()) {
            if (name.equals(property.getName())) {
                return blankToNull(property.getValue());
            }
        }
        return null;
    }

    private static eu.lexbridge.gateway.domibus.wire.ebms.Party party(Party party) {
        PartyId id = new PartyId();
        id.setValue(party.partyId());
        id.setType(emptyToNull(party.partyIdType()));
        eu.lexbridge.gateway.domibus.wire.ebms.Party wire = new eu.lexbridge.gateway.domibus.wire.ebms.Party();
        wire.setPartyId(id);
        wire.setRole(party.role());
        return wire;
    }

    private static Party party(eu.lexbridge.gateway.domibus.wire.ebms.Party wire, String side) {
        if (wire == null || wire.getPartyId() == null || blankToNull(wire.getPartyId().getValue()) == null) {
            throw new IllegalArgumentException("PartyInfo/" + side + "/PartyId is required");
        }
        if (blankToNull(wire.getRole()) == null) {
            throw new IllegalArgumentException("PartyInfo/" + side + "/Role is required");
        }
        String type = wire.getPartyId().getType();
        return new Party(wire.getPartyId().getValue(), type == null ? "" : type, wire.getRole());
    }

    private static String property(UserMessage message, String name) {
        if (message.getMessageProperties() == null) {
            return null;
        }
        String found = null;
        for (Property property : message.getMessageProperties().getProperty()) {
            if (name.equals(property.getName())) {
                if (found != null) {
                    throw new IllegalArgumentException("message property " + name + " appears twice");
                }
                found = blankToNull(property.getValue());
            }
        }
        return found;
    }

    private static void add(List<Property> properties, String name, String value) {
        if (value != null && !value.isBlank()) {
            Property property = new Property();
            property.setName(name);
            property.setValue(value);
            properties.add(property);
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
