package eu.lexbridge.core.message;

import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One line of a message's timeline: a state it reached, or an evidence issued or received, with the time and the cause.
 *
 * @param state the state reached, or {@code null} for an evidence line
 * @param evidenceType the evidence, or {@code null} for a state line
 * @param evidenceOrigin issued or received, for an evidence line
 * @param detail the cause, in a sentence; never payload content
 */
public record TimelineEntry(UUID connectorMessageId, Instant at, MessageState state, EvidenceType evidenceType,
                            EvidenceOrigin evidenceOrigin, String detail) {
    public TimelineEntry {
        Objects.requireNonNull(connectorMessageId, "connectorMessageId");
        Objects.requireNonNull(at, "at");
        if ((state == null) == (evidenceType == null)) {
            throw new IllegalArgumentException("a timeline entry is either a state or an evidence");
        }
    }

    public static TimelineEntry state(UUID id, Instant at, MessageState state, String detail) {
        return new TimelineEntry(id, at, state, null, null, detail);
    }

    public static TimelineEntry evidence(UUID id, Instant at, EvidenceType type, EvidenceOrigin origin, String detail) {
        return new TimelineEntry(id, at, null, type, origin, detail);
    }
}
