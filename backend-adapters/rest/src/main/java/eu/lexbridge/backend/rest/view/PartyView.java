package eu.lexbridge.backend.rest.view;

import eu.lexbridge.core.message.Party;

/** An AS4 party as the back-end sees it. */
public record PartyView(String partyId, String partyIdType, String role) {

    static PartyView of(Party party) {
        return new PartyView(party.partyId(), party.partyIdType(), party.role());
    }
}
