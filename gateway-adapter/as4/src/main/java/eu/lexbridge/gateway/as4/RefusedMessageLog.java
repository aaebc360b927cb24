package eu.lexbridge.gateway.as4;

import com.helger.phase4.ebms3header.Ebms3Description;
import com.helger.phase4.ebms3header.Ebms3Error;
import com.helger.phase4.error.AS4Error;
import com.helger.phase4.error.AS4ErrorList;
import com.helger.phase4.incoming.IAS4IncomingMessageMetadata;
import com.helger.phase4.incoming.IAS4IncomingMessageState;
import com.helger.phase4.incoming.IAS4RequestHandlerErrorConsumer;
import com.helger.phase4.model.error.EEbmsError;
import com.helger.phase4.model.message.AS4ErrorMessage;
import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.port.SecurityEvents;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every ebMS error our endpoint answers with, and makes what the caller reads of it safe. Security failures
 * (signature, decryption, policy, unknown party) go to the security log, including those phase4 raises itself before
 * our code runs, such as an untrusted signer.
 *
 * <p>phase4 puts exception texts into ErrorDetail (class names, object addresses, WSS4J internals). phase4 calls this
 * consumer before it serialises the error signal, so the signal's Description and ErrorDetail are rewritten here: our
 * own refusals keep their {@code LB-xxxx} sentence, every other error carries a sentence for the partner's operator.
 */
final class RefusedMessageLog implements IAS4RequestHandlerErrorConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(RefusedMessageLog.class);

    private static final Set<String> SECURITY_ERRORS = Set.of(EEbmsError.EBMS_FAILED_AUTHENTICATION.getErrorCode(),
            EEbmsError.EBMS_FAILED_DECRYPTION.getErrorCode(), EEbmsError.EBMS_POLICY_NONCOMPLIANCE.getErrorCode(),
            EEbmsError.EBMS_PROCESSING_MODE_MISMATCH.getErrorCode());
    /** Our own refusals: "LB-1005: a sentence we wrote". */
    private static final Pattern OURS = Pattern.compile("LB-\\d{4}: [^\\r\\n]*");

    private final SecurityEvents security;

    RefusedMessageLog(SecurityEvents security) {
        this.security = security;
    }

    @Override
    public void onAS4ErrorMessage(IAS4IncomingMessageMetadata metadata, IAS4IncomingMessageState state,
                                  AS4ErrorList errors, AS4ErrorMessage errorMessage) {
        String messageId = state == null ? null : state.getMessageID();
        String signer = state != null && state.hasSigningCertificate()
                ? state.getSigningCertificate().getSubjectX500Principal().getName() : "-";
        for (AS4Error error : errors) {
            Ebms3Error ebms = error.getEbmsError();
            boolean securityError = SECURITY_ERRORS.contains(ebms.getErrorCode());
            String detail = detail(ebms);
            if (securityError || !authenticated(state)) {
                // Nobody we trust sent it: a security event either way. The security log escapes the whole detail.
                security.record(securityError ? SecurityEvents.Kind.AS4_SECURITY_FAILURE
                        : SecurityEvents.Kind.UNSAFE_INPUT, "AS4 message " + messageId + " from "
                        + metadata.getRemoteAddr() + " answered with ebMS error " + ebms.getErrorCode() + " "
                        + ebms.getShortDescription() + " (signer " + signer + "): " + detail);
            } else {
                LOG.warn("AS4 message {} from {} answered with ebMS error {} {} (signer {}): {}", LogSafe.of(messageId),
                        LogSafe.of(metadata.getRemoteAddr()), LogSafe.of(ebms.getErrorCode()),
                        LogSafe.of(ebms.getShortDescription()), LogSafe.of(signer), LogSafe.of(detail, 2048));
            }
        }
        if (errorMessage != null) {
            errorMessage.getEbms3SignalMessage().getError().forEach(RefusedMessageLog::makeSafeForCaller);
        }
    }

    private static boolean authenticated(IAS4IncomingMessageState state) {
        return state != null && state.isSoapSignatureChecked() && state.getSoapWSS4JException() == null
                && state.hasSigningCertificate();
    }

    private static void makeSafeForCaller(Ebms3Error error) {
        String detail = error.getErrorDetail();
        String sentence = detail != null && OURS.matcher(detail).matches() ? detail : sentenceFor(error);
        error.setErrorDetail(sentence);
        Ebms3Description description = new Ebms3Description();
        description.setLang("en");
        description.setValue(sentence);
        error.setDescription(description);
    }

    /** Names the ebMS error and where its reason is, never what phase4 or WSS4J said about it. */
    static String sentenceFor(Ebms3Error error) {
        EEbmsError known = EEbmsError.getFromErrorCodeOrNull(error.getErrorCode());
        String name = known != null ? known.getShortDescription() : "Other";
        return "The receiving access point refused the message: " + name + " (" + known(error) + "). Its operator "
                + "finds the reason in the access point's log under the message id.";
    }

    private static String known(Ebms3Error error) {
        String code = error.getErrorCode();
        return code != null && code.matches("EBMS:\\d{4}") ? code : "EBMS:0004";
    }

    private static String detail(Ebms3Error error) {
        // Error details are phase4's or our own sentences (exception messages), never payload bytes.
        if (error.getErrorDetail() != null) {
            return error.getErrorDetail();
        }
        return error.getDescription() == null ? "-" : error.getDescription().getValue();
    }
}
