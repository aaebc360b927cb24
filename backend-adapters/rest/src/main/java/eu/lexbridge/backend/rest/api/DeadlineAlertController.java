package eu.lexbridge.backend.rest.api;

import eu.lexbridge.backend.rest.auth.AuthenticatedBackend;
import eu.lexbridge.backend.rest.view.ApiLinks;
import eu.lexbridge.backend.rest.view.DeadlineAlertPageView;
import eu.lexbridge.backend.rest.view.DeadlineAlertView;
import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.port.DeadlineAlerts;
import eu.lexbridge.core.record.DeadlineAlert;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The back-end's time-limit alerts: each limit of its conversations found due soon or missed, once, in order, after a
 * cursor the back-end keeps. A back-end with a webhook gets the same alerts pushed; this list is how one that pulls
 * reads them, and how any back-end catches up.
 */
@RestController
@RequestMapping(value = ApiLinks.DEADLINE_ALERTS, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "conversations")
@SecurityRequirement(name = OpenApiDocumentation.BEARER)
public class DeadlineAlertController {

    static final int MAX_LIMIT = 500;

    private final DeadlineAlerts alerts;

    public DeadlineAlertController(DeadlineAlerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping
    @Operation(summary = "Read the time-limit alerts of this back-end's conversations",
            description = "Each procedural time limit found due soon (within lexbridge.case-record.deadline-warning) "
                    + "or missed, once per limit and kind, oldest first, after the cursor 'after' (0 or absent: from "
                    + "the beginning). Keep the answer's cursor and pass it as 'after' next time.")
    @ApiResponse(responseCode = "200", description = "the alerts, possibly none, and the cursor to read on from")
    @ApiResponse(responseCode = "400", description = "after or limit is not valid")
    public ResponseEntity<DeadlineAlertPageView> alerts(
            @Parameter(hidden = true) AuthenticatedBackend backend,
            @Parameter(description = "the cursor of the last answer; 0 or absent for the beginning")
            @RequestParam(required = false) String after,
            @Parameter(description = "at most this many alerts, 1 to " + MAX_LIMIT)
            @RequestParam(defaultValue = "" + EventController.DEFAULT_LIMIT) int limit,
            HttpServletRequest request) {
        long cursor = EventController.cursor(after);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, "limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        List<DeadlineAlert> page = alerts.alertsOf(backend.name(), cursor, limit);
        long next = page.isEmpty() ? cursor : page.get(page.size() - 1).sequence();
        ApiLinks links = new ApiLinks(request.getContextPath());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new DeadlineAlertPageView(
                page.stream().map(a -> DeadlineAlertView.of(a, links)).toList(), Long.toString(next),
                links.deadlineAlerts(next)));
    }
}
