package eu.lexbridge.backend.rest.api;

import eu.lexbridge.backend.rest.auth.AuthenticatedBackend;
import eu.lexbridge.backend.rest.problem.ExistingMessageConflict;
import eu.lexbridge.backend.rest.view.ApiLinks;
import eu.lexbridge.backend.rest.view.MessageSummary;
import eu.lexbridge.backend.rest.view.MessageViews;
import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.flow.BackendInbox;
import eu.lexbridge.core.flow.Submission;
import eu.lexbridge.core.flow.SubmissionRequest;
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
public class SubmissionController {

    private static final Logger LOG = LoggerFactory.getLogger(SubmissionController.class);

    private final Submission submission;
    private final SubmissionParts parts;
    private final BackendInbox inbox;

    public SubmissionController(Submission submission, SubmissionParts parts, BackendInbox inbox) {
        this.submission = submission;
        this.parts = parts;
        this.inbox = inbox;
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
            + "container cannot hold or a content type that is not a MIME type")
    @ApiResponse(responseCode = "409", description = "the backendMessageId was already submitted; the problem's "
            + "connectorMessageId and href name the message it was submitted with")
    @ApiResponse(responseCode = "413", description = "a part is larger than allowed (LB-1007), or there are more "
            + "attachments than allowed (LB-1009)")
    public ResponseEntity<MessageSummary> submit(@Parameter(hidden = true) AuthenticatedBackend backend,
                                                 HttpServletRequest request) throws IOException, ServletException {
        SubmissionRequest submitted = parts.request(backend.name(), request.getParts());
        ConnectorMessage message;
        try {
            message = submission.submit(submitted);
        } catch (ConnectorException e) {
            throw e.code() == ErrorCode.DUPLICATE_BACKEND_MESSAGE_ID ? existing(e, submitted, request) : e;
        }
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

    /** The repeated submission's refusal, naming the message the back-end submitted first under that id. */
    private ConnectorException existing(ConnectorException refusal, SubmissionRequest submitted,
                                        HttpServletRequest request) {
        // stripped, as the submission stored it
        return inbox.byBackendMessageId(submitted.backendName(), submitted.backendMessageId().strip())
                .<ConnectorException>map(m -> new ExistingMessageConflict(refusal, m.connectorMessageId(),
                        new ApiLinks(request.getContextPath()).message(m.connectorMessageId())))
                .orElse(refusal);
    }
}
