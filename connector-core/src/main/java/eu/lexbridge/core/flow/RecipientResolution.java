package eu.lexbridge.core.flow;

import eu.lexbridge.core.authority.Lookup;
import eu.lexbridge.core.authority.RecipientQuery;
import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.message.BusinessService;
import eu.lexbridge.core.port.AuthorityDirectory;
import eu.lexbridge.core.port.PartnerDirectory;
import eu.lexbridge.core.transport.Partner;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Finds who a submitted message goes to: the partner a back-end names by its party id, or the competent authority a
 * back-end names by instrument, role and place (or id), found in the directory, then the partner that serves its
 * address. Authorities and partners stay apart: the directory gives an e-CODEX address, the partners give the
 * endpoint and certificate behind its party id.
 */
public final class RecipientResolution {

    /** The most candidates a refusal lists; the rest are counted. */
    static final int LISTED_CANDIDATES = 10;

    private final PartnerDirectory partners;
    private final AuthorityDirectory authorities;

    public RecipientResolution(PartnerDirectory partners, AuthorityDirectory authorities) {
        this.partners = Objects.requireNonNull(partners, "partners");
        this.authorities = Objects.requireNonNull(authorities, "authorities");
    }

    /**
     * Where a message goes.
     *
     * @param partner the connector it is sent to
     * @param finalRecipient the final recipient (C4), or {@code null} when the back-end gave none
     * @param note how it was found, for the message's timeline; {@code null} when the back-end named the party
     */
    public record Recipient(Partner partner, String finalRecipient, String note) {
        public Recipient {
            Objects.requireNonNull(partner, "partner");
        }
    }

    /**
     * The partner a back-end names by its AS4 party id.
     *
     * @throws ConnectorException LB-1004 when it is not a partner, LB-1005 when it does not take the service and action
     */
    public Recipient byParty(String toPartyId, String finalRecipient, BusinessService service, String action) {
        Partner partner = partners.byPartyId(toPartyId).orElseThrow(() -> new ConnectorException(
                ErrorCode.UNKNOWN_RECIPIENT, "toPartyId", "toPartyId '" + toPartyId + "' is not a configured partner"));
        return new Recipient(takes(partner, service, action), finalRecipient, null);
    }

    /** The partner, when its access point takes the service and action (its PMode legs, where they were imported). */
    private static Partner takes(Partner partner, BusinessService service, String action) {
        if (!partner.takes(service.value(), action)) {
            throw new ConnectorException(ErrorCode.UNKNOWN_SERVICE_ACTION, "service", "partner " + partner.name()
                    + " does not take service '" + service.value() + "' with action '" + action + "'");
        }
        return partner;
    }

    /**
     * The one competent authority for {@code query} and the partner serving its address.
     *
     * @throws ConnectorException LB-1010 when none matches, LB-1011 when several do or the place does not say enough
     *     to decide (each names what was searched and the candidates), LB-1004 when the authority's party is not a
     *     partner of ours, LB-1005 when that partner does not take the service and action
     */
    public Recipient byCompetence(RecipientQuery query, BusinessService service, String action) {
        Lookup lookup = authorities.find(query);
        if (!lookup.undecided().isEmpty()) {
            throw new ConnectorException(ErrorCode.AMBIGUOUS_RECIPIENT, "recipient", "no authority in "
                    + lookup.source() + " is known to be competent for " + query.describe() + "; "
                    + lookup.undecidedTotal() + " are competent for part of the place, which it does not say "
                    + "enough to decide on: " + candidates(lookup.undecided(), lookup.undecidedTotal()) + "; give the region, postal code or "
                    + "area, or name one by its authority id; nothing was sent");
        }
        if (lookup.matches().isEmpty()) {
            throw new ConnectorException(ErrorCode.NO_COMPETENT_AUTHORITY, "recipient", "no authority in "
                    + lookup.source() + " matches " + query.describe() + "; nothing was sent");
        }
        if (lookup.matches().size() > 1) {
            throw new ConnectorException(ErrorCode.AMBIGUOUS_RECIPIENT, "recipient",
                    lookup.matches().size() + " authorities in " + lookup.source() + " match " + query.describe()
                    + ": " + candidates(lookup.matches(), lookup.matches().size()) + "; narrow the query or name one by its authority id; "
                    + "nothing was sent");
        }
        Lookup.Match match = lookup.matches().get(0);
        var address = match.address();
        Partner partner = partners.byPartyId(address.partyId())
                .filter(p -> p.party().partyIdType().equals(address.partyIdType()))
                .orElseThrow(() -> new ConnectorException(ErrorCode.UNKNOWN_RECIPIENT, "recipient", "authority "
                        + match.authorityId() + " is reached at party " + address.partyId() + " ("
                        + address.partyIdType() + "), which is not a configured partner; nothing was sent"));
        return new Recipient(takes(partner, service, action), address.finalRecipient(), "recipient "
                + match.authorityId() + " ("
                + match.name() + ") found in " + lookup.source() + " for " + query.describe() + ": "
                + match.reason());
    }

    private static String candidates(List<Lookup.Match> candidates, int total) {
        String listed = candidates.stream().limit(LISTED_CANDIDATES)
                .map(m -> m.authorityId() + " (" + m.name() + ": " + m.reason() + ")")
                .collect(Collectors.joining("; "));
        int more = total - Math.min(candidates.size(), LISTED_CANDIDATES);
        return more > 0 ? listed + "; and " + more + " more" : listed;
    }
}
