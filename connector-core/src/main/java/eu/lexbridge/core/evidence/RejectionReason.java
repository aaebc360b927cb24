package eu.lexbridge.core.evidence;

/**
 * The reasons of a negative evidence, with the official connector's codes ({@code DomibusConnectorRejectionReason}),
 * so that its back-ends read our reasons the same way. A reason travels as a {@link Reason} value from the flow to the
 * evidence factory, which writes its code and detail as they are.
 */
public enum RejectionReason {
    /** Unspecific processing error. */
    OTHER("E100", "Unspecific processing error"),
    BACKEND_REJECTION("E200", "The connector backend or backend application rejected the message"),
    GW_REJECTION("E201", "The gateway or gateway application rejected the message"),
    DELIVERY_EVIDENCE_TIMEOUT("E300", "The maximum wait time for a NON_DELIVERY/DELIVERY evidence has been reached"),
    RELAY_REMMD_TIMEOUT("E301",
            "The maximum wait time for a RELAY_REMMD_ACCEPTANCE/RELAY_REMMD_REJECTION evidence has been reached"),
    /** Not among the official connector's reasons, which enforces no retrieval timeout. */
    RETRIEVAL_EVIDENCE_TIMEOUT("E302",
            "The maximum wait time for a NON_RETRIEVAL/RETRIEVAL evidence has been reached"),
    UNREACHABLE("E404", "The recipient could not be reached");

    private final String code;
    private final String text;

    RejectionReason(String code, String text) {
        this.code = code;
        this.text = text;
    }

    /** The code, e.g. {@code E301}. */
    public String code() {
        return code;
    }

    /** What the code stands for, in the official connector's words where it has some. */
    public String text() {
        return text;
    }

    /** This code with what happened; its text reads {@code "E100 detail"}. */
    public Reason because(String detail) {
        return new Reason(this, detail);
    }

    /**
     * This code with its name before what happened, as the timeouts give it: the detail reads
     * {@code "RELAY_REMMD_TIMEOUT: detail"}, the text {@code "E301 RELAY_REMMD_TIMEOUT: detail"}.
     */
    public Reason named(String detail) {
        return new Reason(this, name() + ": " + detail);
    }
}
