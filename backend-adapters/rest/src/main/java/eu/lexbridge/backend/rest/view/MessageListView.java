package eu.lexbridge.backend.rest.view;

import java.util.List;

/** Messages found by a query, e.g. by the back-end's own id. An object rather than a bare array, so it can grow. */
public record MessageListView(List<MessageSummary> messages) {
}
