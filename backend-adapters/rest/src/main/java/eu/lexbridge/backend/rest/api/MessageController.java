package eu.lexbridge.backend.rest.api;

import eu.lexbridge.backend.rest.auth.AuthenticatedBackend;
import eu.lexbridge.backend.rest.view.ApiLinks;
import eu.lexbridge.backend.rest.view.EvidenceView;
import eu.lexbridge.backend.rest.view.InboxView;
import eu.lexbridge.backend.rest.view.MessageView;
import eu.lexbridge.backend.rest.view.MessageViews;
import eu.lexbridge.backend.rest.view.TimelineView;
import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.flow.BackendInbox;
import eu.lexbridge.core.message.ConnectorMessage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What a back-end reads about its messages, and its confirmation that it has taken a received one. */
@RestController
@RequestMapping(value = ApiLinks.MESSAGES, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "messages")
@SecurityRequirement(name = OpenApiDocumentation.BEARER)
@ApiResponse(responseCode = "401", description = "no valid bearer token",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(implementation = ProblemDocument.class)))
public class MessageController {

    static final int MAX_INBOX_LIMIT = 500;

    private final BackendInbox inbox;

    public MessageController(BackendInbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/inbox")
    @ApiResponse(responseCode = "200", description = "the waiting messages")
    @Operation(summary = "List received messages waiting for this back-end, oldest first",
            description = "A message stays here until it is acknowledged.")
    @ApiResponse(responseCode = "400", description = "limit out of range",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDocument.class)))
    public InboxView pending(@Parameter(hidden = true) AuthenticatedBackend backend,
                             @Parameter(description = "at most this many, 1 to " + MAX_INBOX_LIMIT)
                             @RequestParam(defaultValue = "50") int limit,
                             HttpServletRequest request) {
        if (limit < 1 || limit > MAX_INBOX_LIMIT) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, "limit",
                    "limit must be between 1 and " + MAX_INBOX_LIMIT);
        }
        MessageViews views = views(request);
        return new InboxView(inbox.pending(backend.name(), limit).stream().map(views::summary).toList());
    }

    @GetMapping("/{messageId}")
    @ApiResponse(responseCode = "200", description = "the message")
    @Operation(summary = "Get a message with its payloads and evidences")
    @ApiResponse(responseCode = "404", description = "no such message for this back-end",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDocument.class)))
    public MessageView message(@Parameter(hidden = true) AuthenticatedBackend backend,
                               @PathVariable String messageId, HttpServletRequest request) {
        UUID id = MessageIds.parse(messageId);
        ConnectorMessage message = inbox.message(backend.name(), id);
        return views(request).message(message, inbox.evidences(backend.name(), id));
    }

    @GetMapping("/{messageId}/timeline")
    @ApiResponse(responseCode = "200", description = "the timeline")
    @Operation(summary = "Get everything that happened to a message, in order, with its evidences")
    @ApiResponse(responseCode = "404", description = "no such message for this back-end",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDocument.class)))
    public TimelineView timeline(@Parameter(hidden = true) AuthenticatedBackend backend,
                                 @PathVariable String messageId, HttpServletRequest request) {
        UUID id = MessageIds.parse(messageId);
        return views(request).timeline(id, inbox.timeline(backend.name(), id), inbox.evidences(backend.name(), id));
    }

    @PostMapping("/{messageId}/acknowledgement")
    @ApiResponse(responseCode = "200", description = "the DELIVERY evidence")
    @Operation(summary = "Confirm that the back-end has taken a received message",
            description = "Issues the DELIVERY evidence to the sender. Acknowledging again returns the same evidence.")
    @ApiResponse(responseCode = "404", description = "no such message for this back-end",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "409", description = "not a received message waiting for the back-end",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDocument.class)))
    public EvidenceView acknowledge(@Parameter(hidden = true) AuthenticatedBackend backend,
                                    @PathVariable String messageId, HttpServletRequest request) {
        Evidence delivery = inbox.acknowledge(backend.name(), MessageIds.parse(messageId));
        return views(request).evidence(delivery);
    }

    private static MessageViews views(HttpServletRequest request) {
        return new MessageViews(new ApiLinks(request.getContextPath()));
    }
}
