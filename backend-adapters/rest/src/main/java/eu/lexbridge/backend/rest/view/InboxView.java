package eu.lexbridge.backend.rest.view;

import java.util.List;

/** Received messages waiting for the back-end, oldest first. An object rather than a bare array, so it can grow. */
public record InboxView(List<MessageSummary> messages) {
}
