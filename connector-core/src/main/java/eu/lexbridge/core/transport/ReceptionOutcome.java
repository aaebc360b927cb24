package eu.lexbridge.core.transport;

/** How the connector took an incoming AS4 user message; either way the gateway answers with a receipt. */
public enum ReceptionOutcome {
    /** Stored and queued for processing. */
    ACCEPTED,
    /** Seen before (same ebMS id); nothing was stored twice. */
    DUPLICATE
}
