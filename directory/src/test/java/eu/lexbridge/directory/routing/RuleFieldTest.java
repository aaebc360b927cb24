package eu.lexbridge.directory.routing;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.message.BusinessService;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.testkit.SampleMessages;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleFieldTest {

    /** An inbound message whose every rule field has a value of its own. */
    static ConnectorMessage message() {
        return SampleMessages.inbound(Instant.parse("2026-12-01T10:00:00Z"))
                .service(new BusinessService("EPO", "urn:e-codex:services:"))
                .action("A")
                .finalRecipient("eurojust::desk-at")
                .from(new Party("DE", "urn:oasis:names:tc:ebcore:partyid-type:iso3166-1", "GW"))
                .build();
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', textBlock = """
            equals(ServiceType, 'urn:e-codex:services:') => true
            equals(ServiceType, 'urn:e-codex:services') => false
            startswith(ServiceType, 'urn:e-codex:') => true
            equals(ServiceName, 'EPO') => true
            equals(ServiceName, 'epo') => false
            equals(FinalRecipient, 'eurojust::desk-at') => true
            startswith(FinalRecipient, 'eurojust::') => true
            startswith(FinalRecipient, 'eppo::') => false
            equals(Action, 'A') => true
            equals(FromPartyId, 'DE') => true
            startswith(FromPartyId, 'DEU') => false
            equals(FromPartyRole, 'GW') => true
            equals(FromPartyIdType, 'urn:oasis:names:tc:ebcore:partyid-type:iso3166-1') => true
            not(equals(FromPartyId, 'DE')) => false
            &(equals(ServiceName, 'EPO'), equals(FromPartyId, 'FR')) => false
            |(equals(ServiceName, 'X'), equals(FromPartyId, 'DE')) => true
            startswith(Action, '') => true
            """)
    void eachFieldReadsItsValue(String condition, boolean matches) {
        assertThat(ConditionParser.parse(condition).matches(message())).isEqualTo(matches);
    }

    /** A message without a final recipient matches no comparison of it, and its negation matches. */
    @Test
    void aMissingValueMatchesNothing() {
        var bare = message().toBuilder().finalRecipient(null).build();

        assertThat(ConditionParser.parse("startswith(FinalRecipient, '')").matches(bare)).isFalse();
        assertThat(ConditionParser.parse("equals(FinalRecipient, '')").matches(bare)).isFalse();
        assertThat(ConditionParser.parse("not(equals(FinalRecipient, ''))").matches(bare)).isTrue();
    }
}
