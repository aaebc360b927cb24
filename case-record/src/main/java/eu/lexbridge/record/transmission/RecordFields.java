package eu.lexbridge.record.transmission;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;

/**
 * The checks every text field of a record goes through, each failure naming its field: present when required, no
 * longer than its column, free of control characters (a record is printed, logged and filed; a line break inside a
 * field would forge its layout).
 */
final class RecordFields {

    private RecordFields() {
    }

    static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new ConnectorException(ErrorCode.MISSING_FIELD, field, field + " is missing");
        }
        return optional(field, value, maxLength);
    }

    /** @return the value stripped, or {@code null} when it is absent or blank */
    static String optional(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, field,
                    field + " is longer than " + maxLength + " characters");
        }
        if (stripped.chars().anyMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, field, field + " contains a control character");
        }
        return stripped;
    }
}
