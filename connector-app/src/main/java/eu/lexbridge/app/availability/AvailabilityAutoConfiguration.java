package eu.lexbridge.app.availability;

import eu.lexbridge.app.config.AvailabilityProperties;
import eu.lexbridge.app.config.CaseRecordProperties;
import eu.lexbridge.record.deadline.WorkingCalendar;
import eu.lexbridge.record.deadline.WorkingCalendars;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The availability duties of Implementing Regulation (EU) 2026/101 Annex I 6: the maintenance windows
 * ({@code lexbridge.availability.maintenance-windows}), checked at start for the notice they need.
 */
@AutoConfiguration(afterName = {"eu.lexbridge.app.core.CoreAutoConfiguration",
        "eu.lexbridge.app.persistence.PersistenceAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"})
@EnableConfigurationProperties({AvailabilityProperties.class, CaseRecordProperties.class})
public class AvailabilityAutoConfiguration {

    /** A window whose announcement is late is one WARN line at start, a flag at the endpoint and a gauge. */
    @Bean
    @ConditionalOnMissingBean
    MaintenanceSchedule maintenanceSchedule(AvailabilityProperties properties, CaseRecordProperties caseRecord,
                                            Environment environment, ObjectProvider<Clock> clock,
                                            ObjectProvider<MeterRegistry> registry) {
        MaintenanceSchedule schedule = new MaintenanceSchedule(properties.windows(),
                calendar(caseRecord, environment), clock.getIfAvailable(Clock::systemUTC));
        schedule.warnOfLateAnnouncements();
        registry.ifAvailable(meters -> Gauge.builder("lexbridge.availability.maintenance.late", schedule,
                        s -> s.planned().stream().filter(MaintenanceSchedule.Checked::late).count())
                .description("one-off maintenance windows still to come whose announcement (Implementing "
                        + "Regulation 2026/101 Annex I 6.4) is late").register(meters));
        return schedule;
    }

    @Bean
    @ConditionalOnAvailableEndpoint
    AvailabilityEndpoint availabilityEndpoint(MaintenanceSchedule schedule) {
        return new AvailabilityEndpoint(schedule);
    }

    /** Our Member State's working days, as the case record counts them; none when no Member State is named. */
    private static WorkingCalendar calendar(CaseRecordProperties caseRecord, Environment environment) {
        String state = caseRecord.memberState() != null ? caseRecord.memberState()
                : environment.getProperty("lexbridge.container.country");
        return state == null ? null
                : WorkingCalendars.standard().withExtraHolidays(caseRecord.holidays()).forState(state);
    }
}
