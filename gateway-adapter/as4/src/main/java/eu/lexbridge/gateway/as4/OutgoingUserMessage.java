package eu.lexbridge.gateway.as4;

import com.helger.phase4.attachment.AS4OutgoingAttachment;
import com.helger.phase4.model.MessageProperty;
import com.helger.phase4.model.pmode.PMode;
import com.helger.phase4.sender.AS4Sender;
import eu.lexbridge.core.transport.EcodexWire;
import eu.lexbridge.core.transport.Envelope;
import eu.lexbridge.core.transport.Partner;
import java.util.ArrayList;
import java.util.List;

/**
 * The e-CODEX mapping of an envelope onto phase4's user message builder (ecodex-wire.md §3.2). Every header field is
 * set explicitly: the builder's values overwrite the PMode's, {@code null} included.
 */
final class OutgoingUserMessage {

    private OutgoingUserMessage() {
    }

    static AS4Sender.BuilderUserMessage map(AS4Sender.BuilderUserMessage builder, Envelope envelope, Partner partner,
                                            PMode pmode, List<AS4OutgoingAttachment> attachments) {
        return builder
                .pmode(pmode)
                .pmodeID(null)
                .messageID(envelope.ebmsMessageId())
                .refToMessageID(envelope.refToMessageId())
                .conversationID(envelope.conversationId())
                .fromPartyIDType(envelope.from().partyIdType())
                .fromPartyID(envelope.from().partyId())
                .fromRole(envelope.from().role())
                .toPartyIDType(envelope.to().partyIdType())
                .toPartyID(envelope.to().partyId())
                .toRole(envelope.to().role())
                .service(emptyToNull(envelope.service().type()), envelope.service().value())
                .action(envelope.action())
                // e-CODEX uses no AgreementRef.
                .agreementRef(null)
                .agreementType(null)
                .messageProperties(properties(envelope))
                .attachments(attachments)
                // 1.x: the partner's one certificate; 2.0: its key-agreement certificate (X25519 or P-256)
                .receiverCertificate(partner.encryptionCertificate())
                .endpointURL(partner.endpoint().toString());
    }

    private static List<MessageProperty> properties(Envelope envelope) {
        List<MessageProperty> properties = new ArrayList<>(3);
        add(properties, EcodexWire.ORIGINAL_SENDER, envelope.originalSender());
        add(properties, EcodexWire.FINAL_RECIPIENT, envelope.finalRecipient());
        // Evidence messages repeat the business message's id as a property, as the official connector does.
        add(properties, EcodexWire.ORIGINAL_MESSAGE_ID, envelope.refToMessageId());
        return properties;
    }

    private static void add(List<MessageProperty> properties, String name, String value) {
        if (value != null && !value.isBlank()) {
            properties.add(MessageProperty.builder().name(name).value(value).build());
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
