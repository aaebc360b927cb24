package eu.lexbridge.gateway.as4;

import com.helger.phase4.model.pmode.IPMode;
import com.helger.phase4.model.pmode.resolve.IAS4PModeResolver;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.port.PartnerDirectory;
import eu.lexbridge.core.port.SecurityEvents;
import eu.lexbridge.core.transport.Partner;
import java.util.Optional;

/**
 * Finds the PMode of an incoming user message: only a partner the directory knows may send, and only to our home party.
 * Anything else gets no PMode, which phase4 answers with EBMS:0010 ProcessingModeMismatch; so does a partner whose AS4
 * profile we cannot speak ({@link PartnerProfiles}). One per request: the partner it finds is the one whose certificate
 * that request's signature may name, and whose profile the request must follow ({@link RequestSender}).
 */
final class PartnerPModeResolver implements IAS4PModeResolver {

    private final As4Settings settings;
    private final Party home;
    private final PartnerDirectory partners;
    private final RequestSender sender;

    PartnerPModeResolver(As4Settings settings, PartnerDirectory partners, RequestSender sender) {
        this.settings = settings;
        this.home = settings.home();
        this.partners = partners;
        this.sender = sender;
    }

    @Override
    public IPMode findPMode(String pmodeId, String service, String action, String initiatorId, String responderId,
                            String agreementRef, String address) {
        // phase4 passes the bare PartyId values here; their types and the roles are checked by
        // IncomingUserMessageProcessor. The security event is written once, by RefusedMessageLog, with this reason.
        if (!home.partyId().equals(responderId)) {
            sender.refused(SecurityEvents.Kind.UNKNOWN_PARTNER, "addressed to party '" + responderId + "', we are '"
                    + home.partyId() + "' (from '" + initiatorId + "', action '" + action + "')");
            return null;
        }
        Optional<Partner> partner = initiatorId == null ? Optional.empty() : partners.byPartyId(initiatorId);
        if (partner.isEmpty()) {
            sender.refused(SecurityEvents.Kind.UNKNOWN_PARTNER, "sender party '" + initiatorId
                    + "' is not a known partner (action '" + action + "')");
            return null;
        }
        Optional<String> unfit = PartnerProfiles.problem(settings, partner.get());
        if (unfit.isPresent()) {
            sender.refused(SecurityEvents.Kind.UNKNOWN_PARTNER, unfit.get());
            return null;
        }
        sender.found(partner.get());
        return EDeliveryPMode.create(partner.get().party(), home, service, null, action, null,
                partner.get().as4Profile());
    }
}
