package eu.lexbridge.backend.rest.view;

import java.util.List;
import java.util.UUID;

/** Everything that happened to a message, in order, and the evidences that prove it. */
public record TimelineView(UUID connectorMessageId, List<TimelineEntryView> entries, List<EvidenceView> evidences) {
}
