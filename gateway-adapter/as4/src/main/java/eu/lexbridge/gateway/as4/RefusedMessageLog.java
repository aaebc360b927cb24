package eu.lexbridge.gateway.as4;

import com.helger.phase4.ebms3header.Ebms3Description;
import com.helger.phase4.ebms3header.Ebms3Error;
import com.helger.phase4.ebms3header.Ebms3MessageInfo;
import com.helger.phase4.error.AS4Error;
import com.helger.phase4.error.AS4ErrorList;
import com.helger.phase4.incoming.IAS4IncomingMessageMetadata;
import com.helger.phase4.incoming.IAS4IncomingMessageState;
import com.helger.phase4.incoming.IAS4RequestHandlerErrorConsumer;
import com.helger.phase4.model.error.EEbmsError;
import com.helger.phase4.model.message.AS4ErrorMessage;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.port.SecurityEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every ebMS error our endpoint answers with, and makes what the caller reads of it right and safe. One per
 * request. A refused message counts as exactly one security event when nobody we trust sent it or the refusal is a
 * security one (signature, decryption, policy, unknown party, PMode) — here and nowhere else, including the refusals
 * phase4 raises itself before our code runs, such as an untrusted signer.
 *
 * <p>phase4 calls this consumer before it signs and serialises the error signal, so the signal is corrected here:
 * <ul>
 *   <li>a signature or signer failure, which phase4 4.4.1 reports as EBMS:0102 FailedDecryption, becomes EBMS:0101
 *       FailedAuthentication (ebMS3 Core §6.7.2; {@link WssFailures} tells the two apart);</li>
 *   <li>a message secured with another AS4 profile's algorithms than its partner's ({@link ProfilePolicy}) becomes
 *       EBMS:0103 PolicyNoncompliance, with a sentence naming the algorithm and the profile;</li>
 *   <li>Description and ErrorDetail become one sentence for the partner's operator: our own refusals keep their
 *       {@code LB-xxxx} sentence, every other error gets ours — never phase4's exception texts, class names or WSS4J
 *       internals;</li>
 *   <li>the signal's MessageId ends in our ebMS id domain ({@link SignalMessageIds}).</li>
 * </ul>
 */
final class RefusedMessageLog implements IAS4RequestHandlerErrorConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(RefusedMessageLog.class);

    private static final Set<String> SECURITY_ERRORS = Set.of(EEbmsError.EBMS_FAILED_AUTHENTICATION.getErrorCode(),
            EEbmsError.EBMS_FAILED_DECRYPTION.getErrorCode(), EEbmsError.EBMS_POLICY_NONCOMPLIANCE.getErrorCode(),
            EEbmsError.EBMS_PROCESSING_MODE_MISMATCH.getErrorCode());
    /** Our own refusals: "LB-1005: a sentence we wrote". */
    private static final Pattern OURS = Pattern.compile("LB-\\d{4}: [^\\r\\n]*");
    /** What the partner's operator reads for the errors a partner meets most; any other gets a generic sentence. */
    private static final Map<String, String> SENTENCES = Map.of(
            EEbmsError.EBMS_FAILED_AUTHENTICATION.getErrorCode(), "The message's signature could not be verified, or"
                    + " its signing certificate is not the trusted certificate registered for the sending party.",
            EEbmsError.EBMS_FAILED_DECRYPTION.getErrorCode(), "The message's payloads could not be decrypted with the"
                    + " receiving access point's key.",
            EEbmsError.EBMS_PROCESSING_MODE_MISMATCH.getErrorCode(), "The message's parties, roles, service or action"
                    + " do not match an agreement (PMode) of the receiving access point.",
            EEbmsError.EBMS_POLICY_NONCOMPLIANCE.getErrorCode(), "The message does not meet the security policy of the"
                    + " receiving access point (signed and encrypted as the eDelivery AS4 profile requires).");

    private final SecurityEvents security;
    private final RequestSender sender;
    private final SignalMessageIds ids;
    private final TryAgainLater tryAgainLater;

    RefusedMessageLog(SecurityEvents security, RequestSender sender, SignalMessageIds ids,
                      TryAgainLater tryAgainLater) {
        this.security = security;
        this.sender = sender;
        this.ids = ids;
        this.tryAgainLater = tryAgainLater;
    }

    @Override
    public void onAS4ErrorMessage(IAS4IncomingMessageMetadata metadata, IAS4IncomingMessageState state,
                                  AS4ErrorList errors, AS4ErrorMessage errorMessage) {
        if (tryAgainLater.isSet()) {
            return; // not a refusal: the request is answered 503 and this error signal is never sent
        }
        boolean signerFailed = state != null && WssFailures.isAuthentication(state.getSoapWSS4JException());
        List<Ebms3Error> answered = new ArrayList<>();
        for (AS4Error error : errors) {
            answered.add(error.getEbmsError());
        }
        if (errorMessage != null) {
            answered.addAll(errorMessage.getEbms3SignalMessage().getError());
        }
        Optional<String> policy = sender.policyViolation();
        if (policy.isPresent()) {
            answered.forEach(error -> asPolicyNoncompliance(error, policy.get()));
        } else if (signerFailed) {
            answered.forEach(RefusedMessageLog::asFailedAuthentication);
        }
        record(metadata, state, errors);
        if (errorMessage != null) {
            Ebms3MessageInfo info = errorMessage.getEbms3SignalMessage().getMessageInfo();
            if (info != null) {
                info.setMessageId(ids.inOurDomain(info.getMessageId()));
            }
            errorMessage.getEbms3SignalMessage().getError().forEach(RefusedMessageLog::makeSafeForCaller);
        }
    }

    /** One security event for the whole refusal, or one log line when a trusted partner's message was refused. */
    private void record(IAS4IncomingMessageMetadata metadata, IAS4IncomingMessageState state, AS4ErrorList errors) {
        String messageId = state == null ? null : state.getMessageID();
        String signer = state != null && state.hasSigningCertificate()
                ? state.getSigningCertificate().getSubjectX500Principal().getName() : "-";
        boolean securityError = false;
        List<String> described = new ArrayList<>();
        for (AS4Error error : errors) {
            Ebms3Error ebms = error.getEbmsError();
            securityError |= SECURITY_ERRORS.contains(ebms.getErrorCode());
            described.add(ebms.getErrorCode() + " " + ebms.getShortDescription() + ": " + detail(ebms));
        }
        String reason = sender.refusalReason().map(r -> r + "; ").orElse("");
        if (securityError || !authenticated(state) || sender.refusalKind().isPresent()) {
            // Nobody we trust sent it: a security event either way. The security log escapes the whole detail.
            SecurityEvents.Kind kind = sender.refusalKind().orElse(securityError
                    ? SecurityEvents.Kind.AS4_SECURITY_FAILURE : SecurityEvents.Kind.UNSAFE_INPUT);
            security.record(kind, "AS4 message " + messageId + " from " + metadata.getRemoteAddr()
                    + " answered with ebMS error " + String.join("; ", described) + " (" + reason + "signer " + signer
                    + ")");
        } else {
            LOG.warn("AS4 message {} from {} answered with ebMS error {} (signer {})", LogSafe.of(messageId),
                    LogSafe.of(metadata.getRemoteAddr()), LogSafe.of(String.join("; ", described), 2048),
                    LogSafe.of(signer));
        }
    }

    private static boolean authenticated(IAS4IncomingMessageState state) {
        return state != null && state.isSoapSignatureChecked() && state.getSoapWSS4JException() == null
                && state.hasSigningCertificate();
    }

    /** ebMS3 Core §6.7.2: a signature that fails or a signer we do not trust is FailedAuthentication. */
    private static void asFailedAuthentication(Ebms3Error error) {
        if (EEbmsError.EBMS_FAILED_DECRYPTION.getErrorCode().equals(error.getErrorCode())) {
            EEbmsError authentication = EEbmsError.EBMS_FAILED_AUTHENTICATION;
            error.setErrorCode(authentication.getErrorCode());
            error.setShortDescription(authentication.getShortDescription());
            error.setSeverity(authentication.getSeverity().getSeverity());
            error.setCategory(authentication.getCategory().getDisplayName());
        }
    }

    /**
     * ebMS3 Core §6.7.2 EBMS:0103 PolicyNoncompliance: "the message's security methods ... were not satisfied" — here
     * the algorithms of another AS4 profile than the sender's. Not 0101: no signature was found wrong, and the partner
     * may well be who it says; the remedy is its profile, not its key.
     */
    private static void asPolicyNoncompliance(Ebms3Error error, String sentence) {
        if (EEbmsError.EBMS_FAILED_DECRYPTION.getErrorCode().equals(error.getErrorCode())
                || EEbmsError.EBMS_FAILED_AUTHENTICATION.getErrorCode().equals(error.getErrorCode())) {
            EEbmsError policy = EEbmsError.EBMS_POLICY_NONCOMPLIANCE;
            error.setErrorCode(policy.getErrorCode());
            error.setShortDescription(policy.getShortDescription());
            error.setSeverity(policy.getSeverity().getSeverity());
            error.setCategory(policy.getCategory().getDisplayName());
            error.setErrorDetail(ErrorCode.AS4_UNTRUSTED.code() + ": " + sentence);
        }
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

    /** One sentence naming what is wrong, never what phase4 or WSS4J said about it. */
    static String sentenceFor(Ebms3Error error) {
        String code = error.getErrorCode() != null && error.getErrorCode().matches("EBMS:\\d{4}")
                ? error.getErrorCode() : EEbmsError.EBMS_OTHER.getErrorCode();
        String known = SENTENCES.get(code);
        if (known != null) {
            return known;
        }
        EEbmsError named = EEbmsError.getFromErrorCodeOrNull(code);
        return "The receiving access point refused the message with " + code + " "
                + (named != null ? named.getShortDescription() : "Other") + ", and its operator finds the reason in"
                + " the access point's log under this message id.";
    }

    private static String detail(Ebms3Error error) {
        // Error details are phase4's or our own sentences (exception messages), never payload bytes.
        if (error.getErrorDetail() != null) {
            return error.getErrorDetail();
        }
        return error.getDescription() == null ? "-" : error.getDescription().getValue();
    }
}
