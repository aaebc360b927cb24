package eu.lexbridge.backend.rest.view;

import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.message.MessageState;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One line of a timeline: either a state the message reached or an evidence issued or received. */
public record TimelineEntryView(
        Instant at,
        @Schema(description = "set on a state line") MessageState state,
        @Schema(description = "set on an evidence line") EvidenceType evidenceType,
        @Schema(description = "set on an evidence line") EvidenceOrigin evidenceOrigin,
        String detail) {
}
