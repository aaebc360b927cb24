package eu.lexbridge.backend.rest.view;

import eu.lexbridge.core.record.DeadlineAlert;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A time limit of one of the back-end's conversations that is due soon or was missed. */
@Schema(name = "DeadlineAlert")
public record DeadlineAlertView(
        @Schema(description = "its place among the back-end's alerts; pass the last one as 'after' to read on")
        String sequence,
        @Schema(allowableValues = {"DUE_SOON", "MISSED"}) String kind,
        String conversationId,
        @Schema(example = "D4", description = "the limit's id in the e-Evidence table") String deadlineId,
        @Schema(description = "what must be done") String title,
        @Schema(example = "Reg (EU) 2023/1543 Art 10(2)") String source,
        @Schema(example = "addressee", description = "who must act") String actor,
        @Schema(description = "the message that started the limit, when known") String startedBy,
        Instant startedAt,
        Instant dueAt,
        @Schema(description = "when the connector found it due soon or missed") Instant raisedAt,
        @Schema(description = "the conversation's timeline, with where each limit stands now") String timeline) {

    public static DeadlineAlertView of(DeadlineAlert alert, ApiLinks links) {
        return new DeadlineAlertView(Long.toString(alert.sequence()), alert.kind().name(), alert.conversationId(),
                alert.deadlineId(), alert.title(), alert.source(), alert.actor(),
                alert.startedBy().isEmpty() ? null : alert.startedBy(), alert.startedAt(), alert.dueAt(),
                alert.raisedAt(), links.conversationTimeline(alert.conversationId()));
    }
}
