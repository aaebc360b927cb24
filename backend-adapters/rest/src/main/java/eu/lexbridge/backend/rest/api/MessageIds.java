package eu.lexbridge.backend.rest.api;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import java.util.UUID;

/** Reads a message id from a path. An id that is not a UUID names no message, so it is "not found", not "bad". */
final class MessageIds {

    private MessageIds() {
    }

    static UUID parse(String id) {
        try {
            UUID uuid = UUID.fromString(id);
            if (uuid.toString().equalsIgnoreCase(id)) { // UUID.fromString also takes odd forms such as 1-2-3-4-5
                return uuid;
            }
        } catch (IllegalArgumentException e) {
            // fall through: not found, and the id is not echoed
        }
        throw new ConnectorException(ErrorCode.UNKNOWN_MESSAGE, "messageId",
                "there is no message with this id for this back-end");
    }
}
