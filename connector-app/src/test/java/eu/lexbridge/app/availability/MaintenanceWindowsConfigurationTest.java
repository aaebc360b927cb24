package eu.lexbridge.app.availability;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.app.config.SettingsCheckAutoConfiguration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * {@code lexbridge.availability.maintenance-windows}: regular and one-off windows read and shown; a one-off window
 * announced too late (Annex I 6.4) is one WARN line and a flag; a window of nothing stops the start naming the key.
 */
@ExtendWith(OutputCaptureExtension.class)
class MaintenanceWindowsConfigurationTest {

    /** Tuesday 1 December 2026, 09:00 UTC. */
    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class,
                    SettingsCheckAutoConfiguration.class, AvailabilityAutoConfiguration.class))
            .withBean(Clock.class, () -> Clock.fixed(NOW, ZoneOffset.UTC))
            .withPropertyValues("lexbridge.container.country=AT", "management.endpoints.web.exposure.include=availability",
                    "lexbridge.availability.maintenance-windows.regular[0].day=SUNDAY",
                    "lexbridge.availability.maintenance-windows.regular[0].start=02:00",
                    "lexbridge.availability.maintenance-windows.regular[0].duration=2h",
                    // 3 h on Thursday 3 December: 5 working days' notice, due by 26 November
                    "lexbridge.availability.maintenance-windows.planned[0].start=2026-12-03T21:00+01:00",
                    "lexbridge.availability.maintenance-windows.planned[0].duration=3h",
                    // 3 h on Monday 14 December: due by 4 December (8 December is a holiday in Austria)
                    "lexbridge.availability.maintenance-windows.planned[1].start=2026-12-14T21:00+01:00",
                    "lexbridge.availability.maintenance-windows.planned[1].duration=3h");

    @Test
    @SuppressWarnings("unchecked")
    void theWindowsAreShownWithTheNoticeEachOneOffWindowNeeds(CapturedOutput output) {
        runner.run(context -> {
            Map<String, Object> windows = (Map<String, Object>) context.getBean(AvailabilityEndpoint.class)
                    .availability(null).getBody().get("maintenanceWindows");

            assertThat((List<Map<String, Object>>) windows.get("regular")).singleElement().isEqualTo(Map.of(
                    "day", "SUNDAY", "start", "02:00", "duration", "PT2H", "zone", "Europe/Brussels"));
            List<Map<String, Object>> planned = (List<Map<String, Object>>) windows.get("planned");
            assertThat(planned).extracting(w -> w.get("late")).containsExactly(true, false);
            assertThat((Map<String, Object>) planned.get(1).get("notice")).containsEntry("workingDays", 5)
                    .containsEntry("announceBy", "2026-12-04").containsEntry("workingDaysLeft", 4)
                    .containsEntry("preferredHours", true);
        });
        assertThat(output.getOut().lines().filter(line -> line.contains("planned maintenance"))).singleElement()
                .satisfies(line -> assertThat(line).contains("WARN").contains("2026-12-03T21:00+01:00")
                        .contains("needs 5 working days' notice").contains("was 2026-11-26"));
    }

    @Test
    void aWindowOfNothingStopsTheStartNamingTheKey() {
        runner.withPropertyValues("lexbridge.availability.maintenance-windows.regular[0].duration=0s")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("lexbridge.availability").hasMessageContaining("maintenanceWindows.regular[0]")
                        .hasMessageContaining("less than a week"));
    }

    @Test
    void aMisspeltKeyOfAWindowIsNamed() {
        runner.withPropertyValues("lexbridge.availability.maintenance-windows.regular[0].strat=02:00")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasMessageContaining("lexbridge.availability.maintenance-windows.regular[0].strat"));
    }
}
