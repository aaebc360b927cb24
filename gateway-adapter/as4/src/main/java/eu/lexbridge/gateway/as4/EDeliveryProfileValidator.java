package eu.lexbridge.gateway.as4;

import com.helger.diagnostics.error.SingleError;
import com.helger.diagnostics.error.list.ErrorList;
import com.helger.phase4.ebms3header.Ebms3UserMessage;
import com.helger.phase4.model.EMEP;
import com.helger.phase4.model.EMEPBinding;
import com.helger.phase4.model.ESoapVersion;
import com.helger.phase4.model.pmode.IPMode;
import com.helger.phase4.model.pmode.leg.EPModeSendReceiptReplyPattern;
import com.helger.phase4.model.pmode.leg.PModeLeg;
import com.helger.phase4.model.pmode.leg.PModeLegSecurity;
import com.helger.phase4.profile.IAS4ProfileValidator;
import java.util.Arrays;

/**
 * Refuses any PMode that is not the eDelivery AS4 Common Profile (1.x as e-CODEX uses it, or 2.0) as
 * {@link EDeliveryPMode} builds it, so a coding slip there cannot silently weaken the wire. Which profile a message must
 * be secured with is its partner's: {@link ProfilePolicy} holds WSS4J to that one.
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
        if (Arrays.stream(ProfileSecurity.values())
                .noneMatch(profile -> profile.signature() == security.getX509SignatureAlgorithm())) {
            errors.add(error("signature must be RSA-SHA256 (1.x), EdDSA Ed25519 or ECDSA-SHA256 (2.0)"));
        }
        if (security.getX509SignatureHashFunction() != ProfileSecurity.DIGEST) {
            errors.add(error("digest must be SHA-256"));
        }
        if (security.getX509EncryptionAlgorithm() != ProfileSecurity.PAYLOAD_ENCRYPTION) {
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
        return SingleError.builderError().errorText(LexBridgeProfile.ID + ": " + text).build();
    }
}
