package eu.lexbridge.backend.rest.api;

import eu.lexbridge.core.authority.AuthorityRole;
import eu.lexbridge.core.authority.Instrument;
import eu.lexbridge.core.authority.RecipientQuery;
import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/** A recipient named by competence in a submission's metadata, or in a directory search. */
@Schema(description = "the competent authority by instrument, role and place (or by its directory id)")
public record RecipientMetadata(
        @Schema(description = "the instrument's code", example = "EIO") String instrument,
        @Schema(description = "the recipient's role under the instrument", example = "executing",
                allowableValues = {"issuing", "executing", "central", "transit", "transmitting", "receiving", "court",
                    "enforcing", "addressee"}) String role,
        @Schema(description = "the directory id of one authority") String authorityId,
        @Schema(description = "ISO 3166-1 alpha-2", example = "DE") String country,
        @Schema(description = "ISO 3166-2", example = "DE-BE") String region,
        @Schema(example = "10115") String postalCode,
        @Schema(description = "a named area the directory knows") String area,
        @Schema(description = "ISO 639-1 of the message's language", example = "de") String language,
        @Schema(description = "non-geographic criteria, e.g. measure, stage, urgency, service-provider")
        Map<String, String> criteria) {

    /** @throws ConnectorException LB-1002 naming what is wrong */
    public RecipientQuery query() {
        try {
            return new RecipientQuery(instrument == null ? null : Instrument.of(instrument),
                    role == null ? null : AuthorityRole.of(role), authorityId, country, region, postalCode, area,
                    language, criteria);
        } catch (IllegalArgumentException e) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, "recipient", "recipient: " + e.getMessage());
        }
    }
}
