package eu.lexbridge.backend.rest.view;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A page of the back-end's time-limit alerts and where to read on. */
@Schema(name = "DeadlineAlertPage")
public record DeadlineAlertPageView(
        List<DeadlineAlertView> alerts,
        @Schema(description = "pass as 'after' to read on; unchanged when the page is empty") String cursor,
        @Schema(description = "the next read, as a link") String next) {
}
