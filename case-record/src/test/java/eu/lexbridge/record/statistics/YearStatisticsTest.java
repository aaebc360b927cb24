package eu.lexbridge.record.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.message.BusinessService;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.testkit.InMemoryMessageStore;
import eu.lexbridge.core.testkit.InMemoryPayloadStore;
import eu.lexbridge.core.testkit.InMemoryTransmissionRecords;
import eu.lexbridge.core.testkit.SampleMessages;
import eu.lexbridge.record.content.ContentCondition;
import eu.lexbridge.record.deadline.ProcedureStep;
import eu.lexbridge.record.deadline.StepEvent.Flag;
import eu.lexbridge.record.timeline.ConversationSteps;
import eu.lexbridge.record.timeline.StepMapping;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Art 28(2) from the traffic of a year: orders sent, by data category, addressee and emergency; what became of them;
 * the average times; enforcement; with the figures entered by hand, as CSV.
 */
class YearStatisticsTest {

    private static final BusinessService EEVIDENCE = new BusinessService("EEvidence", "urn:e-codex:services:");
    private static final Instant MARCH = Instant.parse("2026-03-02T10:00:00Z");

    private final InMemoryMessageStore messages = new InMemoryMessageStore();
    private final InMemoryPayloadStore payloads = new InMemoryPayloadStore();
    private final ConversationSteps steps = new ConversationSteps(List.of(
            StepMapping.ofMessages("EEvidence", "EPOC", ProcedureStep.EPOC, Map.of(
                    Flag.EMERGENCY, ContentCondition.parse("Emergency=true"),
                    Flag.WITHOUT_PRIOR_VALIDATION, ContentCondition.parse("WithoutPriorValidation=true"))),
            StepMapping.ofMessages("EEvidence", "EPOC-PR", ProcedureStep.EPOC_PR, Map.of()),
            StepMapping.ofMessages("EEvidence", "Data", ProcedureStep.DATA_PRODUCED, Map.of()),
            StepMapping.ofMessages("EEvidence", "AnnexV", ProcedureStep.PRODUCTION_REQUEST_CONFIRMATION, Map.of()),
            StepMapping.ofMessages("EEvidence", "Enforcement", ProcedureStep.ENFORCEMENT_REQUEST, Map.of()),
            StepMapping.ofMessages("EEvidence", "Refusal", ProcedureStep.REFUSAL, Map.of())),
            messages, payloads, "AT", Map.of());
    private final YearStatistics statistics = new YearStatistics(messages, new InMemoryTransmissionRecords(), steps,
            payloads, "DataCategory", "RefusalGround");

    private ConnectorMessage sent(String conversation, String action, Instant at, String addressee, String content) {
        ConnectorMessage message = SampleMessages.outbound(at).service(EEVIDENCE).action(action)
                .conversationId(conversation).finalRecipient(addressee)
                .payloads(List.of(payloads.put(PayloadKind.BUSINESS_CONTENT, "messageContent", "application/xml",
                        content.getBytes(StandardCharsets.UTF_8)))).build();
        messages.insert(message, "submitted");
        messages.recordEvidence(new Evidence(UUID.randomUUID(), message.connectorMessageId(),
                EvidenceType.RELAY_REMMD_ACCEPTANCE, EvidenceOrigin.RECEIVED,
                SampleMessages.evidenceDocument(EvidenceType.RELAY_REMMD_ACCEPTANCE), null, at.plusSeconds(60),
                null), null, MessageState.RELAYED, "relayed");
        return message;
    }

    private void received(String conversation, String action, Instant at) {
        messages.insert(SampleMessages.inbound(at).service(EEVIDENCE).action(action).conversationId(conversation)
                .backendName(SampleMessages.BACKEND).build(), "received");
    }

    private void received(String conversation, String action, Instant at, String content) {
        messages.insert(SampleMessages.inbound(at).service(EEVIDENCE).action(action).conversationId(conversation)
                .backendName(SampleMessages.BACKEND).payloads(List.of(payloads.put(PayloadKind.BUSINESS_CONTENT,
                        "messageContent", "application/xml", content.getBytes(StandardCharsets.UTF_8)))).build(),
                "received");
    }

    private static String epoc(String emergency, String... categories) {
        StringBuilder xml = new StringBuilder("<EPOC><SectionC><Emergency>" + emergency + "</Emergency>"
                + "<WithoutPriorValidation>" + emergency + "</WithoutPriorValidation></SectionC><SectionF>");
        for (String category : categories) {
            xml.append("<DataCategory>").append(category).append("</DataCategory>");
        }
        return xml.append("</SectionF></EPOC>").toString();
    }

    @Test
    void theYearsOrdersAreCountedByTheirBreakdownWithWhatBecameOfThem() {
        sent("c-1", "EPOC", MARCH, "urn:provider:alpha", epoc("false", "subscriberData", "trafficData"));
        received("c-1", "Data", MARCH.plus(Duration.ofHours(48)));
        sent("c-2", "EPOC", MARCH, "urn:provider:alpha", epoc("true", "subscriberData"));
        sent("c-3", "EPOC-PR", MARCH, "urn:provider:beta", epoc("false", "contentData"));
        sent("c-3", "AnnexV", MARCH.plus(Duration.ofDays(10)), "urn:provider:beta", "<AnnexV/>");
        sent("c-old", "EPOC", Instant.parse("2025-12-31T23:00:00Z"), "urn:provider:alpha", epoc("false", "x"));
        received("c-4", "Enforcement", MARCH);
        received("c-4", "Data", MARCH.plus(Duration.ofDays(3)));

        StatisticsReport report = statistics.of(2026, Instant.parse("2027-01-05T00:00:00Z"), ManualFigures.NONE);

        assertThat(report.conversations()).isEqualTo(4);
        assertThat(report.figures()).contains(
                Figure.count("a", "EPOC issued", "subscriberData", "urn:provider:alpha", "no", 1),
                Figure.count("a", "EPOC issued", "trafficData", "urn:provider:alpha", "no", 1),
                Figure.count("a", "EPOC issued", "subscriberData", "urn:provider:alpha", "yes", 1),
                Figure.count("a", "EPOC-PR issued", "contentData", "urn:provider:beta", "no", 1),
                Figure.count("b", "EPOC issued in an emergency without prior validation", "all", "all", "yes", 1),
                Figure.count("c", "EPOC fulfilled", "trafficData", "urn:provider:alpha", "no", 1),
                Figure.count("c", "EPOC open", "subscriberData", "urn:provider:alpha", "yes", 1),
                new Figure("e", "average time from EPOC to data", "subscriberData", "urn:provider:alpha", "no", 48,
                        "hours", null),
                new Figure("f", "average time from EPOC-PR to the subsequent production request", "contentData",
                        "urn:provider:beta", "no", 240, "hours", null),
                Figure.count("g", "EPO or EPrO for enforcement, received", "all", "all", "all", 1),
                Figure.count("g", "EPO or EPrO for enforcement, received, fulfilled", "all", "all", "all", 1));
        assertThat(report.figures()).noneMatch(f -> f.dataCategory().equals("x"));
    }

    @Test
    void refusalsAreCountedByTheirGroundAndTheRefusedOrdersBreakdown() {
        sent("r-1", "EPOC", MARCH, "urn:provider:alpha", epoc("true", "trafficData"));
        received("r-1", "Refusal", MARCH.plus(Duration.ofDays(2)), "<Refusal><RefusalGround>12(1)(b)</RefusalGround>"
                + "<RefusalGround>12(1)(d)</RefusalGround></Refusal>");
        sent("r-2", "EPOC", MARCH, "urn:provider:beta", epoc("false", "subscriberData"));
        received("r-2", "Refusal", MARCH.plus(Duration.ofDays(3)), "<Refusal><Reason>none given</Reason></Refusal>");

        StatisticsReport report = statistics.of(2026, Instant.parse("2027-01-05T00:00:00Z"), ManualFigures.NONE);

        assertThat(report.figures()).contains(
                Figure.count("d", "EPOCs refused by an enforcing authority", "all", "all", "all", 2),
                Figure.count("d", "EPOCs refused by an enforcing authority, ground 12(1)(b)", "trafficData",
                        "urn:provider:alpha", "yes", 1),
                Figure.count("d", "EPOCs refused by an enforcing authority, ground 12(1)(d)", "trafficData",
                        "urn:provider:alpha", "yes", 1),
                Figure.count("d", "EPOCs refused by an enforcing authority, ground unspecified", "subscriberData",
                        "urn:provider:beta", "no", 1),
                Figure.count("c", "EPOC not fulfilled", "trafficData", "urn:provider:alpha", "yes", 1));
    }

    @Test
    void theFiguresEnteredByHandComeWithThemAndTheCsvKeepsFormulasOut() {
        ManualFigures manual = new ManualFigures(Map.of("trafficData", 2L), 1L, "=HYPERLINK(\"x\") EUR 1,200");

        StatisticsReport report = statistics.of(2026, Instant.parse("2027-01-05T00:00:00Z"), manual);

        assertThat(report.figures()).contains(
                Figure.count("h", "legal remedies used against EPOs (entered)", "trafficData", "all", "all", 2),
                Figure.count("i", "ex-post validation refused (entered)", "all", "all", "all", 1));
        assertThat(report.csv()).startsWith("year,statistic,measure,data_category,addressee,emergency,value,unit,text"
                + "\r\n").contains("2026,\"h\",\"legal remedies used against EPOs (entered)\",\"trafficData\","
                + "\"all\",\"all\",2,\"count\",\r\n")
                .contains(",\"text\",\"'=HYPERLINK(\"\"x\"\") EUR 1,200\"\r\n");
    }
}
