package eu.lexbridge.record.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.record.availability.MaintenanceWindows.Planned;
import eu.lexbridge.record.availability.MaintenanceWindows.Regular;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Implementing Regulation (EU) 2026/101 Annex I 6.4–6.5: regular windows every week, one-off windows once. */
class MaintenanceWindowsTest {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    /** Sundays 02:00–04:00 Brussels time. */
    private static final Regular SUNDAY_NIGHT = new Regular(DayOfWeek.SUNDAY, LocalTime.of(2, 0), Duration.ofHours(2),
            BRUSSELS);

    private static Span span(String from, String to) {
        return new Span(Instant.parse(from), Instant.parse(to));
    }

    @Test
    void aRegularWindowOpensEveryWeekInItsZonesLocalTimeSummerOrWinter() {
        var windows = new MaintenanceWindows(List.of(SUNDAY_NIGHT), List.of());

        // November 2026: Sundays 1, 8, 15, 22 and 29, at 01:00 UTC (CET)
        List<Span> november = windows.within(span("2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z"));
        assertThat(november).hasSize(5).first().isEqualTo(span("2026-11-01T01:00:00Z", "2026-11-01T03:00:00Z"));
        // a Sunday in July is in summer time (CEST): 00:00 UTC
        assertThat(windows.within(span("2026-07-05T00:00:00Z", "2026-07-06T00:00:00Z")))
                .containsExactly(span("2026-07-05T00:00:00Z", "2026-07-05T02:00:00Z"));
        assertThat(windows.covers(Instant.parse("2026-11-08T02:59:59Z"))).isTrue();
        assertThat(windows.covers(Instant.parse("2026-11-08T03:00:00Z"))).as("the end is not in it").isFalse();
        assertThat(windows.covers(Instant.parse("2026-11-09T02:00:00Z"))).as("a Monday").isFalse();
    }

    @Test
    void aWindowIsCutToThePeriodAndWindowsThatMeetAreOne() {
        var planned = new Planned(OffsetDateTime.parse("2026-11-30T22:00:00Z"), Duration.ofHours(4));
        var adjacent = new Planned(OffsetDateTime.parse("2026-12-01T02:00:00Z"), Duration.ofHours(1));
        var windows = new MaintenanceWindows(List.of(), List.of(planned, adjacent));

        assertThat(windows.within(span("2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z")))
                .containsExactly(span("2026-11-30T22:00:00Z", "2026-12-01T00:00:00Z"));
        assertThat(windows.within(span("2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z")))
                .containsExactly(span("2026-12-01T00:00:00Z", "2026-12-01T03:00:00Z"));
    }

    @Test
    void aRegularWindowThatBeganTheWeekBeforeStillCounts() {
        // Saturday 22:00 for 30 h: from the last Saturday of October into November
        var weekend = new Regular(DayOfWeek.SATURDAY, LocalTime.of(22, 0), Duration.ofHours(30), ZoneId.of("UTC"));
        var windows = new MaintenanceWindows(List.of(weekend), List.of());

        assertThat(windows.within(span("2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z")))
                .containsExactly(span("2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z"));
    }

    @Test
    void aWindowOfNothingOrTooLongIsRefused() {
        assertThatThrownBy(() -> new Regular(DayOfWeek.MONDAY, LocalTime.NOON, Duration.ZERO, BRUSSELS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Regular(DayOfWeek.MONDAY, LocalTime.NOON, Duration.ofDays(7), BRUSSELS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Planned(OffsetDateTime.parse("2026-12-01T00:00:00Z"), Duration.ofDays(15)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
