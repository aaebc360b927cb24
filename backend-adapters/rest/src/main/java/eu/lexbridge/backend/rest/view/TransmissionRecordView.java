package eu.lexbridge.backend.rest.view;

import eu.lexbridge.core.record.TransmissionRecord;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A transmission made outside the system, as recorded and sealed. */
@Schema(name = "TransmissionRecord")
public record TransmissionRecordView(
        UUID recordId,
        @Schema(description = "the back-end's own id of the record, if it gave one") String backendRecordId,
        String conversationId,
        UUID relatedMessageId,
        Instant transmittedAt,
        String sender,
        String recipient,
        String fileName,
        long fileSize,
        @Schema(description = "the cause from the Art 19(5) list", example = "data-size") String reason,
        @Schema(description = "the cause in words, with its article") String reasonText,
        String channel,
        ContentHashView contentHash,
        String instrument,
        String form,
        String operator,
        @Schema(description = "the record this one corrects") UUID corrects,
        String note,
        Instant recordedAt,
        @Schema(description = "the sealed record document (XML)") String document,
        @Schema(description = "SHA-256 of the sealed record document") String documentSha256,
        @Schema(description = "the conversation's timeline") String timeline) {

    /** The content's digest. */
    @Schema(name = "ContentHash")
    public record ContentHashView(@Schema(example = "SHA-256") String algorithm,
                                  @Schema(description = "lower-case hex") String value) {
    }

    public static TransmissionRecordView of(TransmissionRecord r, ApiLinks links) {
        return new TransmissionRecordView(r.recordId(), r.backendRecordId(), r.conversationId(), r.relatedMessageId(),
                r.transmittedAt(), r.sender(), r.recipient(), r.fileName(), r.fileSize(), r.reason().code(),
                r.reason().description(), r.channel(),
                new ContentHashView(r.contentHash().algorithm(), r.contentHash().value()), r.instrument(), r.form(),
                r.operator(), r.corrects(), r.note(), r.recordedAt(), links.recordDocument(r.recordId()),
                r.document().sha256(), links.conversationTimeline(r.conversationId()));
    }
}
