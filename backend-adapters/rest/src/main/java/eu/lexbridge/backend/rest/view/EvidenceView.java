package eu.lexbridge.backend.rest.view;

import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** One evidence about a message; the signed ETSI-REM document is at {@code href}. */
public record EvidenceView(
        UUID evidenceId,
        EvidenceType type,
        boolean positive,
        EvidenceOrigin origin,
        Instant at,
        @Schema(description = "why, for a negative evidence") String reason,
        @Schema(description = "where to download the evidence XML") String href) {
}
