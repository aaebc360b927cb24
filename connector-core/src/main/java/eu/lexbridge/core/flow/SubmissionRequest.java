package eu.lexbridge.core.flow;

import eu.lexbridge.core.authority.RecipientQuery;
import java.util.List;

/**
 * What a back-end submits. Fields are as the back-end sent them; {@link Submission} validates them.
 *
 * @param conversationId optional; a new conversation is started when it is blank
 * @param toPartyId the AS4 party of the receiving Member State's connector
 * @param originalSender the sending authority (four-corner C1)
 * @param finalRecipient the receiving authority (four-corner C4)
 * @param recipient instead of {@code toPartyId} and {@code finalRecipient}: the competent authority by instrument,
 *     role and place (or id), found in the directory; {@code null} when the party is named
 * @param businessDocument optional
 * @param detachedSignature optional: the business document's detached signature (CAdES or XAdES); only with a
 *     business document
 */
public record SubmissionRequest(String backendName, String backendMessageId, String conversationId, String service,
                                String action, String toPartyId, String originalSender, String finalRecipient,
                                RecipientQuery recipient,
                                PayloadUpload businessContent, PayloadUpload businessDocument,
                                PayloadUpload detachedSignature, List<PayloadUpload> attachments) {
    public SubmissionRequest {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
