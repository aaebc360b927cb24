package eu.lexbridge.app.config;

import eu.lexbridge.record.availability.MaintenanceWindows;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The availability of the connector as Implementing Regulation (EU) 2026/101 Annex I 6 counts it: at least 98 % a
 * year, planned maintenance left out.
 *
 * @param maintenanceWindows the planned maintenance: fixed regular windows (Annex I 6.5) and one-off windows
 *     (Annex I 6.4), left out of the availability; an outage inside one is not an unplanned outage
 * @param zone the time zone whose months and years the availability is counted in
 * @param checkInterval how often the readiness is looked at and its changes kept (the availability's history),
 *     5 s to 5 min
 * @param outageNoticeAfter how long the readiness stays DOWN outside a maintenance window before the notice of an
 *     unexpected outage (Annex I 6.6) is drafted, 1 min to 1 day
 * @param component the component the notice of an outage names; "the e-CODEX connector of" our party id when empty
 */
@Validated
@ConfigurationProperties("lexbridge.availability")
public record AvailabilityProperties(@Valid @DefaultValue Windows maintenanceWindows,
                                     @NotNull @DefaultValue("Europe/Brussels") ZoneId zone,
                                     @NotNull @DefaultValue("30s") Duration checkInterval,
                                     @NotNull @DefaultValue("5m") Duration outageNoticeAfter,
                                     String component) {

    @AssertTrue(message = "check-interval must be between 5 seconds and 5 minutes, outage-notice-after between 1 "
            + "minute and 1 day")
    boolean isTimingSensible() {
        return checkInterval == null || outageNoticeAfter == null
                || checkInterval.compareTo(Duration.ofSeconds(5)) >= 0
                && checkInterval.compareTo(Duration.ofMinutes(5)) <= 0
                && outageNoticeAfter.compareTo(Duration.ofMinutes(1)) >= 0
                && outageNoticeAfter.compareTo(Duration.ofDays(1)) <= 0;
    }

    /** The windows as the availability counts them. */
    public MaintenanceWindows windows() {
        return new MaintenanceWindows(
                maintenanceWindows.regular().stream().map(w -> new MaintenanceWindows.Regular(w.day(), w.start(),
                        w.duration(), w.zone())).toList(),
                maintenanceWindows.planned().stream().map(w -> new MaintenanceWindows.Planned(w.start(),
                        w.duration())).toList());
    }

    /**
     * @param regular fixed windows that come back every week, announced once to the Commission and the other Member
     *     States with their day and time (Annex I 6.5): {@code day}, {@code start}, {@code duration}, {@code zone}
     * @param planned one-off windows, each announced 5, 10 or 30 working days ahead for a downtime of up to 4 h,
     *     up to 12 h or more (Annex I 6.4): {@code start} (with its offset), {@code duration}
     */
    public record Windows(@Valid @DefaultValue List<RegularWindow> regular,
                          @Valid @DefaultValue List<PlannedWindow> planned) {
    }

    /**
     * @param day the day of the week it opens, e.g. {@code SUNDAY}
     * @param start the local time it opens, e.g. {@code 02:00}
     * @param duration how long it stays open, less than a week
     * @param zone the time zone of {@code start}
     */
    public record RegularWindow(@NotNull DayOfWeek day, @NotNull LocalTime start, @NotNull Duration duration,
                                @NotNull @DefaultValue("Europe/Brussels") ZoneId zone) {

        @AssertTrue(message = "a regular maintenance window lasts more than nothing and less than a week")
        boolean isDurationSensible() {
            return duration == null || !duration.isNegative() && !duration.isZero()
                    && duration.compareTo(Duration.ofDays(7)) < 0;
        }
    }

    /**
     * @param start when it opens, with its offset, e.g. {@code 2026-12-14T21:00+01:00}
     * @param duration how long it stays open, at most 14 days
     */
    public record PlannedWindow(@NotNull OffsetDateTime start, @NotNull Duration duration) {

        @AssertTrue(message = "a planned maintenance window lasts more than nothing and at most 14 days")
        boolean isDurationSensible() {
            return duration == null || !duration.isNegative() && !duration.isZero()
                    && duration.compareTo(Duration.ofDays(14)) <= 0;
        }
    }
}
