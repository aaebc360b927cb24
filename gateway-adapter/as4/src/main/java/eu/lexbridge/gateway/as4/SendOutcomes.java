package eu.lexbridge.gateway.as4;

import com.helger.phase4.sender.EAS4UserMessageSendResult;
import com.helger.phase4.util.Phase4Exception;
import eu.lexbridge.core.transport.Partner;
import eu.lexbridge.core.transport.SendOutcome;

/** Turns phase4's send result into the connector's outcome: delivered only on a verified, signed NRR receipt. */
final class SendOutcomes {

    private SendOutcomes() {
    }

    static SendOutcome of(EAS4UserMessageSendResult result, ReceiptCheck receipt, Phase4Exception failure,
                          Partner partner) {
        String to = " (partner " + partner.name() + ", " + partner.endpoint() + ")";
        switch (result) {
            case SUCCESS: {
                String problem = receipt.receiptProblem(partner.certificate());
                return problem == null ? SendOutcome.delivered(receipt.signalMessageId())
                        : SendOutcome.failed("receipt " + receipt.signalMessageId() + " refused: " + problem + to);
            }
            case TRANSPORT_ERROR:
                return SendOutcome.retryable("transport error: " + reason(failure) + to);
            case TRANSPORT_ERROR_NO_RETRY:
                return SendOutcome.failed("transport error that a retry cannot fix: " + reason(failure) + to);
            case AS4_ERROR_MESSAGE_RECEIVED:
                return SendOutcome.failed("the partner refused the message: " + receipt.errors() + to);
            case NO_SIGNAL_MESSAGE_RECEIVED:
                return SendOutcome.failed("the partner answered without a receipt or error" + to);
            case INVALID_SIGNAL_MESSAGE_RECEIVED:
                return SendOutcome.failed("the partner's answer is neither a receipt nor an error" + to);
            case INVALID_PARAMETERS:
                return SendOutcome.failed("the AS4 message could not be built: " + reason(failure) + to);
            default:
                return SendOutcome.failed("unexpected AS4 send result " + result + to);
        }
    }

    private static String reason(Phase4Exception failure) {
        if (failure == null) {
            return "no detail";
        }
        // The innermost cause says what happened (connection refused, handshake failure, ...).
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
