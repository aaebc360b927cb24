package eu.lexbridge.core.transport;

import java.util.Objects;

/**
 * What became of one AS4 send, or (PENDING) that the gateway took it and reports later.
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

    /** The gateway took the message and will report through {@link eu.lexbridge.core.port.GatewayOutcomes}. */
    public static SendOutcome pending(String detail) {
        return new SendOutcome(Status.PENDING, null, detail);
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
        /**
         * The gateway took the message and sends it on its own (Domibus does): it reports later, through
         * {@link eu.lexbridge.core.port.GatewayOutcomes}, whether the message was sent.
         */
        PENDING,
        /** Transport trouble; the same message may be sent again later. */
        RETRYABLE_FAILURE,
        /** The partner refused it, or a retry cannot help. */
        FAILED
    }
}
