package eu.lexbridge.backend.rest.api;

import com.fasterxml.jackson.databind.JsonNode;
import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Iterator;

/**
 * The body of a negative confirmation (a refusal, a failed retrieval): why, in the back-end's words. It goes into the
 * sealed evidence the sender receives, so it is plain text of bounded length. The body is read strictly: a misspelt
 * member would otherwise send the official default sentence instead of the back-end's own.
 */
@Schema(name = "ConfirmationReason", description = "Why the back-end refuses, or why retrieval failed")
record ConfirmationReason(
        @Schema(maxLength = ConfirmationReason.MAX_LENGTH, example = "the recipient court is not competent",
                description = "goes into the evidence after the official code E200; without it the evidence says "
                        + "'The connector backend or backend application rejected the message'") String reason) {

    static final int MAX_LENGTH = 1000;
    static final String FIELD = "reason";

    /** @return the reason, or {@code null} for none (no body, or no reason member) */
    static String read(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return null;
        }
        if (!body.isObject()) {
            throw new ConnectorException(ErrorCode.MALFORMED_REQUEST, null,
                    "the body must be a JSON object such as {\"reason\": \"...\"}");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELD.equals(name)) {
                throw new ConnectorException(ErrorCode.INVALID_FIELD, name,
                        name + " is not a member of the body; the body has only 'reason'");
            }
        }
        JsonNode reason = body.get(FIELD);
        if (reason == null || reason.isNull()) {
            return null;
        }
        if (!reason.isTextual()) {
            throw new ConnectorException(ErrorCode.MALFORMED_REQUEST, FIELD, "reason must be a JSON string");
        }
        String text = reason.asText();
        if (text.length() > MAX_LENGTH) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, FIELD,
                    "reason is longer than " + MAX_LENGTH + " characters");
        }
        if (text.codePoints().anyMatch(ConfirmationReason::notForXml)) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, FIELD,
                    "reason must be text on one line, without control characters");
        }
        return text;
    }

    /** Control characters, a lone surrogate and U+FFFE/U+FFFF have no place in the evidence XML it goes into. */
    private static boolean notForXml(int codePoint) {
        return Character.isISOControl(codePoint) || Character.isSurrogate((char) codePoint) && codePoint <= 0xFFFF
                || codePoint == 0xFFFE || codePoint == 0xFFFF;
    }
}
