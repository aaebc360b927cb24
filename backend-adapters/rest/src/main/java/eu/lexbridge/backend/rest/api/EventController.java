package eu.lexbridge.backend.rest.api;

import eu.lexbridge.backend.rest.auth.AuthenticatedBackend;
import eu.lexbridge.backend.rest.view.ApiLinks;
import eu.lexbridge.backend.rest.view.EventPageView;
import eu.lexbridge.backend.rest.view.MessageViews;
import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.flow.ChangeFeed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The back-end's change feed: every state its messages reach and every evidence recorded about them, in order, read
 * after a cursor the back-end keeps, with a bounded long-poll. One request follows all of a back-end's messages, so
 * none has to be polled on its own.
 */
@RestController
@RequestMapping(value = ApiLinks.EVENTS, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "events")
@SecurityRequirement(name = OpenApiDocumentation.BEARER)
public class EventController {

    static final int DEFAULT_LIMIT = 100;
    private static final Pattern CURSOR = Pattern.compile("[0-9]{1,18}");

    /** Null on a connector without an outbox: the feed then answers 503. */
    private final ChangeFeed feed;

    /** @param feed the feed, or {@code null} when the application has no outbox to read */
    public EventController(ChangeFeed feed) {
        this.feed = feed;
    }

    @GetMapping
    @Operation(summary = "Follow the changes of this back-end's messages",
            description = "States reached and evidences recorded, for the messages this back-end sent and received, "
                    + "oldest first, after the cursor 'after' (0 or absent: from the beginning). With 'wait', an "
                    + "empty answer is held until an event arrives or the wait ends. Keep the answer's cursor and "
                    + "pass it as 'after' next time; the feed keeps no position of its own, so reading again from "
                    + "an older cursor returns the same events again.")
    @ApiResponse(responseCode = "200", description = "the events, possibly none, and the cursor to read on from")
    @ApiResponse(responseCode = "400", description = "after, wait or limit is not valid")
    @ApiResponse(responseCode = "503", description = "this connector keeps no change feed")
    public ResponseEntity<EventPageView> events(
            @Parameter(hidden = true) AuthenticatedBackend backend,
            @Parameter(description = "the cursor of the last answer; 0 or absent for the beginning")
            @RequestParam(required = false) String after,
            @Parameter(description = "how long to wait for an event when there is none yet, an ISO-8601 duration "
                    + "from PT0S to PT1M", example = "PT30S")
            @RequestParam(required = false) String wait,
            @Parameter(description = "at most this many events, 1 to " + ChangeFeed.MAX_LIMIT)
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit,
            HttpServletRequest request) {
        if (feed == null) {
            throw new ConnectorException(ErrorCode.QUEUE_UNAVAILABLE, null,
                    "this connector keeps no change feed; read each message instead");
        }
        long cursor = cursor(after);
        ChangeFeed.Page page = feed.read(backend.name(), cursor, limit, duration(wait));
        ApiLinks links = new ApiLinks(request.getContextPath());
        MessageViews views = new MessageViews(links);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new EventPageView(page.events().stream().map(views::event).toList(),
                        Long.toString(page.cursor()), links.events(page.cursor())));
    }

    /** The cursor a back-end passes as {@code after}: digits only, 0 or absent for the beginning. */
    static long cursor(String after) {
        if (after == null || after.isEmpty()) {
            return 0;
        }
        if (!CURSOR.matcher(after).matches()) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, "after",
                    "after must be a cursor the feed returned, or 0 for the beginning");
        }
        return Long.parseLong(after);
    }

    private static Duration duration(String wait) {
        if (wait == null || wait.isEmpty()) {
            return Duration.ZERO;
        }
        try {
            return Duration.parse(wait);
        } catch (DateTimeParseException e) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, "wait",
                    "wait must be an ISO-8601 duration such as PT30S");
        }
    }
}
