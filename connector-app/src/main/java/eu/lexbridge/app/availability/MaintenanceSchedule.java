package eu.lexbridge.app.availability;

import eu.lexbridge.record.availability.MaintenanceNotice;
import eu.lexbridge.record.availability.MaintenanceWindows;
import eu.lexbridge.record.availability.MaintenanceWindows.Planned;
import eu.lexbridge.record.deadline.WorkingCalendar;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured maintenance windows, and for each one-off window still to come the notice it needs under
 * Implementing Regulation (EU) 2026/101 Annex I 6.4, counted in our Member State's working days.
 */
public final class MaintenanceSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceSchedule.class);

    private final MaintenanceWindows windows;
    private final WorkingCalendar calendar;
    private final Clock clock;

    /** @param calendar our Member State's working days, or {@code null} when no Member State is configured */
    public MaintenanceSchedule(MaintenanceWindows windows, WorkingCalendar calendar, Clock clock) {
        this.windows = windows;
        this.calendar = calendar;
        this.clock = clock;
    }

    public MaintenanceWindows windows() {
        return windows;
    }

    /** A one-off window and, when it is still to come and our Member State is known, its notice as of now. */
    public record Checked(Planned window, Optional<MaintenanceNotice> notice) {
        public boolean late() {
            return notice.map(MaintenanceNotice::late).orElse(false);
        }
    }

    public List<Checked> planned() {
        return windows.planned().stream().map(window -> new Checked(window, notice(window))).toList();
    }

    /** One WARN line for each window still to come whose announcement is late: it is still planned, not notified. */
    void warnOfLateAnnouncements() {
        for (Checked checked : planned()) {
            checked.notice().filter(MaintenanceNotice::late).ifPresent(notice -> LOG.warn(
                    "planned maintenance from {} for {} min needs {} working days' notice to the Commission and the "
                            + "other Member States (Implementing Regulation 2026/101 Annex I 6.4): the last day to "
                            + "announce it was {}", notice.start().toOffsetDateTime(), notice.duration().toMinutes(),
                    notice.notice().workingDays(), notice.announceBy()));
        }
    }

    private Optional<MaintenanceNotice> notice(Planned window) {
        if (calendar == null || !window.span().end().isAfter(clock.instant())) {
            return Optional.empty();
        }
        Duration duration = window.duration();
        return Optional.of(MaintenanceNotice.plan(window.start().toZonedDateTime(), duration, calendar,
                clock.instant()));
    }
}
