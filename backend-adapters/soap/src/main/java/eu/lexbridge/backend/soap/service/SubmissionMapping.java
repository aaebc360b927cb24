package eu.lexbridge.backend.soap.service;

import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorDetachedSignatureType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageAttachmentType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageContentType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageDetailsType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageDocumentType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorPartyType;
import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.flow.PayloadUpload;
import eu.lexbridge.core.flow.SubmissionRequest;
import jakarta.activation.DataHandler;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code submitMessage} request as the core's submission, after the checks the official contract makes and
 * the core does not know of: a business message has no {@code refToMessageId} (a message with
 * {@code messageConfirmations} is an evidence trigger, read by {@link EvidenceTrigger}, never here). Every payload stays a stream (the MTOM
 * attachment, spooled to disk past the threshold) until the core writes it to the payload store.
 */
final class SubmissionMapping {

    private SubmissionMapping() {
    }

    static SubmissionRequest request(String backendName, DomibusConnectorMessageType message) {
        if (message == null || message.getMessageDetails() == null) {
            throw new ConnectorException(ErrorCode.MISSING_FIELD, "messageDetails", "messageDetails is required");
        }
        DomibusConnectorMessageDetailsType details = message.getMessageDetails();
        if (!blank(details.getRefToMessageId())) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, "refToMessageId",
                    "a business message must not carry refToMessageId (only an evidence trigger refers to a message)");
        }
        DomibusConnectorMessageContentType content = message.getMessageContent();
        if (content == null || content.getXmlContent() == null) {
            throw new ConnectorException(ErrorCode.MISSING_FIELD, "messageContent.xmlContent",
                    "a business message needs messageContent with xmlContent");
        }
        DomibusConnectorMessageDocumentType document = content.getDocument();
        PayloadUpload businessDocument = null;
        PayloadUpload detachedSignature = null;
        if (document != null) {
            businessDocument = upload("messageContent.document.document", document.getDocumentName(), null,
                    document.getDocument());
            DomibusConnectorDetachedSignatureType signature = document.getDetachedSignature();
            if (signature != null) {
                detachedSignature = upload("messageContent.document.detachedSignature.detachedSignature",
                        signature.getDetachedSignatureName(), signature.getMimeType() == null ? null
                                : switch (signature.getMimeType()) {
                                    case XML -> "application/xml";
                                    case PKCS_7 -> "application/pkcs7-signature";
                                    case BINARY -> "application/octet-stream";
                                }, signature.getDetachedSignature());
            }
        }
        List<PayloadUpload> attachments = new ArrayList<>();
        for (DomibusConnectorMessageAttachmentType attachment : message.getMessageAttachments()) {
            // The identifier is what travels to the partner, so it is the part's name.
            attachments.add(upload("messageAttachments.attachment", attachment.getIdentifier(),
                    attachment.getMimeType(), attachment.getAttachment()));
        }
        return new SubmissionRequest(backendName, details.getBackendMessageId(), details.getConversationId(),
                details.getService() == null ? null : details.getService().getService(),
                details.getAction() == null ? null : details.getAction().getAction(),
                partyId(details.getToParty()), details.getOriginalSender(), details.getFinalRecipient(), null,
                upload("messageContent.xmlContent", null, "text/xml", content.getXmlContent()),
                businessDocument, detachedSignature, attachments);
    }

    private static PayloadUpload upload(String field, String name, String mimeType, DataHandler data) {
        if (data == null) {
            throw new ConnectorException(ErrorCode.MISSING_FIELD, field, field + " is required");
        }
        return new PayloadUpload(name, mimeType, data::getInputStream);
    }

    private static String partyId(DomibusConnectorPartyType party) {
        return party == null ? null : party.getPartyId();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
