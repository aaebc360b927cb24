package eu.lexbridge.record.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eu.lexbridge.core.record.ReadinessSpell;
import eu.lexbridge.core.record.ReadinessSpell.Status;
import eu.lexbridge.record.availability.MaintenanceWindows.Planned;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Annex I 6.1: time UP over time looked at, both outside the planned maintenance windows, on constructed histories.
 */
class AvailabilityTest {

    /** November 2026, 30 days. */
    private static final Span NOVEMBER = new Span(Instant.parse("2026-11-01T00:00:00Z"),
            Instant.parse("2026-12-01T00:00:00Z"));
    private static final Span DECEMBER = new Span(Instant.parse("2026-12-01T00:00:00Z"),
            Instant.parse("2027-01-01T00:00:00Z"));

    private static ReadinessSpell spell(String instance, Status status, String since, String until) {
        return new ReadinessSpell(0, instance, status, Instant.parse(since), Instant.parse(until), List.of(), null);
    }

    private static MaintenanceWindows planned(String start, Duration duration) {
        return new MaintenanceWindows(List.of(), List.of(new Planned(OffsetDateTime.parse(start), duration)));
    }

    @Test
    void anOutageThatSpansTheMonthsEndCountsInEachMonthForItsPart() {
        List<ReadinessSpell> history = List.of(
                spell("a", Status.UP, "2026-10-20T00:00:00Z", "2026-11-30T18:00:00Z"),
                spell("a", Status.DOWN, "2026-11-30T18:00:00Z", "2026-12-01T06:00:00Z"),
                spell("a", Status.UP, "2026-12-01T06:00:00Z", "2026-12-10T00:00:00Z"));

        Availability november = Availability.of(NOVEMBER, history, MaintenanceWindows.NONE);
        Availability december = Availability.of(new Span(DECEMBER.start(), Instant.parse("2026-12-10T00:00:00Z")),
                history, MaintenanceWindows.NONE);

        assertThat(november.down()).isEqualTo(Duration.ofHours(6));
        assertThat(november.observed()).isEqualTo(Duration.ofDays(30));
        assertThat(november.ratio()).isCloseTo(1 - 6.0 / (30 * 24), within(1e-9));
        assertThat(december.down()).isEqualTo(Duration.ofHours(6));
        assertThat(december.up()).isEqualTo(Duration.ofDays(9).minusHours(6));
        assertThat(december.unobserved()).isZero();
    }

    @Test
    void anOutageInsideAMaintenanceWindowIsLeftOutAndOnlyItsPartOutsideCounts() {
        List<ReadinessSpell> history = List.of(
                spell("a", Status.UP, "2026-11-01T00:00:00Z", "2026-11-14T21:00:00Z"),
                spell("a", Status.DOWN, "2026-11-14T21:00:00Z", "2026-11-15T02:00:00Z"),
                spell("a", Status.UP, "2026-11-15T02:00:00Z", "2026-12-01T00:00:00Z"));
        // the window 20:00-01:00 UTC: the downtime runs an hour past its end
        MaintenanceWindows window = planned("2026-11-14T21:00+01:00", Duration.ofHours(5));

        Availability november = Availability.of(NOVEMBER, history, window);

        assertThat(november.maintenance()).isEqualTo(Duration.ofHours(5));
        assertThat(november.down()).isEqualTo(Duration.ofHours(1));
        assertThat(november.up()).isEqualTo(Duration.ofDays(30).minusHours(5).minusHours(1));
        assertThat(november.ratio()).isCloseTo((30 * 24 - 6.0) / (30 * 24 - 5), within(1e-9));
        assertThat(november.meetsRequirement()).isTrue();
    }

    @Test
    void noDataIsNoRatioAndTimeNobodyLookedAtIsNeitherUpNorDown() {
        Availability empty = Availability.of(NOVEMBER, List.of(), MaintenanceWindows.NONE);
        assertThat(empty.ratio()).isNull();
        assertThat(empty.meetsRequirement()).isNull();
        assertThat(empty.unobserved()).isEqualTo(Duration.ofDays(30));

        // stopped from the 10th to the 20th: the ten days are not counted
        List<ReadinessSpell> history = List.of(
                spell("a/1", Status.UP, "2026-11-01T00:00:00Z", "2026-11-10T00:00:00Z"),
                spell("a/2", Status.UP, "2026-11-20T00:00:00Z", "2026-11-30T00:00:00Z"),
                spell("a/2", Status.DOWN, "2026-11-30T00:00:00Z", "2026-12-01T00:00:00Z"));
        Availability gap = Availability.of(NOVEMBER, history, MaintenanceWindows.NONE);
        assertThat(gap.unobserved()).isEqualTo(Duration.ofDays(10));
        assertThat(gap.ratio()).isCloseTo(19.0 / 20, within(1e-9));
        assertThat(gap.meetsRequirement()).isFalse();
    }

    @Test
    void theConnectorIsReadyWhenOneOfItsReplicasIs() {
        List<ReadinessSpell> history = List.of(
                spell("a", Status.UP, "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z"),
                spell("b", Status.DOWN, "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z"),
                spell("b", Status.UP, "2026-11-02T00:00:00Z", "2026-11-29T00:00:00Z"));

        Availability november = Availability.of(NOVEMBER, history, MaintenanceWindows.NONE);

        assertThat(november.ratio()).isEqualTo(1.0);
        assertThat(november.down()).isZero();
    }

    @Test
    void aWindowWithNobodyLookingIsNotMaintenanceTime() {
        MaintenanceWindows window = planned("2026-11-10T00:00Z", Duration.ofDays(1));
        List<ReadinessSpell> history = List.of(spell("a", Status.UP, "2026-11-20T00:00:00Z", "2026-11-21T00:00:00Z"));

        Availability november = Availability.of(NOVEMBER, history, window);

        assertThat(november.maintenance()).isZero();
        assertThat(november.observed()).isEqualTo(Duration.ofDays(1));
        assertThat(november.ratio()).isEqualTo(1.0);
    }
}
