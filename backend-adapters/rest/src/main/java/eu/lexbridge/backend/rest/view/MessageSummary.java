package eu.lexbridge.backend.rest.view;

import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.MessageState;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A message in a list or as the answer to a submission; {@code href} has the whole of it. */
public record MessageSummary(
        UUID connectorMessageId,
        @Schema(description = "the back-end's own id; empty for received messages") String backendMessageId,
        String ebmsMessageId,
        String conversationId,
        Direction direction,
        String service,
        String action,
        MessageState state,
        Instant createdAt,
        String href) {
}
