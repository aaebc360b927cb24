package eu.lexbridge.backend.rest.view;

import eu.lexbridge.core.authority.EcodexAddress;
import eu.lexbridge.core.authority.Lookup;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.function.Predicate;

/** What a directory lookup found, as the REST API answers it. */
@Schema(name = "Lookup", description = "the authorities that match a query, most specific first, each with why")
public record LookupView(
        @Schema(description = "what was searched, in words") String searched,
        @Schema(description = "the directory's version that answered") String source,
        @Schema(description = "the authorities that match; exactly one is what a submission by this query needs")
        List<MatchView> matches,
        @Schema(description = "when none matches: authorities competent for part of the place, which the query does "
                + "not say enough to decide on") List<MatchView> undecided) {

    /** @param partner whether a party id is one of this connector's partners */
    public static LookupView of(Lookup lookup, Predicate<String> partner) {
        return new LookupView(lookup.query().describe(), lookup.source(),
                lookup.matches().stream().map(m -> MatchView.of(m, partner)).toList(),
                lookup.undecided().stream().map(m -> MatchView.of(m, partner)).toList());
    }

    @Schema(name = "AuthorityMatch")
    public record MatchView(
            @Schema(description = "the authority's directory id") String authorityId,
            @Schema(description = "its name") String name,
            @Schema(description = "where a message for it goes") AddressView address,
            @Schema(description = "whether that party is one of this connector's partners") boolean reachable,
            @Schema(description = "why it matched", example = "EIO executing; postal code 10115 in 10115-14199")
            String reason) {

        static MatchView of(Lookup.Match match, Predicate<String> partner) {
            EcodexAddress address = match.address();
            return new MatchView(match.authorityId(), match.name(), new AddressView(address.finalRecipient(),
                    address.partyId(), address.partyIdType()), partner.test(address.partyId()), match.reason());
        }
    }

    @Schema(name = "EcodexAddress")
    public record AddressView(@Schema(description = "the final recipient (C4)") String finalRecipient,
                              @Schema(description = "the AS4 party of the connector that serves it") String partyId,
                              String partyIdType) {
    }
}
