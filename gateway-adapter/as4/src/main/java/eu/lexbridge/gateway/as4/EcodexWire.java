package eu.lexbridge.gateway.as4;

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

    private EcodexWire() {
    }
}
