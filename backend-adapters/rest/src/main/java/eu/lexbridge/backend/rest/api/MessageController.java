package eu.lexbridge.backend.rest.api;

import com.fasterxml.jackson.databind.JsonNode;
import eu.lexbridge.backend.rest.auth.AuthenticatedBackend;
import eu.lexbridge.backend.rest.view.ApiLinks;
import eu.lexbridge.backend.rest.view.EvidenceView;
import eu.lexbridge.backend.rest.view.InboxView;
import eu.lexbridge.backend.rest.view.MessageListView;
import eu.lexbridge.backend.rest.view.MessageView;
import eu.lexbridge.backend.rest.view.MessageViews;
import eu.lexbridge.backend.rest.view.TimelineView;
import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.evidence.BackendConfirmation;
import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.flow.BackendInbox;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.TimelineEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a back-end reads about its messages, and what it confirms about a received one: acknowledgement (DELIVERY),
 * refusal (NON_DELIVERY), retrieval (RETRIEVAL) and failed retrieval (NON_RETRIEVAL), each issued as a sealed
 * evidence to the sender. A message of another back-end answers exactly as one that does not exist.
 */
@RestController
@RequestMapping(value = ApiLinks.MESSAGES, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "messages")
@SecurityRequirement(name = OpenApiDocumentation.BEARER)
public class MessageController {

    static final int MAX_INBOX_LIMIT = 500;
    /** A client may keep a copy, but must ask again (conditionally) before it uses it. */
    private static final CacheControl REVALIDATE = CacheControl.noCache().cachePrivate();

    private final BackendInbox inbox;

    public MessageController(BackendInbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/inbox")
    @ApiResponse(responseCode = "200", description = "the waiting messages")
    @Operation(summary = "List received messages waiting for this back-end, oldest first",
            description = "A message stays here until it is acknowledged.")
    @ApiResponse(responseCode = "400", description = "limit out of range")
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

    @GetMapping
    @ApiResponse(responseCode = "200", description = "the message, or none; never another back-end's")
    @Operation(summary = "Find a message by the back-end's own id",
            description = "The backendMessageId the back-end gave at submission. Another back-end's id finds "
                    + "nothing, as an id never used does.")
    @ApiResponse(responseCode = "400", description = "backendMessageId is empty")
    public MessageListView find(@Parameter(hidden = true) AuthenticatedBackend backend,
                                @Parameter(description = "the back-end's own id of the message", required = true)
                                @RequestParam String backendMessageId,
                                HttpServletRequest request) {
        if (backendMessageId.isBlank()) {
            throw new ConnectorException(ErrorCode.MISSING_FIELD, "backendMessageId", "backendMessageId is empty");
        }
        MessageViews views = views(request);
        // stripped, as a submission stores it
        return new MessageListView(inbox.byBackendMessageId(backend.name(), backendMessageId.strip())
                .map(views::summary).stream().toList());
    }

    @GetMapping("/{messageId}")
    @ApiResponse(responseCode = "200", description = "the message",
            headers = @Header(name = "ETag", description = "changes when the state, payloads or evidences change"))
    @ApiResponse(responseCode = "304", description = "unchanged since the ETag sent in If-None-Match")
    @Operation(summary = "Get a message with its payloads and evidences",
            description = "Conditional: send the ETag of an earlier answer in If-None-Match and an unchanged "
                    + "message answers 304 without a body.")
    @ApiResponse(responseCode = "404", description = OpenApiDocumentation.NO_SUCH_MESSAGE)
    public ResponseEntity<MessageView> message(@Parameter(hidden = true) AuthenticatedBackend backend,
                                               @PathVariable String messageId, HttpServletRequest request) {
        UUID id = MessageIds.parse(messageId);
        ConnectorMessage message = inbox.fetched(backend.name(), id);
        List<Evidence> evidences = inbox.evidences(backend.name(), id);
        // Spring answers 304 itself when If-None-Match matches the ETag of a 200 to a GET
        return ResponseEntity.ok().eTag(EntityTags.message(message, evidences)).cacheControl(REVALIDATE)
                .body(views(request).message(message, evidences));
    }

    @GetMapping("/{messageId}/timeline")
    @ApiResponse(responseCode = "200", description = "the timeline",
            headers = @Header(name = "ETag", description = "changes when a line is added"))
    @ApiResponse(responseCode = "304", description = "unchanged since the ETag sent in If-None-Match")
    @Operation(summary = "Get everything that happened to a message, in order, with its evidences")
    @ApiResponse(responseCode = "404", description = OpenApiDocumentation.NO_SUCH_MESSAGE)
    public ResponseEntity<TimelineView> timeline(@Parameter(hidden = true) AuthenticatedBackend backend,
                                                 @PathVariable String messageId, HttpServletRequest request) {
        UUID id = MessageIds.parse(messageId);
        List<TimelineEntry> entries = inbox.timeline(backend.name(), id);
        List<Evidence> evidences = inbox.evidences(backend.name(), id);
        return ResponseEntity.ok().eTag(EntityTags.timeline(id, entries, evidences)).cacheControl(REVALIDATE)
                .body(views(request).timeline(id, entries, evidences));
    }

    @PostMapping("/{messageId}/acknowledgement")
    @ApiResponse(responseCode = "200", description = "the DELIVERY evidence")
    @Operation(summary = "Confirm that the back-end has taken a received message",
            description = "Issues the DELIVERY evidence to the sender. Acknowledging again returns the same evidence.")
    @ApiResponse(responseCode = "404", description = OpenApiDocumentation.NO_SUCH_MESSAGE)
    @ApiResponse(responseCode = "409", description = "not a received message waiting for the back-end (LB-1300), "
            + "or one the back-end has refused (LB-1301)")
    public EvidenceView acknowledge(@Parameter(hidden = true) AuthenticatedBackend backend,
                                    @PathVariable String messageId, HttpServletRequest request) {
        Evidence delivery = inbox.acknowledge(backend.name(), MessageIds.parse(messageId));
        return views(request).evidence(delivery);
    }

    @PostMapping(value = "/{messageId}/refusal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", description = "the NON_DELIVERY evidence")
    @Operation(summary = "Refuse a received message the back-end cannot take",
            description = "Issues the NON_DELIVERY evidence, with the reason, to the sender; the message leaves the "
                    + "inbox. Only a message not yet acknowledged can be refused. Refusing again returns the same "
                    + "evidence.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ConfirmationReason.class))))
    @ApiResponse(responseCode = "400", description = "the reason is too long or not plain text")
    @ApiResponse(responseCode = "404", description = OpenApiDocumentation.NO_SUCH_MESSAGE)
    @ApiResponse(responseCode = "409", description = "the message was acknowledged (LB-1301), or is not a received "
            + "message waiting for the back-end (LB-1300)")
    public EvidenceView refuse(@Parameter(hidden = true) AuthenticatedBackend backend, @PathVariable String messageId,
                               @RequestBody(required = false) JsonNode body, HttpServletRequest request) {
        return confirm(backend, messageId, BackendConfirmation.NON_DELIVERY, ConfirmationReason.read(body), request);
    }

    @PostMapping("/{messageId}/retrieval")
    @ApiResponse(responseCode = "200", description = "the RETRIEVAL evidence")
    @Operation(summary = "Confirm that the recipient has retrieved an acknowledged message",
            description = "Issues the RETRIEVAL evidence to the sender. Confirming again returns the same evidence.")
    @ApiResponse(responseCode = "404", description = OpenApiDocumentation.NO_SUCH_MESSAGE)
    @ApiResponse(responseCode = "409", description = "the message is not acknowledged yet (LB-1300), or its "
            + "retrieval failed as the back-end said before (LB-1301)")
    public EvidenceView retrieved(@Parameter(hidden = true) AuthenticatedBackend backend,
                                  @PathVariable String messageId, HttpServletRequest request) {
        return confirm(backend, messageId, BackendConfirmation.RETRIEVAL, null, request);
    }

    @PostMapping(value = "/{messageId}/retrieval-failure", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", description = "the NON_RETRIEVAL evidence")
    @Operation(summary = "Report that the recipient did not retrieve an acknowledged message",
            description = "Issues the NON_RETRIEVAL evidence, with the reason, to the sender; the message stays "
                    + "DELIVERED_TO_BACKEND. Reporting again returns the same evidence.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ConfirmationReason.class))))
    @ApiResponse(responseCode = "400", description = "the reason is too long or not plain text")
    @ApiResponse(responseCode = "404", description = OpenApiDocumentation.NO_SUCH_MESSAGE)
    @ApiResponse(responseCode = "409", description = "the message is not acknowledged yet (LB-1300), or was "
            + "confirmed retrieved before (LB-1301)")
    public EvidenceView retrievalFailed(@Parameter(hidden = true) AuthenticatedBackend backend,
                                        @PathVariable String messageId,
                                        @RequestBody(required = false) JsonNode body, HttpServletRequest request) {
        return confirm(backend, messageId, BackendConfirmation.NON_RETRIEVAL, ConfirmationReason.read(body),
                request);
    }

    private EvidenceView confirm(AuthenticatedBackend backend, String messageId, BackendConfirmation confirmation,
                                 String reason, HttpServletRequest request) {
        Evidence evidence = inbox.confirm(backend.name(), MessageIds.parse(messageId), confirmation, reason);
        return views(request).evidence(evidence);
    }

    private static MessageViews views(HttpServletRequest request) {
        return new MessageViews(new ApiLinks(request.getContextPath()));
    }
}
