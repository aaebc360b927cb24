package eu.lexbridge.core.authority;

import java.util.Objects;

/**
 * Where an authority is reached on e-CODEX: the final recipient (C4) that names it and the AS4 party of the connector
 * that serves it. Not an endpoint or a certificate: those are the partner's, found by the party id.
 */
public record EcodexAddress(String finalRecipient, String partyId, String partyIdType) {
    public EcodexAddress {
        requireText(finalRecipient, "finalRecipient");
        requireText(partyId, "partyId");
        requireText(partyIdType, "partyIdType");
    }

    private static void requireText(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
