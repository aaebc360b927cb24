package eu.lexbridge.core.error;

/** Stable error codes. The code never changes meaning once published; integrators match on it. */
public enum ErrorCode {
    MISSING_FIELD("LB-1001", ErrorCategory.INVALID_INPUT, "A required field is missing"),
    INVALID_FIELD("LB-1002", ErrorCategory.INVALID_INPUT, "A field has an invalid value"),
    MALFORMED_XML("LB-1003", ErrorCategory.INVALID_INPUT, "The business content is not well-formed XML"),
    UNKNOWN_RECIPIENT("LB-1004", ErrorCategory.INVALID_INPUT, "The recipient is not a known partner"),
    UNKNOWN_SERVICE_ACTION("LB-1005", ErrorCategory.INVALID_INPUT, "The service and action are not configured"),
    DUPLICATE_BACKEND_MESSAGE_ID("LB-1006", ErrorCategory.CONFLICT, "The back-end message id was already submitted"),
    PAYLOAD_TOO_LARGE("LB-1007", ErrorCategory.TOO_LARGE, "A payload is larger than allowed"),
    MALFORMED_REQUEST("LB-1008", ErrorCategory.INVALID_INPUT, "The request cannot be read"),
    TOO_MANY_PARTS("LB-1009", ErrorCategory.TOO_LARGE, "The submission has more parts than allowed"),
    NO_COMPETENT_AUTHORITY("LB-1010", ErrorCategory.INVALID_INPUT, "No authority in the directory matches the recipient"),
    AMBIGUOUS_RECIPIENT("LB-1011", ErrorCategory.INVALID_INPUT,
            "The directory does not choose one authority for the recipient"),
    DUPLICATE_BACKEND_RECORD_ID("LB-1012", ErrorCategory.CONFLICT,
            "The back-end record id was already used for another transmission"),
    PART_NOT_FOR_RECIPIENT("LB-1013", ErrorCategory.INVALID_INPUT,
            "The message carries a part its recipient may not receive"),
    UNKNOWN_MESSAGE("LB-1100", ErrorCategory.NOT_FOUND, "No such message for this back-end"),
    UNKNOWN_PAYLOAD("LB-1101", ErrorCategory.NOT_FOUND, "No such payload on this message"),
    UNKNOWN_CONVERSATION("LB-1102", ErrorCategory.NOT_FOUND, "No such conversation for this back-end"),
    UNKNOWN_RECORD("LB-1103", ErrorCategory.NOT_FOUND, "No such transmission record for this back-end"),
    UNKNOWN_PARTNER("LB-1104", ErrorCategory.NOT_FOUND, "No such partner"),
    UNKNOWN_DEAD_LETTER("LB-1105", ErrorCategory.NOT_FOUND, "No such dead letter"),
    NOT_AUTHENTICATED("LB-1200", ErrorCategory.FORBIDDEN, "The back-end is not authenticated"),
    NOT_ACKNOWLEDGEABLE("LB-1300", ErrorCategory.CONFLICT, "The message cannot be acknowledged in its state"),
    CONFIRMATION_CONTRADICTED("LB-1301", ErrorCategory.CONFLICT,
            "The confirmation contradicts one the back-end gave before"),
    RECORD_IMMUTABLE("LB-1302", ErrorCategory.CONFLICT,
            "A transmission record cannot be changed or deleted; record a correction instead"),
    NOT_RESENDABLE("LB-1303", ErrorCategory.CONFLICT, "The message cannot be sent again in its state"),
    ROUTING_RULES_INVALID("LB-1400", ErrorCategory.INVALID_INPUT,
            "The routing rules do not parse; the rules in force are unchanged"),
    PARTNER_INVALID("LB-1401", ErrorCategory.INVALID_INPUT,
            "The partner change does not validate; the partners in force are unchanged"),
    PAYLOAD_INTEGRITY("LB-2001", ErrorCategory.INTERNAL, "Stored payload bytes do not match their checksum"),
    QUEUE_UNAVAILABLE("LB-2002", ErrorCategory.UNAVAILABLE, "The message queue is not available"),
    AS4_SEND_FAILED("LB-3001", ErrorCategory.UNAVAILABLE, "The AS4 message could not be sent"),
    AS4_UNTRUSTED("LB-3002", ErrorCategory.SECURITY, "An AS4 message or receipt failed its security checks"),
    AS4_UNKNOWN_PARTNER("LB-3003", ErrorCategory.SECURITY, "An AS4 message came from or for an unknown party"),
    EVIDENCE_UNCORRELATED("LB-3004", ErrorCategory.INVALID_INPUT, "An evidence refers to no message we sent"),
    INTERNAL("LB-9000", ErrorCategory.INTERNAL, "Internal error");

    private final String code;
    private final ErrorCategory category;
    private final String title;

    ErrorCode(String code, ErrorCategory category, String title) {
        this.code = code;
        this.category = category;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public ErrorCategory category() {
        return category;
    }

    public String title() {
        return title;
    }
}
