package eu.lexbridge.app.availability;

import eu.lexbridge.app.RepeatingTask;
import eu.lexbridge.app.availability.ReadinessRecorder.Readiness;
import eu.lexbridge.app.config.AvailabilityProperties;
import eu.lexbridge.app.config.CaseRecordProperties;
import eu.lexbridge.core.port.HealthHistory;
import eu.lexbridge.core.record.ReadinessSpell;
import eu.lexbridge.record.availability.Availability;
import eu.lexbridge.record.deadline.WorkingCalendar;
import eu.lexbridge.record.deadline.WorkingCalendars;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The availability duties of Implementing Regulation (EU) 2026/101 Annex I 6: the maintenance windows
 * ({@code lexbridge.availability.maintenance-windows}), checked at start for the notice they need; the readiness
 * looked at and its changes kept, and the availability per month computed from them (Annex I 6.1).
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

    /**
     * Readiness as the probe sees it (the {@code readiness} group, the whole health when there is none), looked at
     * every {@code check-interval}; the month's and the year's availability as gauges.
     */
    @Bean
    @ConditionalOnBean(HealthHistory.class)
    @ConditionalOnMissingBean
    ReadinessRecorder readinessRecorder(HealthHistory history, MaintenanceSchedule schedule,
                                        AvailabilityProperties properties, ObjectProvider<HealthEndpoint> health,
                                        Environment environment,
                                        ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> registry) {
        String component = properties.component() != null && !properties.component().isBlank()
                ? properties.component() : "the e-CODEX connector of " + environment.getProperty(
                        "lexbridge.connector.party-id", "this Member State");
        ReadinessRecorder recorder = new ReadinessRecorder(history, readiness(health), schedule, instance(),
                properties.zone(), clock.getIfAvailable(Clock::systemUTC), new ReadinessRecorder.Outages(component,
                        properties.outageNoticeAfter(), properties.checkInterval()));
        registry.ifAvailable(meters -> {
            ratio(meters, recorder, "month", ReadinessRecorder::lastMonth);
            ratio(meters, recorder, "year", ReadinessRecorder::lastYear);
            Gauge.builder("lexbridge.availability.unplanned.outage", recorder,
                            r -> r.unplannedDowntime().toSeconds()).baseUnit("seconds")
                    .description("how long this instance's readiness has been DOWN outside the maintenance windows; "
                            + "0 when ready (Implementing Regulation 2026/101 Annex I 6.6)").register(meters);
        });
        return recorder;
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    @ConditionalOnBean(ReadinessRecorder.class)
    RepeatingTask readinessRecorderTask(ReadinessRecorder recorder, AvailabilityProperties properties) {
        return new RepeatingTask("readiness-history", properties.checkInterval(), recorder::look);
    }

    /** A change of the readiness state (started, stopping) is looked at at once, not at the next interval. */
    @Bean
    @ConditionalOnBean(ReadinessRecorder.class)
    ApplicationListener<AvailabilityChangeEvent<ReadinessState>> readinessChangeLook(ReadinessRecorder recorder) {
        return event -> recorder.look();
    }

    @Bean
    @ConditionalOnAvailableEndpoint
    AvailabilityEndpoint availabilityEndpoint(MaintenanceSchedule schedule, ObjectProvider<ReadinessRecorder> recorder,
                                              ObjectProvider<Clock> clock) {
        return new AvailabilityEndpoint(schedule, recorder.getIfAvailable(), clock.getIfAvailable(Clock::systemUTC));
    }

    private static void ratio(MeterRegistry meters, ReadinessRecorder recorder, String period,
                              Function<ReadinessRecorder, Availability> last) {
        Gauge.builder("lexbridge.availability.ratio", recorder, r -> {
                    Availability availability = last.apply(r);
                    return availability == null || availability.ratio() == null ? Double.NaN : availability.ratio();
                }).tag("period", period)
                .description("time ready over time looked at, both outside the maintenance windows (Implementing "
                        + "Regulation 2026/101 Annex I 6.1: at least 0.98 a year); the month or the year so far")
                .register(meters);
    }

    static Supplier<Readiness> readiness(ObjectProvider<HealthEndpoint> health) {
        return () -> {
            HealthEndpoint endpoint = health.getIfAvailable();
            if (endpoint == null) {
                return new Readiness(ReadinessSpell.Status.UP, List.of());
            }
            HealthComponent readiness = endpoint.healthForPath("readiness");
            HealthComponent seen = readiness != null ? readiness : endpoint.health();
            List<String> failed = seen instanceof CompositeHealth composite ? composite.getComponents().entrySet()
                    .stream().filter(e -> !Status.UP.equals(e.getValue().getStatus())).map(e -> e.getKey()).toList()
                    : List.of();
            return new Readiness(Status.UP.equals(seen.getStatus()) ? ReadinessSpell.Status.UP
                    : ReadinessSpell.Status.DOWN, failed);
        };
    }

    /** The host (a pod's name under Kubernetes) and this run, so that each run's spells are its own. */
    private static String instance() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "localhost";
            }
        }
        byte[] run = new byte[4];
        ThreadLocalRandom.current().nextBytes(run);
        String name = host.length() > 200 ? host.substring(0, 200) : host;
        return name + "/" + HexFormat.of().formatHex(run);
    }

    /** Our Member State's working days, as the case record counts them; none when no Member State is named. */
    private static WorkingCalendar calendar(CaseRecordProperties caseRecord, Environment environment) {
        String state = caseRecord.memberState() != null ? caseRecord.memberState()
                : environment.getProperty("lexbridge.container.country");
        return state == null ? null
                : WorkingCalendars.standard().withExtraHolidays(caseRecord.holidays()).forState(state);
    }
}
