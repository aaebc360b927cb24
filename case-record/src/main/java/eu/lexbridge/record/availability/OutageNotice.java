package eu.lexbridge.record.availability;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * The draft of the notice Implementing Regulation (EU) 2026/101 Annex I 6.6 asks for an unexpected outage: sent to
 * the Commission and the other Member States without delay, with the expected recovery time, which only a person can
 * give. Names only, never content.
 *
 * @param component the component that is down
 * @param since when it was first found down
 * @param failedChecks the readiness checks that failed, by name
 */
public record OutageNotice(String component, Instant since, List<String> failedChecks) {

    /** What the recovery time reads until a person fills it in. */
    public static final String RECOVERY_PLACEHOLDER = "[expected recovery time: to be completed]";
    private static final DateTimeFormatter CET_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")
            .withZone(MaintenanceNotice.CET);

    public OutageNotice {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(since, "since");
        failedChecks = List.copyOf(failedChecks);
    }

    /**
     * Whether an outage found at {@code since} is due its notice at {@code now}: no maintenance window is open, and it
     * has lasted at least {@code after} outside the windows.
     */
    public static boolean due(Instant since, Instant now, MaintenanceWindows windows, Duration after) {
        if (!now.isAfter(since) || windows.covers(now)) {
            return false;
        }
        Span outage = new Span(since, now);
        Duration planned = windows.within(outage).stream().map(Span::length).reduce(Duration.ZERO, Duration::plus);
        return outage.length().minus(planned).compareTo(after) >= 0;
    }

    /** The time a downtime found at {@code since} has lasted outside the windows, at {@code now}. */
    public static Duration unplanned(Instant since, Instant now, MaintenanceWindows windows) {
        if (!now.isAfter(since)) {
            return Duration.ZERO;
        }
        Span outage = new Span(since, now);
        return outage.length().minus(windows.within(outage).stream().map(Span::length)
                .reduce(Duration.ZERO, Duration::plus));
    }

    /** The notice, in one paragraph. */
    public String text() {
        return "Unexpected outage (Implementing Regulation (EU) 2026/101 Annex I 6.6): " + component
                + " has not been available since " + since + " (" + CET_TIME.format(since) + "). Checks failing: "
                + (failedChecks.isEmpty() ? "none named" : String.join(", ", failedChecks)) + ". Expected recovery: "
                + RECOVERY_PLACEHOLDER + ".";
    }

}
