package eu.lexbridge.backend.rest.api;

import eu.lexbridge.backend.rest.auth.AuthenticatedBackend;
import eu.lexbridge.backend.rest.view.ApiLinks;
import eu.lexbridge.backend.rest.view.CaseTimelineView;
import eu.lexbridge.core.port.CaseRecord;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A case as a whole: every message of a conversation, what was transmitted outside the system, its time limits. */
@RestController
@RequestMapping(value = ApiLinks.CONVERSATIONS, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "conversations")
@SecurityRequirement(name = OpenApiDocumentation.BEARER)
public class ConversationController {

    static final String EXPORT = "application/vnd.etsi.asic-e+zip";

    private final CaseRecord cases;

    public ConversationController(CaseRecord cases) {
        this.cases = cases;
    }

    @GetMapping("/{conversationId}/timeline")
    @Operation(summary = "Get a conversation's timeline",
            description = "In time order: each message sent or received, its states and evidences, the transmissions "
                    + "recorded outside the system, and the procedural time limits its messages started, with where "
                    + "each stands now.")
    @ApiResponse(responseCode = "200", description = "the timeline")
    @ApiResponse(responseCode = "404", description = "no such conversation for this back-end (LB-1102)")
    public CaseTimelineView timeline(@Parameter(hidden = true) AuthenticatedBackend backend,
                                     @PathVariable String conversationId, HttpServletRequest request) {
        return CaseTimelineView.of(cases.timeline(backend.name(), conversationId),
                new ApiLinks(request.getContextPath()));
    }

    @GetMapping(value = "/{conversationId}/export", produces = {EXPORT, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "Export a conversation as one sealed file",
            description = "An ASiC-E container (ETSI EN 319 162-1) a court can file: case.xml (the timeline with "
                    + "its time limits), each message's metadata (no payload content), every evidence as issued or "
                    + "received, every recorded transmission as its sealed record, and META-INF/signatures.xml, one "
                    + "XAdES seal of the connector over all of them. Any ASiC validator checks it.")
    @ApiResponse(responseCode = "200", description = "the container",
            content = @Content(mediaType = EXPORT, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "no such conversation for this back-end (LB-1102)")
    public void export(@Parameter(hidden = true) AuthenticatedBackend backend, @PathVariable String conversationId,
                       HttpServletResponse response) throws IOException {
        // checked before the first byte, so a refusal is still a problem; then streamed, file by file
        CaseRecord.CaseFile file = cases.export(backend.name(), conversationId);
        response.setContentType(file.mimeType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(file.fileName()).build().toString());
        file.writeTo(response.getOutputStream());
    }
}
