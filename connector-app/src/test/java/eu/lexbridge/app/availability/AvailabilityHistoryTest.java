package eu.lexbridge.app.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eu.lexbridge.app.availability.ReadinessRecorder.Readiness;
import eu.lexbridge.core.port.HealthHistory;
import eu.lexbridge.core.record.ReadinessSpell;
import eu.lexbridge.core.record.ReadinessSpell.Status;
import eu.lexbridge.core.testkit.InMemoryHealthHistory;
import eu.lexbridge.record.availability.MaintenanceWindows;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Annex I 6.1 on a running context: the readiness group looked at, its changes kept, the availability of a month and
 * of the year shown at {@code /actuator/availability} and as the gauge {@code lexbridge.availability.ratio}; looks
 * held while the history cannot be written; Annex I 6.6: an outage outside the windows that lasts drafts its notice.
 */
@ExtendWith(OutputCaptureExtension.class)
class AvailabilityHistoryTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-30T20:00:00Z"));
    private final AtomicBoolean dbUp = new AtomicBoolean(true);
    private final InMemoryHealthHistory history = new InMemoryHealthHistory();

    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class,
                    EndpointAutoConfiguration.class, HealthContributorAutoConfiguration.class,
                    HealthEndpointAutoConfiguration.class, AvailabilityAutoConfiguration.class))
            .withBean(Clock.class, () -> clock)
            .withBean(HealthHistory.class, () -> history)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withBean("dbHealthIndicator", HealthIndicator.class,
                    () -> () -> dbUp.get() ? Health.up().build() : Health.down().build())
            .withBean("partnersHealthIndicator", HealthIndicator.class, () -> () -> Health.down().build())
            .withPropertyValues("management.endpoints.web.exposure.include=availability,health",
                    "management.endpoint.health.group.readiness.include=db",
                    "lexbridge.availability.zone=UTC", "lexbridge.availability.check-interval=5m",
                    "lexbridge.availability.maintenance-windows.planned[0].start=2026-12-01T00:00Z",
                    "lexbridge.availability.maintenance-windows.planned[0].duration=1h");

    /**
     * The task's first look runs at start, on its own thread, at the clock's first time; the next is minutes away.
     * Waiting for it keeps it from landing between a test's own looks.
     */
    private ReadinessRecorder firstLookDone(ReadinessRecorder recorder) throws InterruptedException {
        for (int i = 0; i < 1000 && recorder.current() == null; i++) {
            Thread.sleep(10);
        }
        return recorder;
    }

    private void at(String instant, ReadinessRecorder recorder) {
        now.set(Instant.parse(instant));
        recorder.look();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReadinessGroupsChangesGiveTheAvailabilityOfEachMonthOutsideTheWindows() {
        runner.run(context -> {
            ReadinessRecorder recorder = firstLookDone(context.getBean(ReadinessRecorder.class));
            at("2026-11-30T20:00:00Z", recorder);
            dbUp.set(false);
            at("2026-11-30T22:00:00Z", recorder);
            at("2026-12-01T01:00:00Z", recorder);
            dbUp.set(true);
            at("2026-12-01T02:00:00Z", recorder);
            at("2026-12-01T03:00:00Z", recorder);

            AvailabilityEndpoint endpoint = context.getBean(AvailabilityEndpoint.class);
            Map<String, Object> november = (Map<String, Object>) endpoint.availability("2026-11").getBody()
                    .get("month");
            assertThat(november).containsEntry("upSeconds", 7200L).containsEntry("downSeconds", 7200L)
                    .containsEntry("ratio", 0.5).containsEntry("meetsRequirement", false)
                    .containsEntry("unobservedSeconds", Duration.ofDays(30).minusHours(4).toSeconds());

            // December to 03:00: down 00:00-02:00, but 00:00-01:00 is the planned window
            Map<String, Object> body = endpoint.availability(null).getBody();
            assertThat((Map<String, Object>) body.get("month")).containsEntry("period", "2026-12")
                    .containsEntry("maintenanceSeconds", 3600L).containsEntry("downSeconds", 3600L)
                    .containsEntry("upSeconds", 3600L).containsEntry("ratio", 0.5);
            assertThat((Map<String, Object>) body.get("year")).containsEntry("upSeconds", 3600L + 7200L)
                    .containsEntry("downSeconds", 3600L + 7200L);
            assertThat((Map<String, Object>) body.get("current")).containsEntry("status", "UP");
            assertThat(history.spells(Instant.EPOCH, now.get())).extracting(ReadinessSpell::status,
                    ReadinessSpell::failedChecks).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(Status.UP, List.of()),
                    org.assertj.core.groups.Tuple.tuple(Status.DOWN, List.of("db")),
                    org.assertj.core.groups.Tuple.tuple(Status.UP, List.of()));

            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThat(meters.get("lexbridge.availability.ratio").tag("period", "month").gauge().value())
                    .isCloseTo(0.5, within(1e-9));
            assertThat(meters.get("lexbridge.availability.ratio").tag("period", "year").gauge().value())
                    .isCloseTo(0.5, within(1e-9));
        });
    }

    @Test
    void aMonthThatIsNoneIsRefusedWithTheStableCode() {
        runner.run(context -> {
            WebEndpointResponse<Map<String, Object>> refused = context.getBean(AvailabilityEndpoint.class)
                    .availability("11/2026");
            assertThat(refused.getStatus()).isEqualTo(400);
            assertThat(refused.getBody()).containsEntry("code", "LB-1002").containsEntry("field", "month");
            assertThat(context.getBean(AvailabilityEndpoint.class).availability("2030-01").getStatus())
                    .isEqualTo(400);
        });
    }

    /** The database that keeps the history may be what is down: its outage is written once it is back. */
    @Test
    void looksThatCannotBeWrittenAreHeldAndWrittenLater() {
        AtomicBoolean writable = new AtomicBoolean(true);
        HealthHistory flaky = new HealthHistory() {
            @Override
            public ReadinessSpell look(String instance, Status status, List<String> failed, Instant at) {
                if (!writable.get()) {
                    throw new IllegalStateException("database down");
                }
                return history.look(instance, status, failed, at);
            }

            @Override
            public List<ReadinessSpell> spells(Instant from, Instant to) {
                if (!writable.get()) {
                    throw new IllegalStateException("database down");
                }
                return history.spells(from, to);
            }

            @Override
            public boolean noteOutage(long id, String notice) {
                return history.noteOutage(id, notice);
            }

            @Override
            public List<ReadinessSpell> outages(int limit) {
                return history.outages(limit);
            }
        };
        AtomicReference<Readiness> readiness = new AtomicReference<>(new Readiness(Status.UP, List.of()));
        var recorder = new ReadinessRecorder(flaky, readiness::get, new MaintenanceSchedule(MaintenanceWindows.NONE,
                null, clock), "a/1", ZoneOffset.UTC, clock, new ReadinessRecorder.Outages("c", Duration.ofMinutes(5),
                Duration.ofSeconds(30)));

        at("2026-11-30T20:00:00Z", recorder);
        writable.set(false);
        readiness.set(new Readiness(Status.DOWN, List.of("db")));
        at("2026-11-30T20:01:00Z", recorder);
        at("2026-11-30T20:02:00Z", recorder);
        at("2026-11-30T20:03:00Z", recorder);
        readiness.set(new Readiness(Status.UP, List.of()));
        at("2026-11-30T20:04:00Z", recorder);
        writable.set(true);
        at("2026-11-30T20:05:00Z", recorder);

        assertThat(history.spells(Instant.EPOCH, now.get())).extracting(ReadinessSpell::status,
                ReadinessSpell::since, ReadinessSpell::until).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Status.UP, Instant.parse("2026-11-30T20:00:00Z"),
                        Instant.parse("2026-11-30T20:01:00Z")),
                org.assertj.core.groups.Tuple.tuple(Status.DOWN, Instant.parse("2026-11-30T20:01:00Z"),
                        Instant.parse("2026-11-30T20:04:00Z")),
                org.assertj.core.groups.Tuple.tuple(Status.UP, Instant.parse("2026-11-30T20:04:00Z"),
                        Instant.parse("2026-11-30T20:05:00Z")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOutageOutsideTheWindowsThatLastsDraftsItsNoticeOnceAndShowsIt(CapturedOutput output) {
        runner.withPropertyValues("lexbridge.connector.party-id=at-prosecutor").run(context -> {
            ReadinessRecorder recorder = firstLookDone(context.getBean(ReadinessRecorder.class));
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            // inside the window 00:00-01:00: down for 50 minutes, no notice
            dbUp.set(false);
            at("2026-12-01T00:05:00Z", recorder);
            at("2026-12-01T00:55:00Z", recorder);
            assertThat(history.outages(10)).isEmpty();
            // past the window's end: 4 minutes outside it, then 5
            at("2026-12-01T01:04:00Z", recorder);
            assertThat(history.outages(10)).isEmpty();
            assertThat(meters.get("lexbridge.availability.unplanned.outage").gauge().value()).isEqualTo(240.0);
            at("2026-12-01T01:05:00Z", recorder);
            at("2026-12-01T01:06:00Z", recorder);
            dbUp.set(true);
            at("2026-12-01T01:07:00Z", recorder);
            assertThat(meters.get("lexbridge.availability.unplanned.outage").gauge().value()).isZero();

            List<Map<String, Object>> outages = (List<Map<String, Object>>) context.getBean(
                    AvailabilityEndpoint.class).outages("outages").getBody().get("outages");
            assertThat(outages).singleElement().satisfies(outage -> {
                assertThat(outage).containsEntry("since", "2026-12-01T00:05:00Z")
                        .containsEntry("failedChecks", List.of("db"));
                assertThat((String) outage.get("notice")).contains("the e-CODEX connector of at-prosecutor")
                        .contains("since 2026-12-01T00:05:00Z").contains("Checks failing: db.")
                        .contains("[expected recovery time: to be completed]");
            });
            assertThat(context.getBean(AvailabilityEndpoint.class).outages("other").getStatus()).isEqualTo(400);
        });
        assertThat(output.getOut().lines().filter(line -> line.contains("Unexpected outage"))).singleElement()
                .satisfies(line -> assertThat(line).contains("WARN"));
        assertThat(output.getOut()).contains("the unexpected outage since 2026-12-01T00:05:00Z is over after 62 min");
    }

    @Test
    void anotherReplicaReadyIsNoOutage() {
        runner.run(context -> {
            ReadinessRecorder recorder = firstLookDone(context.getBean(ReadinessRecorder.class));
            dbUp.set(false);
            for (int minute = 10; minute <= 20; minute++) {
                now.set(Instant.parse("2026-12-02T10:00:00Z").plusSeconds(60L * minute));
                history.look("other/1", Status.UP, List.of(), now.get());
                recorder.look();
            }
            assertThat(history.outages(10)).isEmpty();
        });
    }
}
