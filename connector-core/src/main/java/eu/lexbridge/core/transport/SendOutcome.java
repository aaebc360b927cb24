package eu.lexbridge.core.transport;

import java.util.Objects;

/**
 * What became of one AS4 send.
 *
 * @param receiptMessageId the ebMS id of the verified receipt when {@link Status#DELIVERED}
 * @param detail a sentence for people; no payload content
 */
public record SendOutcome(Status status, String receiptMessageId, String detail) {
    public SendOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    public static SendOutcome delivered(String receiptMessageId) {
        return new SendOutcome(Status.DELIVERED, receiptMessageId, "signed receipt " + receiptMessageId + " verified");
    }

    public static SendOutcome retryable(String detail) {
        return new SendOutcome(Status.RETRYABLE_FAILURE, null, detail);
    }

    public static SendOutcome failed(String detail) {
        return new SendOutcome(Status.FAILED, null, detail);
    }

    /** DELIVERED: the partner's access point returned a signed receipt that we verified. */
    public enum Status {
        DELIVERED,
        /** Transport trouble; the same message may be sent again later. */
        RETRYABLE_FAILURE,
        /** The partner refused it, or a retry cannot help. */
        FAILED
    }
}
