package eu.lexbridge.backend.rest.view;

import eu.lexbridge.core.record.CaseDeadline;
import eu.lexbridge.core.record.CaseTimeline;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A conversation's record in time order: its messages with their states and evidences, the transmissions made outside
 * the system, and its procedural time limits.
 */
@Schema(name = "CaseTimeline")
public record CaseTimelineView(String conversationId,
                               @Schema(description = "the moment the deadlines' status is given for") Instant asOf,
                               List<Entry> entries, List<Deadline> deadlines,
                               List<TransmissionRecordView> records) {

    /** One line. */
    @Schema(name = "CaseTimelineEntry")
    public record Entry(Instant at,
                        @Schema(description = "MESSAGE, STATE, EVIDENCE, TRANSMISSION or DEADLINE") String kind,
                        @Schema(description = "the message's connector id, the record's id or the deadline's id")
                        String subject,
                        String title, String detail) {
    }

    /** A procedural time limit as it stands at {@code asOf}. */
    @Schema(name = "CaseDeadline")
    public record Deadline(@Schema(example = "D2") String id, String title,
                           @Schema(example = "Reg (EU) 2023/1543 Art 10(3)") String source,
                           @Schema(description = "who must act", example = "addressee") String actor,
                           @Schema(description = "the message that started it") String messageId,
                           Instant startedAt, @Schema(description = "absent when open-ended") Instant dueAt,
                           @Schema(description = "RUNNING, SUSPENDED, MET, MISSED, CANCELLED, CLOSED or OPEN")
                           String status, Instant closedAt,
                           @Schema(description = "met after it was due") boolean late) {
        static Deadline of(CaseDeadline d) {
            return new Deadline(d.id(), d.title(), d.source(), d.actor(), d.messageId(), d.startedAt(), d.dueAt(),
                    d.status().name(), d.closedAt(), d.late());
        }
    }

    public static CaseTimelineView of(CaseTimeline timeline, ApiLinks links) {
        return new CaseTimelineView(timeline.conversationId(), timeline.asOf(),
                timeline.entries().stream().map(e -> new Entry(e.at(), e.kind().name(), e.subject(), e.title(),
                        e.detail())).toList(),
                timeline.deadlines().stream().map(Deadline::of).toList(),
                timeline.records().stream().map(r -> TransmissionRecordView.of(r, links)).toList());
    }
}
