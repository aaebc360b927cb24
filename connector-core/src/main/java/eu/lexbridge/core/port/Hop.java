package eu.lexbridge.core.port;

/** The persistent queues between the steps of a message's way. Queues carry message ids, never payload bytes. */
public enum Hop {
    OUTBOUND_SUBMITTED("lexbridge.outbound.submitted"),
    OUTBOUND_DISPATCH("lexbridge.outbound.dispatch"),
    INBOUND_RECEIVED("lexbridge.inbound.received"),
    INBOUND_BUSINESS("lexbridge.inbound.business"),
    BACKEND_DELIVERY("lexbridge.backend.delivery"),
    /** Evidences about a back-end's outbound messages, to be offered to it; the queue carries evidence ids. */
    BACKEND_EVIDENCE("lexbridge.backend.evidence"),
    EVIDENCE_INBOUND("lexbridge.evidence.inbound"),
    EVIDENCE_OUTBOUND("lexbridge.evidence.outbound");

    private final String queue;

    Hop(String queue) {
        this.queue = queue;
    }

    public String queue() {
        return queue;
    }
}
