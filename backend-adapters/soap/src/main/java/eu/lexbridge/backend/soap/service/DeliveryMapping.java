package eu.lexbridge.backend.soap.service;

import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorActionType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorConfirmationType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorDetachedSignatureMimeType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorDetachedSignatureType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageAttachmentType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageConfirmationType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageContentType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageDetailsType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageDocumentType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorPartyType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorServiceType;
import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.flow.BackendInbox;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import jakarta.activation.DataHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * A received message as the official connector hands it to its back-end: the business XML as {@code xmlContent}, the
 * business document with its detached signature, the attachments, and the evidences so far as
 * {@code messageConfirmations}. Payloads are MTOM attachments read from the payload store while the answer is written.
 */
final class DeliveryMapping {

    private final BackendInbox inbox;

    DeliveryMapping(BackendInbox inbox) {
        this.inbox = inbox;
    }

    DomibusConnectorMessageType message(ConnectorMessage message, List<Evidence> evidences) {
        DomibusConnectorMessageType soap = new DomibusConnectorMessageType();
        soap.setMessageDetails(details(message));
        message.payload(PayloadKind.BUSINESS_CONTENT).ifPresent(xml -> {
            DomibusConnectorMessageContentType content = new DomibusConnectorMessageContentType();
            content.setXmlContent(stream(message, xml));
            message.payload(PayloadKind.BUSINESS_DOCUMENT).ifPresent(doc -> content.setDocument(document(message, doc)));
            soap.setMessageContent(content);
        });
        for (PayloadRef payload : message.payloads()) {
            if (payload.kind() == PayloadKind.ATTACHMENT) {
                DomibusConnectorMessageAttachmentType attachment = new DomibusConnectorMessageAttachmentType();
                attachment.setIdentifier(payload.name());
                attachment.setName(payload.name());
                attachment.setMimeType(payload.mimeType());
                attachment.setAttachment(stream(message, payload));
                soap.getMessageAttachments().add(attachment);
            }
        }
        for (Evidence evidence : evidences) {
            DomibusConnectorMessageConfirmationType confirmation = new DomibusConnectorMessageConfirmationType();
            confirmation.setConfirmationType(DomibusConnectorConfirmationType.fromValue(evidence.type().name()));
            confirmation.setConfirmation(bytes(message, evidence.document()));
            soap.getMessageConfirmations().add(confirmation);
        }
        return soap;
    }

    /**
     * An evidence pushed to the back-end (ecodex-wire §2.2): no content, the evidence XML with its type as the one
     * {@code messageConfirmations} entry, and {@code refToMessageId} naming the message it is about by the back-end's
     * own id when the connector knows it (a message the back-end sent), by the ebMS id otherwise.
     */
    DomibusConnectorMessageType evidence(ConnectorMessage subject, Evidence evidence) {
        DomibusConnectorMessageType soap = new DomibusConnectorMessageType();
        DomibusConnectorMessageDetailsType details = details(subject);
        details.setBackendMessageId(null);
        details.setEbmsMessageId(null);
        details.setRefToMessageId(subject.backendMessageId() != null ? subject.backendMessageId()
                : subject.ebmsMessageId());
        soap.setMessageDetails(details);
        DomibusConnectorMessageConfirmationType confirmation = new DomibusConnectorMessageConfirmationType();
        confirmation.setConfirmationType(DomibusConnectorConfirmationType.fromValue(evidence.type().name()));
        confirmation.setConfirmation(bytes(subject, evidence.document()));
        soap.getMessageConfirmations().add(confirmation);
        return soap;
    }

    private DomibusConnectorMessageDocumentType document(ConnectorMessage message, PayloadRef doc) {
        DomibusConnectorMessageDocumentType document = new DomibusConnectorMessageDocumentType();
        document.setDocument(stream(message, doc));
        document.setDocumentName(doc.name());
        message.payload(PayloadKind.DETACHED_SIGNATURE).ifPresent(sig -> {
            DomibusConnectorDetachedSignatureType signature = new DomibusConnectorDetachedSignatureType();
            signature.setDetachedSignature(stream(message, sig));
            signature.setDetachedSignatureName(sig.name());
            String type = sig.mimeType().toLowerCase(Locale.ROOT);
            signature.setMimeType(type.contains("xml") ? DomibusConnectorDetachedSignatureMimeType.XML
                    : type.contains("pkcs7") ? DomibusConnectorDetachedSignatureMimeType.PKCS_7
                    : DomibusConnectorDetachedSignatureMimeType.BINARY);
            document.setDetachedSignature(signature);
        });
        return document;
    }

    private static DomibusConnectorMessageDetailsType details(ConnectorMessage message) {
        DomibusConnectorMessageDetailsType details = new DomibusConnectorMessageDetailsType();
        details.setBackendMessageId(message.backendMessageId());
        details.setEbmsMessageId(message.ebmsMessageId());
        details.setRefToMessageId(message.refToMessageId());
        details.setConversationId(message.conversationId());
        details.setOriginalSender(message.originalSender() == null ? "" : message.originalSender());
        details.setFinalRecipient(message.finalRecipient() == null ? "" : message.finalRecipient());
        DomibusConnectorServiceType service = new DomibusConnectorServiceType();
        service.setService(message.service().value());
        service.setServiceType(message.service().type().isEmpty() ? null : message.service().type());
        details.setService(service);
        DomibusConnectorActionType action = new DomibusConnectorActionType();
        action.setAction(message.action());
        details.setAction(action);
        details.setFromParty(party(message.from()));
        details.setToParty(party(message.to()));
        return details;
    }

    private static DomibusConnectorPartyType party(Party party) {
        DomibusConnectorPartyType soap = new DomibusConnectorPartyType();
        soap.setPartyId(party.partyId());
        soap.setPartyIdType(party.partyIdType());
        soap.setRole(party.role());
        return soap;
    }

    private DataHandler stream(ConnectorMessage message, PayloadRef payload) {
        return new DataHandler(new StoredPayload(inbox, message, payload));
    }

    /** An evidence is a small XML document, carried inline as the contract has it. */
    private byte[] bytes(ConnectorMessage message, PayloadRef evidence) {
        try (InputStream in = inbox.open(message.backendName(), message.connectorMessageId(), evidence)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
