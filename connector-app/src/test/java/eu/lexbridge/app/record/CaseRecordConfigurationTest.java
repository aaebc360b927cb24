package eu.lexbridge.app.record;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.message.BusinessService;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.port.BackendLink;
import eu.lexbridge.core.port.CaseRecord;
import eu.lexbridge.core.port.DeadlineAlerts;
import eu.lexbridge.core.port.DisclosurePolicy;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.port.PayloadStore;
import eu.lexbridge.core.port.Sealer;
import eu.lexbridge.core.port.SecurityEvents;
import eu.lexbridge.core.port.TransmissionRecords;
import eu.lexbridge.core.record.CaseDeadline;
import eu.lexbridge.core.record.DeadlineAlert;
import eu.lexbridge.core.testkit.InMemoryBackendLink;
import eu.lexbridge.core.testkit.InMemoryDeadlineAlerts;
import eu.lexbridge.core.testkit.InMemoryMessageStore;
import eu.lexbridge.core.testkit.InMemoryPayloadStore;
import eu.lexbridge.core.testkit.InMemoryTransmissionRecords;
import eu.lexbridge.core.testkit.PlainSealer;
import eu.lexbridge.core.testkit.SampleMessages;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code lexbridge.case-record}: the steps configured start the e-Evidence time limits in a conversation's timeline,
 * with the flags read from the business content; a Member State that is none, or a flag that names no element, stops
 * the start with a sentence naming the key.
 */
class CaseRecordConfigurationTest {

    private final InMemoryMessageStore messages = new InMemoryMessageStore();
    private final InMemoryPayloadStore payloads = new InMemoryPayloadStore();

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class,
                        CaseRecordAutoConfiguration.class))
                .withBean(MessageStore.class, () -> messages)
                .withBean(PayloadStore.class, () -> payloads)
                .withBean(TransmissionRecords.class, InMemoryTransmissionRecords::new)
                .withBean(Sealer.class, PlainSealer::new)
                .withBean(SecurityEvents.class, SecurityEvents::logOnly)
                .withBean(Clock.class, Clock::systemUTC)
                .withPropertyValues("lexbridge.container.country=AT");
    }

    @Test
    void aConfiguredStepStartsTheLimitsWithTheFlagsOfTheContent() {
        ConnectorMessage received = SampleMessages.inbound(Instant.now().minusSeconds(3600))
                .service(new BusinessService("EEvidence", "urn:e-codex:services:")).action("EPOC")
                .backendName(SampleMessages.BACKEND).state(MessageState.AVAILABLE_TO_BACKEND)
                .payloads(List.of(payloads.put(PayloadKind.BUSINESS_CONTENT, "messageContent", "application/xml",
                        "<EPOC><SectionK><NotifiedEnforcingState>AT</NotifiedEnforcingState></SectionK></EPOC>"
                                .getBytes(StandardCharsets.UTF_8)))).build();
        messages.insert(received, "received");

        runner().withPropertyValues("lexbridge.case-record.steps[0].service=EEvidence",
                "lexbridge.case-record.steps[0].action=EPOC", "lexbridge.case-record.steps[0].step=EPOC",
                "lexbridge.case-record.steps[0].flags.ENFORCING_AUTHORITY_NOTIFIED=NotifiedEnforcingState",
                "lexbridge.case-record.holidays.AT=2026-12-07").run(context -> {
                    assertThat(context).hasNotFailed();
                    List<CaseDeadline> deadlines = context.getBean(CaseRecord.class)
                            .timeline(SampleMessages.BACKEND, received.conversationId()).deadlines();
                    // notified: the addressee delivers at the end of the 10 days (D4), not within them (D2)
                    assertThat(deadlines).extracting(CaseDeadline::id).containsExactly("D4", "D11");
                    assertThat(deadlines.get(0).actor()).isEqualTo("addressee");
                });
    }

    @Test
    void theWatchCountsTheLimitsInGaugesAndAlertsTheBackEndOnceThoughItRunsAgain() {
        ConnectorMessage received = SampleMessages.inbound(Instant.now().minus(java.time.Duration.ofDays(20)))
                .service(new BusinessService("EEvidence", "urn:e-codex:services:")).action("EPOC")
                .backendName(SampleMessages.BACKEND).state(MessageState.AVAILABLE_TO_BACKEND).build();
        messages.insert(received, "received");

        InMemoryBackendLink backend = new InMemoryBackendLink();
        backend.pushing();
        runner().withBean(io.micrometer.core.instrument.simple.SimpleMeterRegistry.class)
                .withBean(DeadlineAlerts.class, InMemoryDeadlineAlerts::new)
                .withBean(BackendLink.class, () -> backend)
                .withPropertyValues("lexbridge.case-record.steps[0].service=EEvidence",
                        "lexbridge.case-record.steps[0].action=EPOC", "lexbridge.case-record.steps[0].step=EPOC")
                .run(context -> {
                    DeadlineMonitor monitor = context.getBean(DeadlineMonitor.class);
                    monitor.check();
                    monitor.check();
                    var meters = context.getBean(io.micrometer.core.instrument.MeterRegistry.class);
                    // 20 days after the EPOC: the 10-day production limit is missed; the objection window closed
                    assertThat(meters.get("lexbridge.case.deadlines").tag("state", "missed").gauge().value())
                            .isEqualTo(1.0);
                    assertThat(meters.get("lexbridge.case.deadlines").tag("state", "due_soon").gauge().value())
                            .isZero();
                    assertThat(monitor.last().missed()).singleElement()
                            .satisfies(w -> assertThat(w.deadline().id()).isEqualTo("D2"));
                    assertThat(backend.alerted()).singleElement().satisfies(alert -> {
                        assertThat(alert.kind()).isEqualTo(DeadlineAlert.Kind.MISSED);
                        assertThat(alert.deadlineId()).isEqualTo("D2");
                        assertThat(alert.backendName()).isEqualTo(SampleMessages.BACKEND);
                        assertThat(alert.conversationId()).isEqualTo(received.conversationId());
                        assertThat(alert.startedBy()).isEqualTo(received.connectorMessageId().toString());
                    });
                    assertThat(context.getBean(DeadlineAlerts.class).pending(10)).isEmpty();
                });
    }

    @Test
    void theStatisticsOfAYearComeFromTheTrafficAndTheFiguresEnteredAsJsonAndCsv() {
        ConnectorMessage sent = SampleMessages.outbound(Instant.parse("2026-03-02T10:00:00Z"))
                .service(new BusinessService("EEvidence", "urn:e-codex:services:")).action("EPOC")
                .finalRecipient("urn:provider:alpha")
                .payloads(List.of(payloads.put(PayloadKind.BUSINESS_CONTENT, "messageContent", "application/xml",
                        "<EPOC><Category>trafficData</Category></EPOC>".getBytes(StandardCharsets.UTF_8)))).build();
        messages.insert(sent, "submitted");
        messages.recordEvidence(new eu.lexbridge.core.evidence.Evidence(java.util.UUID.randomUUID(),
                sent.connectorMessageId(), eu.lexbridge.core.evidence.EvidenceType.DELIVERY,
                eu.lexbridge.core.evidence.EvidenceOrigin.RECEIVED,
                SampleMessages.evidenceDocument(eu.lexbridge.core.evidence.EvidenceType.DELIVERY), null,
                sent.createdAt().plusSeconds(5), null), null, MessageState.DELIVERED, "delivered");

        runner().withBean(eu.lexbridge.core.port.SettingStore.class,
                        eu.lexbridge.core.testkit.InMemorySettingStore::new)
                .withBean(com.fasterxml.jackson.databind.ObjectMapper.class)
                .withPropertyValues("management.endpoints.web.exposure.include=statistics",
                        "lexbridge.case-record.data-category-element=Category",
                        "lexbridge.case-record.steps[0].service=EEvidence",
                        "lexbridge.case-record.steps[0].action=EPOC", "lexbridge.case-record.steps[0].step=EPOC")
                .run(context -> {
                    StatisticsEndpoint endpoint = context.getBean(StatisticsEndpoint.class);
                    var entered = endpoint.enter(2026, "trafficData 2\nsubscriberData 1", "1", "EUR 1,200 claimed",
                            org.springframework.boot.actuate.endpoint.SecurityContext.NONE);
                    assertThat(entered.getStatus()).isEqualTo(200);

                    String csv = endpoint.csv(2026, "csv").getBody();
                    assertThat(csv).contains("2026,\"a\",\"EPOC issued\",\"trafficData\",\"urn:provider:alpha\","
                            + "\"no\",1,\"count\",")
                            .contains("2026,\"h\",\"legal remedies used against EPOs (entered)\",\"trafficData\","
                                    + "\"all\",\"all\",2,\"count\",")
                            .contains("\"j\",\"costs claimed and reimbursed (entered)\"")
                            .contains("\"EUR 1,200 claimed\"");
                    assertThat(endpoint.year(2026).getBody()).containsEntry("conversations", 1);
                    // the figures entered stay for a restart: another endpoint on the same store reads them
                    assertThat(new StatisticsEndpoint(context.getBean(
                            eu.lexbridge.record.statistics.YearStatistics.class),
                            context.getBean(eu.lexbridge.core.port.SettingStore.class),
                            new com.fasterxml.jackson.databind.ObjectMapper(), Clock.systemUTC())
                            .csv(2026, "csv").getBody()).contains("\"i\",\"ex-post validation refused (entered)\"");

                    assertThat(endpoint.enter(2026, "trafficData many", null, null,
                            org.springframework.boot.actuate.endpoint.SecurityContext.NONE).getStatus())
                            .isEqualTo(400);
                    assertThat(endpoint.year(1999).getStatus()).isEqualTo(400);
                    assertThat(endpoint.csv(2026, "xls").getStatus()).isEqualTo(400);
                });
    }

    @Test
    void withoutStepsATimelineHasNoLimits() {
        ConnectorMessage received = SampleMessages.inbound(Instant.now()).backendName(SampleMessages.BACKEND)
                .build();
        messages.insert(received, "received");

        runner().run(context -> assertThat(context.getBean(CaseRecord.class)
                .timeline(SampleMessages.BACKEND, received.conversationId()).deadlines()).isEmpty());
    }

    @Test
    void anUnknownMemberStateStopsTheStartNamingTheKey() {
        runner().withPropertyValues("lexbridge.case-record.partner-states.de-court=XX").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("lexbridge.case-record")
                    .hasMessageContaining("two letters");
        });
    }

    @Test
    void aFlagThatNamesNoElementStopsTheStartNamingTheKey() {
        runner().withPropertyValues("lexbridge.case-record.steps[0].service=EEvidence",
                "lexbridge.case-record.steps[0].action=EPOC", "lexbridge.case-record.steps[0].step=EPOC",
                "lexbridge.case-record.steps[0].flags.EMERGENCY=<Emergency>").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("lexbridge.case-record.steps[0]")
                            .hasMessageContaining("flags must name an XML element");
                });
    }

    @Test
    void aStepOfAMessageAndARecordAtOnceStopsTheStartNamingTheKey() {
        runner().withPropertyValues("lexbridge.case-record.steps[0].service=EEvidence",
                "lexbridge.case-record.steps[0].action=EPOC", "lexbridge.case-record.steps[0].instrument=E-EVIDENCE",
                "lexbridge.case-record.steps[0].form=EPOC data", "lexbridge.case-record.steps[0].step=DATA_PRODUCED")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("lexbridge.case-record.steps[0]")
                            .hasMessageContaining("a service and an action, or (for recorded transmissions)");
                });
    }

    @Test
    void confidentialPartsKeepSectionMFromAServiceProviderOnEverySubmission() {
        runner().withPropertyValues("lexbridge.case-record.partner-kinds.provider-gw=service-provider",
                "lexbridge.case-record.confidential-parts[0].service=EEvidence",
                "lexbridge.case-record.confidential-parts[0].action=EPOC",
                "lexbridge.case-record.confidential-parts[0].part=SectionM",
                "lexbridge.case-record.confidential-parts[0].not-to=service-provider",
                "lexbridge.case-record.confidential-parts[0].why=for the enforcing authority only").run(context -> {
                    assertThat(context).hasNotFailed();
                    ConnectorMessage epoc = SampleMessages.outbound(Instant.now())
                            .service(new BusinessService("EEvidence", "urn:e-codex:services:")).action("EPOC")
                            .to(new eu.lexbridge.core.message.Party("provider-gw", "t", "GW"))
                            .payloads(List.of(payloads.put(PayloadKind.BUSINESS_CONTENT, "messageContent",
                                    "application/xml", "<EPOC><SectionM><a>x</a></SectionM></EPOC>"
                                            .getBytes(StandardCharsets.UTF_8)))).build();
                    assertThat(context.getBean(DisclosurePolicy.class).refusal(epoc))
                            .hasValueSatisfying(reason -> assertThat(reason).contains("SectionM", "provider-gw",
                                    "for the enforcing authority only"));
                });
    }

    @Test
    void aConfidentialPartWithoutKindsStopsTheStartNamingTheKey() {
        runner().withPropertyValues("lexbridge.case-record.confidential-parts[0].service=EEvidence",
                "lexbridge.case-record.confidential-parts[0].action=EPOC",
                "lexbridge.case-record.confidential-parts[0].part=SectionM").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("confidentialParts[0].notTo").hasMessageContaining("must not be empty");
                });
    }

    @Test
    void anUnknownStepStopsTheStartNamingTheKey() {
        runner().withPropertyValues("lexbridge.case-record.steps[0].service=EEvidence",
                "lexbridge.case-record.steps[0].action=EPOC", "lexbridge.case-record.steps[0].step=ORDER")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .hasStackTraceContaining("lexbridge.case-record.steps[0].step");
                });
    }
}
