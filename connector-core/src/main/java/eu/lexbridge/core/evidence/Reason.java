package eu.lexbridge.core.evidence;

import java.util.Objects;

/**
 * Why a negative evidence was issued: the rejection code and what happened, kept apart from the flow to the evidence
 * document so that nobody has to read the code back out of a sentence.
 *
 * @param code the official connector's rejection code
 * @param detail what happened, in words; may be empty ({@code null} is taken as empty)
 */
public record Reason(RejectionReason code, String detail) {

    public Reason {
        Objects.requireNonNull(code, "code");
        // a gateway or back-end may report a failure without a word; the failure must still be recorded
        detail = detail == null ? "" : detail;
    }

    /**
     * The reason as the timeline, the stored evidence and the back-ends read it: the code, then the detail
     * ({@code "E100 detail"}).
     */
    public String text() {
        return code.code() + " " + detail;
    }
}
