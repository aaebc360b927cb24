package eu.lexbridge.backend.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.lexbridge.core.authority.AuthorityRole;
import eu.lexbridge.core.authority.EcodexAddress;
import eu.lexbridge.core.authority.Instrument;
import eu.lexbridge.core.authority.Lookup;
import eu.lexbridge.core.authority.RecipientQuery;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.testkit.SampleMessages;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A recipient named by competence: looked up, and submitted to, through the REST API. */
class DirectoryApiTest extends ApiTestSupport {

    private static final RecipientQuery BERLIN = new RecipientQuery(new Instrument("EIO"), AuthorityRole.EXECUTING,
            null, "DE", null, "10115", null, null, Map.of("measure", "hearing"));
    private static final RecipientQuery HAMBURG = new RecipientQuery(new Instrument("EIO"), AuthorityRole.EXECUTING,
            null, "DE", null, "20095", null, null, null);
    private static final String BERLIN_PARAMETERS = "instrument=eio&role=executing&country=DE&postalCode=10115"
            + "&criterion=measure:hearing";
    private static final String BERLIN_RECIPIENT = """
            {"instrument":"EIO","role":"executing","country":"DE","postalCode":"10115","criteria":{"measure":"hearing"}}""";

    private static Lookup.Match match(String id, String partyId) {
        return new Lookup.Match(id, "Prosecutor " + id, new EcodexAddress("urn:authority:" + id, partyId,
                SampleMessages.GERMANY.partyIdType()), "EIO executing; postal code in range");
    }

    @BeforeEach
    void directory() {
        if (connector.authorities().find(BERLIN).matches().isEmpty()) {
            connector.authorities().register(BERLIN, match("sta-berlin", "DE"))
                    .register(HAMBURG, match("sta-hamburg", "DE")).register(HAMBURG, match("sta-altona", "DE"));
        }
    }

    private static String byCompetence(String backendMessageId, String recipient) {
        return """
                {"backendMessageId":"%s","service":"EPO","action":"Form_A",
                 "originalSender":"urn:authority:at-prosecutor","recipient":%s}""".formatted(backendMessageId, recipient);
    }

    @Test
    void aLookupAnswersTheMatchesWithWhyAndWhetherTheirPartyIsAPartner() {
        ResponseEntity<String> response = get(COURT_A, "/api/v1/directory/authorities?" + BERLIN_PARAMETERS);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = json(response);
        assertThat(body.get("searched").asText()).isEqualTo("instrument EIO, role executing, country DE, postal code "
                + "10115, measure hearing");
        assertThat(body.at("/matches/0/authorityId").asText()).isEqualTo("sta-berlin");
        assertThat(body.at("/matches/0/address/finalRecipient").asText()).isEqualTo("urn:authority:sta-berlin");
        assertThat(body.at("/matches/0/reachable").asBoolean()).isTrue();
        assertThat(body.at("/matches/0/reason").asText()).isEqualTo("EIO executing; postal code in range");
        assertThat(body.get("undecided")).isEmpty();
    }

    @Test
    void aLookupWithABadValueIsAProblemNamingIt() {
        ResponseEntity<String> response = get(COURT_A, "/api/v1/directory/authorities?instrument=EIO&role=judge");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(response).get("code").asText()).isEqualTo("LB-1002");
        assertThat(json(response).get("detail").asText()).startsWith("recipient: role 'judge' is none of");
    }

    @Test
    void aLookupNeedsABackEnd() {
        assertThat(get(null, "/api/v1/directory/authorities?" + BERLIN_PARAMETERS).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aSubmissionByCompetenceGoesToTheAuthorityFound() {
        ResponseEntity<String> response = submit(COURT_A, form(byCompetence("by-competence-1", BERLIN_RECIPIENT),
                XML));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ConnectorMessage stored = store.find(UUID.fromString(json(response).get("connectorMessageId").asText()))
                .orElseThrow();
        assertThat(stored.to()).isEqualTo(SampleMessages.GERMANY);
        assertThat(stored.finalRecipient()).isEqualTo("urn:authority:sta-berlin");
    }

    @Test
    void aSubmissionThatMatchesSeveralAuthoritiesIsRefusedListingThemAndNothingIsStored() {
        ResponseEntity<String> response = submit(COURT_A, form(byCompetence("by-competence-2",
                "{\"instrument\":\"EIO\",\"role\":\"executing\",\"country\":\"DE\",\"postalCode\":\"20095\"}"), XML));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode problem = json(response);
        assertThat(problem.get("code").asText()).isEqualTo("LB-1011");
        assertThat(problem.get("field").asText()).isEqualTo("recipient");
        assertThat(problem.get("detail").asText()).contains("2 authorities", "sta-hamburg (Prosecutor sta-hamburg",
                "sta-altona (", "nothing was sent");
        assertThat(store.all()).isEmpty();
        assertThat(bus.published()).isEmpty();
    }

    @Test
    void aSubmissionThatMatchesNoAuthorityIsRefused() {
        ResponseEntity<String> response = submit(COURT_A, form(byCompetence("by-competence-3",
                "{\"instrument\":\"EAW\",\"role\":\"executing\",\"country\":\"DE\"}"), XML));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(response).get("code").asText()).isEqualTo("LB-1010");
        assertThat(store.all()).isEmpty();
    }

    @Test
    void aRecipientThatIsNoQueryIsRefusedNamingWhy() {
        ResponseEntity<String> response = submit(COURT_A, form(byCompetence("by-competence-4",
                "{\"instrument\":\"EIO\",\"country\":\"DE\"}"), XML));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(response).get("detail").asText()).isEqualTo("recipient: a recipient is named by an "
                + "instrument and a role, or by an authority id");
    }
}
