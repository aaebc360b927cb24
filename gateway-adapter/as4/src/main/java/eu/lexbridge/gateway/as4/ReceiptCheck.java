package eu.lexbridge.gateway.as4;

import com.helger.phase4.ebms3header.Ebms3Error;
import com.helger.phase4.ebms3header.Ebms3SignalMessage;
import com.helger.phase4.incoming.IAS4IncomingMessageMetadata;
import com.helger.phase4.incoming.IAS4IncomingMessageState;
import com.helger.phase4.incoming.IAS4SignalMessageConsumer;
import com.helger.phase4.sender.IAS4SignalMessageValidationResultHandler;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the partner answered to one send, as phase4 saw it: the signal's id, whether its signature was verified and by
 * whom, whether its non-repudiation information matches what we signed, and any ebMS errors.
 */
final class ReceiptCheck implements IAS4SignalMessageConsumer, IAS4SignalMessageValidationResultHandler {

    enum NonRepudiation { NOT_CHECKED, VALID, INVALID, NOT_APPLICABLE }

    private String signalMessageId;
    private boolean signatureVerified;
    private X509Certificate signer;
    private String errors = "";
    private NonRepudiation nonRepudiation = NonRepudiation.NOT_CHECKED;
    private String nonRepudiationProblem;

    @Override
    public void handleSignalMessage(Ebms3SignalMessage signal, IAS4IncomingMessageMetadata metadata,
                                    IAS4IncomingMessageState state) {
        signalMessageId = signal.getMessageInfo() == null ? null : signal.getMessageInfo().getMessageId();
        signatureVerified = state.isSoapSignatureChecked() && state.getSoapWSS4JException() == null
                && state.hasSigningCertificate();
        signer = state.getSigningCertificate();
        errors = describe(signal.getError());
    }

    @Override
    public void onSuccess() {
        nonRepudiation = NonRepudiation.VALID;
    }

    @Override
    public void onError(String problem) {
        nonRepudiation = NonRepudiation.INVALID;
        nonRepudiationProblem = problem;
    }

    @Override
    public void onNotApplicable() {
        nonRepudiation = NonRepudiation.NOT_APPLICABLE;
    }

    String signalMessageId() {
        return signalMessageId;
    }

    /** Why the receipt is no proof of receipt from {@code partnerCertificate}, or {@code null} when it is one. */
    String receiptProblem(X509Certificate partnerCertificate) {
        if (signalMessageId == null) {
            return "the receipt has no message id";
        }
        if (!signatureVerified) {
            return "the receipt's signature was not verified";
        }
        if (!signer.equals(partnerCertificate)) {
            return "the receipt is signed by '" + signer.getSubjectX500Principal().getName()
                    + "', not by the partner's registered certificate";
        }
        if (nonRepudiation != NonRepudiation.VALID) {
            return "the receipt's non-repudiation information is " + nonRepudiation
                    + (nonRepudiationProblem == null ? "" : ": " + nonRepudiationProblem);
        }
        return null;
    }

    /** The ebMS errors the partner answered with, e.g. {@code EBMS:0101 FailedAuthentication (LB-3002: ...)}. */
    String errors() {
        return errors;
    }

    private static String describe(List<Ebms3Error> errors) {
        return errors.stream().map(error -> error.getErrorCode() + " " + error.getShortDescription()
                        + (text(error) == null ? "" : " (" + text(error) + ")"))
                .collect(Collectors.joining("; "));
    }

    private static String text(Ebms3Error error) {
        if (error.getDescription() != null && error.getDescription().getValue() != null) {
            return error.getDescription().getValue();
        }
        return error.getErrorDetail();
    }
}
