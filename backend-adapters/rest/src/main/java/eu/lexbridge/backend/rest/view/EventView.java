package eu.lexbridge.backend.rest.view;

import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.message.MessageState;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** One change of one of the back-end's messages: a state it reached, an evidence recorded about it, or both. */
public record EventView(
        @Schema(description = "the event's place in the feed; later events have higher numbers") long sequence,
        UUID connectorMessageId,
        String conversationId,
        @Schema(description = "the state the message reached; absent when the change moved no state")
        MessageState state,
        @Schema(description = "the evidence recorded; absent for a change of state alone") EvidenceType evidenceType,
        @Schema(description = "ISSUED by this connector or RECEIVED from the other one, with an evidence")
        EvidenceOrigin evidenceOrigin,
        Instant at,
        @Schema(description = "the message, with its evidences") String href) {
}
