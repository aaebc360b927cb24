package eu.lexbridge.backend.rest.api;

import eu.lexbridge.backend.rest.auth.AuthenticatedBackend;
import eu.lexbridge.backend.rest.view.ApiLinks;
import eu.lexbridge.backend.rest.view.MessageSummary;
import eu.lexbridge.backend.rest.view.MessageViews;
import eu.lexbridge.core.flow.Submission;
import eu.lexbridge.core.message.ConnectorMessage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Takes a back-end's outgoing message. */
@RestController
@RequestMapping(ApiLinks.MESSAGES)
@Tag(name = "messages")
@SecurityRequirement(name = OpenApiDocumentation.BEARER)
@ApiResponse(responseCode = "401", description = "no valid bearer token",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(implementation = ProblemDocument.class)))
public class SubmissionController {

    private static final Logger LOG = LoggerFactory.getLogger(SubmissionController.class);

    private final Submission submission;
    private final SubmissionParts parts;

    public SubmissionController(Submission submission, SubmissionParts parts) {
        this.submission = submission;
        this.parts = parts;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit a message to another Member State",
            description = "The parts are streamed into the payload store; the message is stored and queued before "
                    + "the answer. A refused submission leaves nothing behind.",
            requestBody = @RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(implementation = SubmissionForm.class),
                    encoding = @Encoding(name = "metadata", contentType = MediaType.APPLICATION_JSON_VALUE))))
    @ApiResponse(responseCode = "201", description = "stored and queued; Location points to the message")
    @ApiResponse(responseCode = "400", description = "a field or part is missing or invalid, e.g. a file name the "
            + "container cannot hold or a content type that is not a MIME type",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "409", description = "the backendMessageId was already submitted",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "413", description = "a part is larger than allowed (LB-1007), or there are more "
            + "attachments than allowed (LB-1009)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDocument.class)))
    public ResponseEntity<MessageSummary> submit(@Parameter(hidden = true) AuthenticatedBackend backend,
                                                 HttpServletRequest request) throws IOException, ServletException {
        ConnectorMessage message = submission.submit(parts.request(backend.name(), request.getParts()));
        try (var id = MDC.putCloseable("connectorMessageId", message.connectorMessageId().toString());
             var ebms = MDC.putCloseable("ebmsMessageId", message.ebmsMessageId());
             var conversation = MDC.putCloseable("conversationId", message.conversationId())) {
            LOG.info("message {} submitted by back-end {} for {}", message.connectorMessageId(), backend.name(),
                    message.to().partyId());
        }
        ApiLinks links = new ApiLinks(request.getContextPath());
        return ResponseEntity.created(URI.create(links.message(message.connectorMessageId())))
                .body(new MessageViews(links).summary(message));
    }
}
