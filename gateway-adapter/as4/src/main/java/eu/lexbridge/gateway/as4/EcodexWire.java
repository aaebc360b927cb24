package eu.lexbridge.gateway.as4;

import eu.lexbridge.core.evidence.EvidenceType;
import java.util.Arrays;

/** Names of the e-CODEX AS4 properties (ecodex-wire.md §3.2/3.3), as the official connector puts them on the wire. */
final class EcodexWire {

    static final String ORIGINAL_SENDER = "originalSender";
    static final String FINAL_RECIPIENT = "finalRecipient";
    /** The ebMS id of the business message an evidence message is about; the same value as RefToMessageId. */
    static final String ORIGINAL_MESSAGE_ID = "originalMessageId";

    static final String PART_NAME = "name";
    static final String PART_DESCRIPTION = "description";
    static final String PART_MIME_TYPE = "MimeType";

    static final String CONTENT_ID_PREFIX = "payload_";

    static final String MESSAGE_CONTENT = "messageContent";
    static final String TRUST_TOKEN_XML = "tokenXML";
    /** The official connector writes its XML parts with this MimeType, whatever the back-end called them (§3.2). */
    static final String XML_MIME_TYPE = "text/xml";

    /** The MimeType a part goes on the wire with: {@code text/xml} for the business XML, the token and evidences. */
    static String wireMimeType(String description, String given) {
        boolean xmlPart = MESSAGE_CONTENT.equals(description) || TRUST_TOKEN_XML.equals(description)
                || Arrays.stream(EvidenceType.values()).anyMatch(type -> type.name().equals(description));
        return xmlPart ? XML_MIME_TYPE : given;
    }

    private EcodexWire() {
    }
}
