package eu.lexbridge.backend.rest.api;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.record.TransmissionRecordRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** A transmission made outside the system, as a back-end records it. The connector checks the values. */
@Schema(name = "TransmissionRecordRequest",
        description = "Reg (EU) 2023/1543 Art 19(6): date and time, sender, recipient, file name and size, with the "
                + "cause, the channel, the content's digest, the instrument and form, and the conversation")
public record TransmissionRecordBody(
        @Schema(maxLength = 255, description = "the back-end's own id; recording again with it returns the first "
                + "record") String backendRecordId,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "a conversation the back-end has a message in")
        String conversationId,
        @Schema(description = "a message of the conversation it relates to (its connectorMessageId)")
        String relatedMessageId,
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "2026-12-06T09:30:00Z",
                description = "when it was transmitted, with its offset; not in the future") String transmittedAt,
        @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 255) String sender,
        @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 255) String recipient,
        @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 255) String fileName,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "in bytes") Long fileSize,
        @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"system-disrupted", "nature-of-material",
                "data-size", "forensic-requirements", "exceptional-circumstances", "recipient-not-connected",
                "transition-period"}) String reason,
        @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 255, example = "encrypted disk by courier")
        String channel,
        @Schema(requiredMode = RequiredMode.REQUIRED) ContentHash contentHash,
        @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 64, example = "E-EVIDENCE") String instrument,
        @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 64, example = "EPOC") String form,
        @Schema(maxLength = 255, description = "who recorded it at the authority") String operator,
        @Schema(description = "the recordId of the record this one corrects") String corrects,
        @Schema(maxLength = 2000) String note) {

    /** The digest of what was transmitted. */
    @Schema(name = "ContentHashRequest")
    public record ContentHash(
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"SHA-256", "SHA-384", "SHA-512",
                    "SHA3-256", "SHA3-384", "SHA3-512"}) String algorithm,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "hex") String value) {
    }

    TransmissionRecordRequest request() {
        return new TransmissionRecordRequest(backendRecordId, conversationId, uuid("relatedMessageId",
                relatedMessageId), instant(transmittedAt), sender, recipient, fileName, fileSize, reason, channel,
                contentHash == null ? null : contentHash.algorithm(), contentHash == null ? null : contentHash.value(),
                instrument, form, operator, uuid("corrects", corrects), note);
    }

    private static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return MessageIds.canonical(value.strip()).orElseThrow(() -> new ConnectorException(ErrorCode.INVALID_FIELD,
                field, field + " must be a UUID"));
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, "transmittedAt",
                    "transmittedAt must be a date and time with its offset, e.g. 2026-12-06T09:30:00Z");
        }
    }
}
