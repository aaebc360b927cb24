package eu.lexbridge.backend.rest.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** The shape of an error answer, for the OpenAPI document only (RFC 9457 with two extension members). */
@Schema(name = "Problem", description = "RFC 9457 problem details")
record ProblemDocument(
        @Schema(example = "https://lexbridge.eu/problems/LB-1001") String type,
        @Schema(example = "A required field is missing") String title,
        @Schema(example = "400") int status,
        @Schema(description = "a sentence for a person; never payload content") String detail,
        String instance,
        @Schema(description = "the stable connector error code", example = "LB-1001") String code,
        @Schema(description = "the input field or part at fault, when there is one", example = "finalRecipient")
        String field) {
}
