package eu.lexbridge.backend.rest.api;

import eu.lexbridge.core.flow.Submission;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The multipart form of a submission, for the OpenAPI document only: the controller reads the parts as streams, so no
 * part is ever bound into memory.
 */
@Schema(name = "SubmissionForm")
record SubmissionForm(
        @Schema(requiredMode = RequiredMode.REQUIRED) SubmissionMetadata metadata,
        @Schema(requiredMode = RequiredMode.REQUIRED, type = "string", format = "binary",
                description = "the structured business message (XML)") String businessContent,
        @Schema(type = "string", format = "binary", description = "the human-readable document, e.g. a signed PDF")
        String businessDocument,
        @Schema(type = "string", format = "binary", description = "the business document's detached signature "
                + "(CAdES .p7s or detached XAdES); only with a businessDocument") String detachedSignature,
        @ArraySchema(maxItems = Submission.MAX_ATTACHMENTS,
                schema = @Schema(type = "string", types = "string", format = "binary"),
                arraySchema = @Schema(description = "further files, in order; at most "
                        + Submission.MAX_ATTACHMENTS + " (lexbridge.rest.max-attachments)")) List<String> attachments) {
}
