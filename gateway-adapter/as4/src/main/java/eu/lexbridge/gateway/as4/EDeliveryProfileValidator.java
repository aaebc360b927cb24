package eu.lexbridge.gateway.as4;

import com.helger.diagnostics.error.SingleError;
import com.helger.diagnostics.error.list.ErrorList;
import com.helger.phase4.crypto.ECryptoAlgorithmCrypt;
import com.helger.phase4.crypto.ECryptoAlgorithmSign;
import com.helger.phase4.crypto.ECryptoAlgorithmSignDigest;
import com.helger.phase4.ebms3header.Ebms3UserMessage;
import com.helger.phase4.model.EMEP;
import com.helger.phase4.model.EMEPBinding;
import com.helger.phase4.model.ESoapVersion;
import com.helger.phase4.model.pmode.IPMode;
import com.helger.phase4.model.pmode.leg.EPModeSendReceiptReplyPattern;
import com.helger.phase4.model.pmode.leg.PModeLeg;
import com.helger.phase4.model.pmode.leg.PModeLegSecurity;
import com.helger.phase4.profile.IAS4ProfileValidator;

/**
 * Refuses any PMode that is not eDelivery AS4 1.x Common Profile as e-CODEX uses it, so a coding slip in
 * {@link EDeliveryPMode} cannot silently weaken the wire.
 */
final class EDeliveryProfileValidator implements IAS4ProfileValidator {

    @Override
    public void validatePMode(IPMode pmode, ErrorList errors, EAS4ProfileValidationMode mode) {
        if (pmode.getMEP() != EMEP.ONE_WAY || pmode.getMEPBinding() != EMEPBinding.PUSH) {
            errors.add(error("MEP must be One-Way/Push"));
        }
        if (pmode.getReceptionAwareness() == null || !pmode.getReceptionAwareness().isReceptionAwareness()
                || !pmode.getReceptionAwareness().isDuplicateDetection()) {
            errors.add(error("reception awareness and duplicate detection must be on"));
        }
        PModeLeg leg = pmode.getLeg1();
        if (leg == null || leg.getSecurity() == null || leg.getProtocol() == null) {
            errors.add(error("leg 1 with protocol and security is required"));
            return;
        }
        if (leg.getProtocol().getSoapVersion() != ESoapVersion.SOAP_12) {
            errors.add(error("SOAP 1.2 is required"));
        }
        if (leg.getErrorHandling() == null || !leg.getErrorHandling().isReportAsResponse()) {
            errors.add(error("errors must be reported as response"));
        }
        PModeLegSecurity security = leg.getSecurity();
        if (security.getX509SignatureAlgorithm() != ECryptoAlgorithmSign.RSA_SHA_256) {
            errors.add(error("signature must be RSA-SHA256"));
        }
        if (security.getX509SignatureHashFunction() != ECryptoAlgorithmSignDigest.DIGEST_SHA_256) {
            errors.add(error("digest must be SHA-256"));
        }
        if (security.getX509EncryptionAlgorithm() != ECryptoAlgorithmCrypt.AES_128_GCM) {
            errors.add(error("encryption must be AES-128-GCM"));
        }
        if (!security.isSendReceipt() || !security.isSendReceiptNonRepudiation()
                || security.getSendReceiptReplyPattern() != EPModeSendReceiptReplyPattern.RESPONSE) {
            errors.add(error("signed non-repudiation receipts on the response are required"));
        }
    }

    @Override
    public void validateUserMessage(Ebms3UserMessage message, ErrorList errors) {
        if (message.getMessageInfo() == null || message.getMessageInfo().getMessageId() == null
                || message.getMessageInfo().getMessageId().isBlank()) {
            errors.add(error("MessageInfo/MessageId is required"));
        }
        if (message.getCollaborationInfo() == null || message.getCollaborationInfo().getConversationId() == null
                || message.getCollaborationInfo().getConversationId().isBlank()) {
            errors.add(error("CollaborationInfo/ConversationId is required"));
        }
        if (message.getPartyInfo() == null || message.getPartyInfo().getFrom() == null
                || message.getPartyInfo().getTo() == null) {
            errors.add(error("PartyInfo/From and PartyInfo/To are required"));
        }
    }

    private static SingleError error(String text) {
        return SingleError.builderError().errorText("lexbridge-edelivery-1: " + text).build();
    }
}
