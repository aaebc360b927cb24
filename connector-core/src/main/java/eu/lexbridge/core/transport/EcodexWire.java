package eu.lexbridge.core.transport;

import eu.lexbridge.core.evidence.EvidenceType;
import java.util.Arrays;

/**
 * Names of the e-CODEX AS4 properties, as the official connector puts them on the wire: the one place every gateway
 * adapter (the embedded access point, the Domibus WS plugin client) takes them from.
 */
public final class EcodexWire {

    public static final String ORIGINAL_SENDER = "originalSender";
    public static final String FINAL_RECIPIENT = "finalRecipient";
    /** The ebMS id of the business message an evidence message is about; the same value as RefToMessageId. */
    public static final String ORIGINAL_MESSAGE_ID = "originalMessageId";

    public static final String PART_NAME = "name";
    public static final String PART_DESCRIPTION = "description";
    public static final String PART_MIME_TYPE = "MimeType";

    public static final String CONTENT_ID_PREFIX = "payload_";

    public static final String MESSAGE_CONTENT = "messageContent";
    public static final String TRUST_TOKEN_XML = "tokenXML";
    /** The official connector writes its XML parts with this MimeType, whatever the back-end called them (§3.2). */
    public static final String XML_MIME_TYPE = "text/xml";

    /** The MimeType a part goes on the wire with: {@code text/xml} for the business XML, the token and evidences. */
    public static String wireMimeType(String description, String given) {
        boolean xmlPart = MESSAGE_CONTENT.equals(description) || TRUST_TOKEN_XML.equals(description)
                || Arrays.stream(EvidenceType.values()).anyMatch(type -> type.name().equals(description));
        return xmlPart ? XML_MIME_TYPE : given;
    }

    private EcodexWire() {
    }
}
