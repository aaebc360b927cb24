package eu.lexbridge.app.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.lexbridge.app.config.CaseRecordProperties;
import eu.lexbridge.app.persistence.PersistenceAutoConfiguration;
import eu.lexbridge.backend.rest.RestBackendAutoConfiguration;
import eu.lexbridge.backend.soap.SoapBackendAutoConfiguration;
import eu.lexbridge.core.port.BackendLink;
import eu.lexbridge.core.port.CaseRecord;
import eu.lexbridge.core.port.DeadlineAlerts;
import eu.lexbridge.core.port.DisclosurePolicy;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.port.PayloadStore;
import eu.lexbridge.core.port.Sealer;
import eu.lexbridge.core.port.SecurityEvents;
import eu.lexbridge.core.port.SettingStore;
import eu.lexbridge.core.port.TransmissionRecords;
import eu.lexbridge.record.Conversations;
import eu.lexbridge.record.StoredCaseRecord;
import eu.lexbridge.record.content.ContentCondition;
import eu.lexbridge.record.deadline.EEvidenceDeadlines;
import eu.lexbridge.record.deadline.WorkingCalendars;
import eu.lexbridge.record.disclosure.ConfidentialPart;
import eu.lexbridge.record.disclosure.ConfidentialParts;
import eu.lexbridge.record.export.CaseExport;
import eu.lexbridge.record.statistics.YearStatistics;
import eu.lexbridge.record.timeline.CaseDeadlines;
import eu.lexbridge.record.timeline.ConversationSteps;
import eu.lexbridge.record.timeline.ConversationTimeline;
import eu.lexbridge.record.timeline.DeadlineAlerting;
import eu.lexbridge.record.timeline.DeadlineWatch;
import eu.lexbridge.record.timeline.EngineDeadlines;
import eu.lexbridge.record.timeline.StepMapping;
import eu.lexbridge.record.transmission.TransmissionRecording;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The case record: transmissions recorded outside the system, sealed and kept, and each conversation's timeline with
 * its procedural time limits.
 */
// After the stores it keeps its records and alerts in; before the REST and SOAP APIs, whose record, conversation and
// alert endpoints are there when the case record is.
@AutoConfiguration(after = PersistenceAutoConfiguration.class,
        before = {RestBackendAutoConfiguration.class, SoapBackendAutoConfiguration.class})
@EnableConfigurationProperties(CaseRecordProperties.class)
public class CaseRecordAutoConfiguration {

    /**
     * The time limits of Regulation (EU) 2023/1543 (e-Evidence), started and stopped by the messages whose service and
     * action {@code lexbridge.case-record.steps} maps to a procedural step.
     */
    @Bean
    @ConditionalOnMissingBean
    CaseDeadlines caseDeadlines(CaseRecordProperties properties, ConversationSteps steps, Environment environment) {
        if (properties.steps().isEmpty()) {
            return CaseDeadlines.NONE;
        }
        WorkingCalendars calendars = WorkingCalendars.standard().withExtraHolidays(properties.holidays());
        return new EngineDeadlines(steps, EEvidenceDeadlines.engine(calendars, ownState(properties, environment)));
    }

    /** The procedural step of each message and record, as {@code lexbridge.case-record.steps} maps them. */
    @Bean
    @ConditionalOnMissingBean
    ConversationSteps conversationSteps(CaseRecordProperties properties, Environment environment,
                                        MessageStore messages, PayloadStore payloads) {
        List<StepMapping> mappings = properties.steps().stream().map(step -> new StepMapping(step.service(),
                step.action(), step.instrument(), step.form(), step.step(), step.flags().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, flag -> ContentCondition.parse(flag.getValue())))))
                .toList();
        return new ConversationSteps(mappings, messages, payloads,
                mappings.isEmpty() ? null : ownState(properties, environment), properties.partnerStates());
    }

    private static String ownState(CaseRecordProperties properties, Environment environment) {
        String ownState = properties.memberState() != null ? properties.memberState()
                : environment.getProperty("lexbridge.container.country");
        if (ownState == null) {
            throw new IllegalStateException("lexbridge.case-record.member-state (or lexbridge.container.country) must "
                    + "name our Member State: the time limits we keep are counted in its calendar");
        }
        return ownState;
    }

    /**
     * Parts some kinds of recipient may not receive (Section M of the EPOC never reaches a service provider), checked
     * on every submission before it is taken.
     */
    @Bean
    @ConditionalOnMissingBean
    DisclosurePolicy disclosurePolicy(CaseRecordProperties properties, PayloadStore payloads) {
        if (properties.confidentialParts().isEmpty()) {
            return DisclosurePolicy.NONE;
        }
        return new ConfidentialParts(properties.confidentialParts().stream().map(part -> new ConfidentialPart(
                part.service(), part.action(), ContentCondition.parse(part.part()), part.notTo(), part.why()))
                .toList(), properties.partnerKinds(), payloads);
    }

    /**
     * The watch over the time limits of the conversations active lately: gauges, a WARN line when one is missed, and
     * an alert to the back-end of each limit due soon or missed (pushed, or listed for it to read).
     */
    @Bean
    DeadlineMonitor deadlineMonitor(CaseRecordProperties properties, MessageStore messages,
                                    TransmissionRecords records, CaseDeadlines deadlines, Clock clock,
                                    ObjectProvider<DeadlineAlerts> alerts, ObjectProvider<BackendLink> link,
                                    ObjectProvider<MeterRegistry> registry) {
        DeadlineAlerts kept = alerts.getIfAvailable();
        DeadlineMonitor monitor = new DeadlineMonitor(new DeadlineWatch(messages, records, deadlines,
                properties.deadlineHorizon(), properties.deadlineWarning()),
                kept == null ? null : new DeadlineAlerting(kept, link.getIfAvailable(BackendLink::heldForPull)),
                properties.deadlineCheckInterval(), clock);
        registry.ifAvailable(meters -> {
            Gauge.builder("lexbridge.case.deadlines", monitor, m -> m.last().dueSoon().size())
                    .description("procedural time limits running that end within lexbridge.case-record."
                            + "deadline-warning, over the conversations watched").tag("state", "due_soon")
                    .register(meters);
            Gauge.builder("lexbridge.case.deadlines", monitor, m -> m.last().missed().size())
                    .description("procedural time limits missed and still owed, over the conversations watched")
                    .tag("state", "missed").register(meters);
        });
        return monitor;
    }

    /** The statistics of Art 28(2), from the traffic of a year and the figures entered by hand. */
    @Bean
    @ConditionalOnMissingBean
    YearStatistics yearStatistics(CaseRecordProperties properties, MessageStore messages,
                                  TransmissionRecords records, ConversationSteps steps, PayloadStore payloads) {
        return new YearStatistics(messages, records, steps, payloads, properties.dataCategoryElement(),
                properties.refusalGroundElement());
    }

    @Bean
    @ConditionalOnAvailableEndpoint
    StatisticsEndpoint statisticsEndpoint(YearStatistics statistics, SettingStore settings, ObjectMapper json,
                                          Clock clock) {
        return new StatisticsEndpoint(statistics, settings, json, clock);
    }

    @Bean
    @ConditionalOnAvailableEndpoint
    DeadlinesEndpoint deadlinesEndpoint(DeadlineMonitor monitor) {
        return new DeadlinesEndpoint(monitor);
    }

    @Bean
    @ConditionalOnMissingBean
    CaseRecord caseRecord(MessageStore messages, TransmissionRecords records, PayloadStore payloads, Sealer sealer,
                          CaseDeadlines deadlines, SecurityEvents security, Clock clock) {
        Conversations conversations = new Conversations(messages, records);
        return new StoredCaseRecord(conversations,
                new TransmissionRecording(conversations, records, payloads, sealer, clock), records,
                new ConversationTimeline(messages, records, deadlines), payloads,
                new CaseExport(messages, payloads, sealer), security, clock);
    }
}
