package eu.lexbridge.core.port;

import eu.lexbridge.core.message.ConnectorMessage;
import java.util.List;

/**
 * Chooses the back-end of an inbound business message that no earlier message decides: the delivery flow first
 * routes an evidence to the back-end of its original message and a message of a known conversation to the back-end
 * that owns the conversation, and asks here only after that (routing rules, then the default back-end).
 */
public interface BackendRouter {

    String backendFor(ConnectorMessage inbound);

    /**
     * Back-ends that receive a copy of {@code inbound} besides its own back-end, e.g. an archive. A copy is for
     * reading only: its back-end cannot confirm the message, so no evidence follows from a copy.
     */
    default List<String> copiesFor(ConnectorMessage inbound) {
        return List.of();
    }
}
