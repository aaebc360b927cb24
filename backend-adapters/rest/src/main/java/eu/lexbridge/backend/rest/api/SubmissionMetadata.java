package eu.lexbridge.backend.rest.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/** The {@code metadata} part of a submission. The connector checks the values; this only carries them. */
@Schema(name = "SubmissionMetadata", description = "What the message is and where it goes")
public record SubmissionMetadata(
        @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 255,
                description = "the back-end's own id; unique per back-end") String backendMessageId,
        @Schema(maxLength = 255, description = "continues a conversation; a new one is started when absent")
        String conversationId,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "a service configured on this connector") String service,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "an action of that service") String action,
        @Schema(description = "AS4 party of the receiving connector; required unless recipient is given", example = "DE")
        String toPartyId,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "the sending authority (four-corner C1)")
        String originalSender,
        @Schema(description = "the receiving authority (four-corner C4); required unless recipient is given")
        String finalRecipient,
        @Schema(description = "instead of toPartyId and finalRecipient: the competent authority, found in the directory")
        RecipientMetadata recipient) {
}
