package eu.lexbridge.directory.authority;

import static eu.lexbridge.directory.authority.SnapshotJson.authority;
import static eu.lexbridge.directory.authority.SnapshotJson.competence;
import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.authority.AuthorityRole;
import eu.lexbridge.core.authority.Instrument;
import eu.lexbridge.core.authority.Lookup;
import eu.lexbridge.core.authority.RecipientQuery;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DirectoryIndexTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
    private static final Instrument EIO = new Instrument("EIO");

    private static final DirectoryIndex INDEX = new DirectoryIndex(new SnapshotReader().read(new ByteArrayInputStream(
            SnapshotJson.bytes(7, List.of(
                    authority("DE-BERLIN", "prosecutor", "de-court", competence("EIO", "executing",
                            "{\"countries\":[\"DE\"],\"postalCodes\":[{\"from\":\"10115\",\"to\":\"14199\"}]}")),
                    authority("DE-BRANDENBURG", "prosecutor", "de-court", competence("EIO", "executing",
                            "{\"countries\":[\"DE\"],\"regions\":[\"DE-BB\"],\"named\":[\"Potsdam\"]}")),
                    authority("DE-INTERCEPTION", "court", "de-court", "{\"instrument\":\"EIO\",\"roles\":"
                            + "[\"executing\"],\"area\":{\"countries\":[\"DE\"],\"postalCodes\":[{\"from\":\"10115\","
                            + "\"to\":\"14199\"}]},\"criteria\":{\"measure\":[\"interception\"]}}"),
                    authority("FR-BCAI", "central-authority", "fr-justice", competence("EIO", "central",
                            "{\"countries\":[\"FR\"]}")),
                    authority("FR-PARIS", "prosecutor", "fr-justice", "{\"instrument\":\"EIO\",\"roles\":"
                            + "[\"executing\"],\"area\":{\"countries\":[\"FR\"],\"regions\":[\"FR-75\"]},"
                            + "\"via\":\"FR-BCAI\"}"),
                    authority("FR-NATIONAL", "prosecutor", "fr-justice", competence("EIO", "executing",
                            "{\"countries\":[\"FR\"]}")),
                    authority("EPPO", "eppo", "eppo", competence("EIO", "issuing", "{\"countries\":[]}")),
                    authority("DE-OLD", "court", "de-court", competence("EAW", "executing",
                            "{\"countries\":[\"DE\"]}")).replace("\"competences\"",
                            "\"validUntil\":\"2024-12-31\",\"competences\""),
                    authority("NL-FR-ONLY", "court", "nl-justitie", competence("EAW", "executing",
                            "{\"countries\":[\"NL\"]}")).replace("[\"de\",\"en\"]", "[\"nl\"]"))))));

    private static RecipientQuery query(String instrument, AuthorityRole role, String country, String region,
                                        String postalCode, String area, String language, Map<String, String> criteria) {
        return new RecipientQuery(new Instrument(instrument), role, null, country, region, postalCode, area, language,
                criteria);
    }

    private static List<String> ids(Lookup lookup) {
        return lookup.matches().stream().map(Lookup.Match::authorityId).toList();
    }

    @Test
    void aPostalCodeChoosesTheAuthorityWhoseRangeHoldsIt() {
        Lookup lookup = INDEX.find(query("EIO", AuthorityRole.EXECUTING, "DE", null, "10115", null, null, null),
                TODAY);

        assertThat(ids(lookup)).containsExactly("DE-BERLIN");
        assertThat(lookup.matches().get(0).reason()).isEqualTo("EIO executing; postal code 10115 in 10115-14199");
        assertThat(lookup.matches().get(0).address().finalRecipient()).isEqualTo("urn:authority:DE-BERLIN");
        assertThat(lookup.source()).isEqualTo("directory snapshot 7 of 2026-12-01T00:00:00Z");
    }

    @Test
    void aRegionOrNamedAreaChoosesTheAuthorityForIt() {
        assertThat(ids(INDEX.find(query("EIO", AuthorityRole.EXECUTING, null, "DE-BB", null, null, null, null),
                TODAY))).containsExactly("DE-BRANDENBURG");
        assertThat(ids(INDEX.find(query("EIO", AuthorityRole.EXECUTING, "DE", null, null, "Potsdam", null, null),
                TODAY))).containsExactly("DE-BRANDENBURG");
    }

    @Test
    void aCountryAloneListsTheRegionalAuthoritiesAsCandidates() {
        Lookup lookup = INDEX.find(query("EIO", AuthorityRole.EXECUTING, "DE", null, null, null, null, null), TODAY);

        assertThat(lookup.matches()).isEmpty();
        assertThat(lookup.undecided()).extracting(Lookup.Match::authorityId).containsExactly("DE-BERLIN",
                "DE-BRANDENBURG");
        assertThat(lookup.undecided().get(0).reason()).contains("competent in part of DE (postal codes 10115-14199); "
                + "the query does not say which part");
    }

    @Test
    void aPlaceOutsideEveryAreaMatchesNothingAndAnAreaItCannotBeCheckedAgainstStaysUndecided() {
        Lookup munich = INDEX.find(query("EIO", AuthorityRole.EXECUTING, "DE", null, "80331", null, null, null),
                TODAY);

        assertThat(munich.matches()).isEmpty();
        // Brandenburg is given by region and name, not postal codes: whether 80331 is in it is not known.
        assertThat(munich.undecided()).extracting(Lookup.Match::authorityId).containsExactly("DE-BRANDENBURG");
        assertThat(INDEX.find(query("EIO", AuthorityRole.EXECUTING, "DE", "DE-BY", "80331", null, null, null), TODAY)
                .undecided()).isEmpty();
    }

    @Test
    void aCriterionTheQueryNamesChoosesTheAuthorityLimitedToIt() {
        Lookup interception = INDEX.find(query("EIO", AuthorityRole.EXECUTING, "DE", null, "10115", null, null,
                Map.of("measure", "interception")), TODAY);

        assertThat(ids(interception)).containsExactly("DE-INTERCEPTION");
        assertThat(interception.matches().get(0).reason()).endsWith("; measure interception");
        assertThat(ids(INDEX.find(query("EIO", AuthorityRole.EXECUTING, "DE", null, "10115", null, null,
                Map.of("measure", "hearing")), TODAY))).containsExactly("DE-BERLIN");
    }

    @Test
    void aStateThatRoutesThroughItsCentralAuthorityGivesTheCentralAuthoritysAddress() {
        Lookup paris = INDEX.find(query("EIO", AuthorityRole.EXECUTING, "FR", "FR-75", null, null, null, null), TODAY);

        assertThat(ids(paris)).containsExactly("FR-PARIS");
        assertThat(paris.matches().get(0).address().finalRecipient()).isEqualTo("urn:authority:FR-BCAI");
        assertThat(paris.matches().get(0).reason()).isEqualTo("EIO executing; region FR-75; through central "
                + "authority FR-BCAI (Authority FR-BCAI)");
    }

    @Test
    void aMoreSpecificAreaWinsOverTheWholeCountry() {
        assertThat(ids(INDEX.find(query("EIO", AuthorityRole.EXECUTING, "FR", "FR-75", null, null, null, null),
                TODAY))).containsExactly("FR-PARIS");
        assertThat(ids(INDEX.find(query("EIO", AuthorityRole.EXECUTING, "FR", "FR-13", null, null, null, null),
                TODAY))).containsExactly("FR-NATIONAL");
    }

    @Test
    void anAuthorityForEveryCountryMatchesAnywhere() {
        assertThat(ids(INDEX.find(query("EIO", AuthorityRole.ISSUING, "IT", null, null, null, null, null), TODAY)))
                .containsExactly("EPPO");
    }

    @Test
    void anAuthorityPastItsValidityOrWithoutTheLanguageIsNoMatch() {
        assertThat(INDEX.find(query("EAW", AuthorityRole.EXECUTING, "DE", null, null, null, null, null), TODAY)
                .matches()).isEmpty();
        assertThat(ids(INDEX.find(query("EAW", AuthorityRole.EXECUTING, "DE", null, null, null, null, null),
                LocalDate.of(2024, 12, 31)))).containsExactly("DE-OLD");
        assertThat(INDEX.find(query("EAW", AuthorityRole.EXECUTING, "NL", null, null, null, "de", null), TODAY)
                .matches()).isEmpty();
        assertThat(ids(INDEX.find(query("EAW", AuthorityRole.EXECUTING, "NL", null, null, null, "nl", null), TODAY)))
                .containsExactly("NL-FR-ONLY");
    }

    @Test
    void overlappingRangesAreAllFoundAndABroadRangeHoldsWhatTheNarrowOneDoesNot() {
        DirectoryIndex index = new DirectoryIndex(new SnapshotReader().read(new ByteArrayInputStream(
                SnapshotJson.bytes(1, List.of(
                        authority("BROAD", "court", "p", competence("EPO", "court",
                                "{\"countries\":[\"DE\"],\"postalCodes\":[{\"from\":\"10000\",\"to\":\"19999\"}]}")),
                        authority("NARROW", "court", "p", competence("EPO", "court",
                                "{\"countries\":[\"DE\"],\"postalCodes\":[\"10116\",{\"from\":\"30000\","
                                        + "\"to\":\"30999\"}]}")))))));

        assertThat(ids(index.find(query("EPO", AuthorityRole.COURT, "DE", null, "10116", null, null, null), TODAY)))
                .containsExactly("BROAD", "NARROW");
        assertThat(ids(index.find(query("EPO", AuthorityRole.COURT, "DE", null, "15000", null, null, null), TODAY)))
                .containsExactly("BROAD");
        assertThat(ids(index.find(query("EPO", AuthorityRole.COURT, "DE", null, "30500", null, null, null), TODAY)))
                .containsExactly("NARROW");
        assertThat(index.find(query("EPO", AuthorityRole.COURT, "DE", null, "40000", null, null, null), TODAY)
                .matches()).isEmpty();
    }

    @Test
    void manyUndecidedAuthoritiesAreCountedAndTheFirstListed() {
        List<String> areas = new java.util.ArrayList<>();
        for (int i = 0; i < 120; i++) {
            areas.add(authority(String.format("AREA-%03d", i), "court", "p", competence("EPO", "court",
                    "{\"countries\":[\"DE\"],\"named\":[\"area " + i + "\"]}")));
        }
        DirectoryIndex index = new DirectoryIndex(new SnapshotReader().read(new ByteArrayInputStream(
                SnapshotJson.bytes(1, areas))));

        Lookup lookup = index.find(query("EPO", AuthorityRole.COURT, "DE", null, null, null, null, null), TODAY);

        assertThat(lookup.undecidedTotal()).isEqualTo(120);
        assertThat(lookup.undecided()).hasSize(DirectoryIndex.LISTED_UNDECIDED)
                .first().satisfies(m -> assertThat(m.authorityId()).isEqualTo("AREA-000"));
    }

    @Test
    void anAuthorityIdFindsThatAuthority() {
        Lookup byId = INDEX.find(RecipientQuery.authority("FR-PARIS"), TODAY);

        assertThat(ids(byId)).containsExactly("FR-PARIS");
        assertThat(byId.matches().get(0).reason()).startsWith("authority FR-PARIS; EIO [executing]");
        assertThat(INDEX.find(RecipientQuery.authority("NOBODY"), TODAY).matches()).isEmpty();
        assertThat(INDEX.find(new RecipientQuery(EIO, AuthorityRole.ISSUING, "FR-PARIS", null, null, null, null, null,
                null), TODAY).matches()).isEmpty();
    }
}
