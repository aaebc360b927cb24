package eu.lexbridge.core.message;

import java.util.Objects;

/**
 * An AS4 party: the access point of a Member State or Union body, with the role it plays in an exchange.
 *
 * @param partyId the ebMS PartyId, e.g. {@code AT} or {@code eurojust}
 * @param partyIdType the PartyId type, an ebCore URN
 * @param role the ebMS role, agreed per service
 */
public record Party(String partyId, String partyIdType, String role) {
    public Party {
        Objects.requireNonNull(partyId, "partyId");
        Objects.requireNonNull(partyIdType, "partyIdType");
        Objects.requireNonNull(role, "role");
    }

    public Party withRole(String otherRole) {
        return new Party(partyId, partyIdType, otherRole);
    }
}
