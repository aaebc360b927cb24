package eu.lexbridge.gateway.as4;

import com.helger.phase4.ebms3header.Ebms3Error;
import com.helger.phase4.error.AS4Error;
import com.helger.phase4.error.AS4ErrorList;
import com.helger.phase4.incoming.IAS4IncomingMessageMetadata;
import com.helger.phase4.incoming.IAS4IncomingMessageState;
import com.helger.phase4.incoming.IAS4RequestHandlerErrorConsumer;
import com.helger.phase4.model.error.EEbmsError;
import com.helger.phase4.model.message.AS4ErrorMessage;
import eu.lexbridge.core.port.SecurityEvents;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every ebMS error our endpoint answers with. Security failures (signature, decryption, policy, unknown party) go
 * to the security log, including those phase4 raises itself before our code runs, such as an untrusted signer.
 */
final class RefusedMessageLog implements IAS4RequestHandlerErrorConsumer {

    private final SecurityEvents security;

    RefusedMessageLog(SecurityEvents security) {
        this.security = security;
    }

    private static final Logger LOG = LoggerFactory.getLogger(RefusedMessageLog.class);

    private static final Set<String> SECURITY_ERRORS = Set.of(EEbmsError.EBMS_FAILED_AUTHENTICATION.getErrorCode(),
            EEbmsError.EBMS_FAILED_DECRYPTION.getErrorCode(), EEbmsError.EBMS_POLICY_NONCOMPLIANCE.getErrorCode(),
            EEbmsError.EBMS_PROCESSING_MODE_MISMATCH.getErrorCode());

    @Override
    public void onAS4ErrorMessage(IAS4IncomingMessageMetadata metadata, IAS4IncomingMessageState state,
                                  AS4ErrorList errors, AS4ErrorMessage errorMessage) {
        String messageId = state == null ? null : state.getMessageID();
        String signer = state != null && state.hasSigningCertificate()
                ? state.getSigningCertificate().getSubjectX500Principal().getName() : "-";
        for (AS4Error error : errors) {
            Ebms3Error ebms = error.getEbmsError();
            boolean securityError = SECURITY_ERRORS.contains(ebms.getErrorCode());
            String line = "AS4 message " + messageId + " from " + metadata.getRemoteAddr() + " answered with ebMS "
                    + "error " + ebms.getErrorCode() + " " + ebms.getShortDescription() + " (signer " + signer + "): "
                    + detail(ebms);
            if (securityError) {
                this.security.record(SecurityEvents.Kind.AS4_SECURITY_FAILURE, line);
            } else {
                LOG.warn(line);
            }
        }
    }

    private static String detail(Ebms3Error error) {
        // Error details are phase4's or our own sentences (exception messages), never payload bytes.
        if (error.getErrorDetail() != null) {
            return error.getErrorDetail();
        }
        return error.getDescription() == null ? "-" : error.getDescription().getValue();
    }
}
