package eu.lexbridge.backend.rest.view;

import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.MessageState;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One message with its payloads and evidences. */
public record MessageView(
        UUID connectorMessageId,
        String backendMessageId,
        String ebmsMessageId,
        String conversationId,
        String refToMessageId,
        Direction direction,
        String service,
        String serviceType,
        String action,
        PartyView from,
        PartyView to,
        @Schema(description = "the sending authority (four-corner C1)") String originalSender,
        @Schema(description = "the receiving authority (four-corner C4)") String finalRecipient,
        MessageState state,
        Instant createdAt,
        List<PayloadView> payloads,
        List<EvidenceView> evidences,
        String timelineHref) {
}
