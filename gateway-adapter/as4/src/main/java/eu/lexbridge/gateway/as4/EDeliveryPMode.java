package eu.lexbridge.gateway.as4;

import com.helger.base.state.ETriState;
import com.helger.phase4.CAS4;
import com.helger.phase4.attachment.EAS4CompressionMode;
import com.helger.phase4.model.EMEP;
import com.helger.phase4.model.EMEPBinding;
import com.helger.phase4.model.ESoapVersion;
import com.helger.phase4.model.pmode.PMode;
import com.helger.phase4.model.pmode.PModeParty;
import com.helger.phase4.model.pmode.PModePayloadService;
import com.helger.phase4.model.pmode.PModeReceptionAwareness;
import com.helger.phase4.model.pmode.leg.EPModeSendReceiptReplyPattern;
import com.helger.phase4.model.pmode.leg.PModeLeg;
import com.helger.phase4.model.pmode.leg.PModeLegBusinessInformation;
import com.helger.phase4.model.pmode.leg.PModeLegErrorHandling;
import com.helger.phase4.model.pmode.leg.PModeLegProtocol;
import com.helger.phase4.model.pmode.leg.PModeLegSecurity;
import com.helger.phase4.wss.EWSSVersion;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.transport.As4Profile;

/**
 * Builds the eDelivery AS4 PMode for one exchange (initiator, responder, service, action) in the profile the partner
 * speaks: the values the Common Profile fixes, and nothing left to phase4's defaults. 1.x and 2.0 differ only in the
 * signature algorithm here (the key transport is not a PMode parameter of phase4's; {@link ProfileSecurity} sets it).
 * e-CODEX uses static agreements, so no AgreementRef.
 */
final class EDeliveryPMode {

    private static final int RECEPTION_AWARENESS_RETRIES = 1;
    private static final long RECEPTION_AWARENESS_RETRY_INTERVAL_MS = 10_000;

    private EDeliveryPMode() {
    }

    /**
     * Needs phase4's global scope ({@link As4Runtime}): a PMode is a phase4 business object.
     *
     * @param responderAddress the responder's endpoint when we send; {@code null} when we receive
     */
    static PMode create(Party initiator, Party responder, String service, String serviceType, String action,
                        String responderAddress, As4Profile profile) {
        String id = "lexbridge-" + profile.label() + ":" + initiator.partyId() + ">" + responder.partyId() + ":" + service + ":" + action;
        PModeLeg leg = new PModeLeg(new PModeLegProtocol(responderAddress, ESoapVersion.SOAP_12),
                new PModeLegBusinessInformation(service, emptyToNull(serviceType), action, null, null, null,
                        CAS4.DEFAULT_MPC_ID),
                // Errors go back on the HTTP response; asynchronous error reporting is forbidden by the profile.
                new PModeLegErrorHandling(null, null, ETriState.TRUE, ETriState.TRUE, ETriState.TRUE, ETriState.TRUE),
                null, security(ProfileSecurity.of(profile)));
        // Reception awareness and retry are on as the profile requires; the retries themselves are done durably by the
        // connector's dispatch route, so the sender turns phase4's in-call HTTP retries off.
        PModeReceptionAwareness awareness = new PModeReceptionAwareness(ETriState.TRUE, ETriState.TRUE,
                RECEPTION_AWARENESS_RETRIES, RECEPTION_AWARENESS_RETRY_INTERVAL_MS, ETriState.TRUE);
        // leg 2 = leg 1: phase4 takes a user message that carries RefToMessageId for the second leg of a Two-Way
        // exchange, and e-CODEX evidence messages are One-Way messages that carry it.
        return new PMode(id, party(initiator), party(responder), null, EMEP.ONE_WAY, EMEPBinding.PUSH, leg, leg,
                new PModePayloadService(EAS4CompressionMode.GZIP), awareness);
    }

    private static PModeLegSecurity security(ProfileSecurity profile) {
        PModeLegSecurity security = new PModeLegSecurity();
        security.setWSSVersion(EWSSVersion.WSS_111);
        security.setX509SignatureAlgorithm(profile.signature());
        security.setX509SignatureHashFunction(ProfileSecurity.DIGEST);
        security.setX509EncryptionAlgorithm(ProfileSecurity.PAYLOAD_ENCRYPTION);
        security.setX509EncryptionMinimumStrength(128);
        security.setPModeAuthorize(false);
        security.setSendReceipt(true);
        security.setSendReceiptNonRepudiation(true);
        security.setSendReceiptReplyPattern(EPModeSendReceiptReplyPattern.RESPONSE);
        return security;
    }

    private static PModeParty party(Party party) {
        return new PModeParty(party.partyIdType(), party.partyId(), party.role(), null, null);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
