package eu.lexbridge.core.port;

import java.util.Objects;
import java.util.Optional;

/**
 * Finds the authority competent for a case: for an instrument, the role an authority plays under it and a place, the
 * e-CODEX address a back-end sends to (the final recipient, behind the connector with that party id). The e-Justice
 * Portal's court database is such a directory; a configured or signed snapshot is another.
 */
public interface AuthorityDirectory {

    /** The competent authority, or empty when the directory knows none for the query. */
    Optional<Authority> competent(Competence query);

    /**
     * What a competence is sought for.
     *
     * @param instrument the legal instrument, as the directory names it (e.g. {@code EPO} for the European order for
     *     payment, Regulation 1896/2006)
     * @param role the role an authority plays under the instrument (e.g. {@code court}, {@code enforcement})
     * @param place where: an ISO 3166-2 subdivision, a postal code or a municipality, as the instrument's directory
     *     keys competence
     */
    record Competence(String instrument, String role, String place) {
        public Competence {
            requireText(instrument, "instrument");
            requireText(role, "role");
            requireText(place, "place");
        }
    }

    /**
     * A competent authority and its e-CODEX address.
     *
     * @param name the authority's name, for people
     * @param finalRecipient the four-corner final recipient (C4) that identifies the authority
     * @param partyId the AS4 party id of the connector that serves it
     * @param partyIdType that party id's type, e.g. {@code urn:oasis:names:tc:ebcore:partyid-type:iso3166-1}
     */
    record Authority(String name, String finalRecipient, String partyId, String partyIdType) {
        public Authority {
            requireText(name, "name");
            requireText(finalRecipient, "finalRecipient");
            requireText(partyId, "partyId");
            requireText(partyIdType, "partyIdType");
        }
    }

    private static void requireText(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
