package eu.lexbridge.record.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.message.BusinessService;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.testkit.InMemoryPayloadStore;
import eu.lexbridge.core.testkit.SampleMessages;
import eu.lexbridge.record.content.ContentCondition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Section M of the EPOC is for the enforcing authority: a submission that would carry it to a service provider's access
 * point is refused with the rule in words; without it, or to an authority, the EPOC goes; a content that cannot be
 * read to its end is refused rather than let through.
 */
class ConfidentialPartsTest {

    private static final ConfidentialPart SECTION_M = new ConfidentialPart("EEvidence", "EPOC",
            ContentCondition.parse("SectionM"), Set.of("service-provider"),
            "Section M is for the enforcing authority only (Reg (EU) 2023/1543 Art 9(2))");
    private static final Party PROVIDER = new Party("provider-gw", SampleMessages.GERMANY.partyIdType(), "GW");

    private final InMemoryPayloadStore payloads = new InMemoryPayloadStore();
    private final ConfidentialParts policy = new ConfidentialParts(List.of(SECTION_M),
            Map.of("provider-gw", "service-provider", "de-court", "enforcing-authority"), payloads);

    private ConnectorMessage epoc(Party to, String content) {
        return SampleMessages.outbound(Instant.now()).service(new BusinessService("EEvidence", "urn:e-codex:services:"))
                .action("EPOC").to(to).payloads(List.of(payloads.put(PayloadKind.BUSINESS_CONTENT, "messageContent",
                        "application/xml", content.getBytes(StandardCharsets.UTF_8)))).build();
    }

    private static final String WITH_M = """
            <EPOC xmlns="urn:test"><SectionB/><SectionM>
              <Necessity>proportionate</Necessity><CaseSummary>…</CaseSummary>
            </SectionM></EPOC>""";

    @Test
    void sectionMToAServiceProviderIsRefusedWithTheRule() {
        assertThat(policy.refusal(epoc(PROVIDER, WITH_M))).hasValueSatisfying(reason -> assertThat(reason)
                .isEqualTo("businessContent carries SectionM, which may not go to party provider-gw (a "
                        + "service-provider): Section M is for the enforcing authority only (Reg (EU) 2023/1543 "
                        + "Art 9(2)); send that part to its recipient in a message of its own"));
    }

    @Test
    void sectionMToTheEnforcingAuthorityGoes() {
        Party court = new Party("de-court", SampleMessages.GERMANY.partyIdType(), "GW");
        assertThat(policy.refusal(epoc(court, WITH_M))).isEmpty();
        assertThat(policy.refusal(epoc(SampleMessages.GERMANY, WITH_M))).as("a partner of no kind").isEmpty();
    }

    @Test
    void theEpocWithoutSectionMOrWithAnEmptyOneGoesToTheProvider() {
        assertThat(policy.refusal(epoc(PROVIDER, "<EPOC><SectionB>provider</SectionB></EPOC>"))).isEmpty();
        assertThat(policy.refusal(epoc(PROVIDER, "<EPOC><SectionM/><SectionM>  </SectionM></EPOC>"))).isEmpty();
    }

    @Test
    void aContentThatCannotBeReadToItsEndIsRefusedRatherThanLetThrough() {
        String padded = "<EPOC>" + "<x/>".repeat(eu.lexbridge.record.content.ContentFacts.MAX_ELEMENTS)
                + "<SectionM><a/></SectionM></EPOC>";
        assertThat(policy.refusal(epoc(PROVIDER, padded))).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("businessContent could not be read to its end"));
        assertThat(policy.refusal(epoc(PROVIDER, "<EPOC><SectionB>"))).as("not well-formed").isPresent();
    }
}
