package eu.lexbridge.backend.rest.api;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the ids the API takes (a message's, a record's). An id in a path that is not a UUID names nothing, so it is
 * "not found", not "bad"; the id is never echoed.
 */
final class MessageIds {

    private MessageIds() {
    }

    static UUID parse(String id) {
        return canonical(id).orElseThrow(() -> new ConnectorException(ErrorCode.UNKNOWN_MESSAGE, "messageId",
                "there is no message with this id for this back-end"));
    }

    /** The UUID {@code id} writes in its canonical form, or empty: UUID.fromString also takes odd forms (1-2-3-4-5). */
    static Optional<UUID> canonical(String id) {
        try {
            UUID uuid = UUID.fromString(id);
            return uuid.toString().equalsIgnoreCase(id) ? Optional.of(uuid) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
