package eu.lexbridge.app.availability;

import eu.lexbridge.app.availability.MaintenanceSchedule.Checked;
import eu.lexbridge.app.operations.OperatorProblems;
import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.record.ReadinessSpell;
import eu.lexbridge.record.availability.Availability;
import eu.lexbridge.record.availability.MaintenanceNotice;
import eu.lexbridge.record.availability.MaintenanceWindows.Regular;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.lang.Nullable;

/**
 * The availability duties of Implementing Regulation (EU) 2026/101 Annex I 6 on the management port (viewers):
 * {@code GET /actuator/availability?month=2026-11} the availability of a month (the current one when not given) and of
 * its year up to the month's end, this instance's readiness, the maintenance windows configured and the notice each
 * one-off window needs; {@code GET /actuator/availability/outages} the unexpected outages, the latest first, each
 * with the notice drafted for it (Annex I 6.6).
 */
@Endpoint(id = "availability")
public class AvailabilityEndpoint {

    /** The first month worth asking for: the regulation is of 2026. */
    private static final YearMonth FIRST = YearMonth.of(2026, 1);

    private final MaintenanceSchedule schedule;
    private final ReadinessRecorder recorder;
    private final Clock clock;

    /** @param recorder the readiness history, or {@code null} when the connector keeps none */
    AvailabilityEndpoint(MaintenanceSchedule schedule, ReadinessRecorder recorder, Clock clock) {
        this.schedule = schedule;
        this.recorder = recorder;
        this.clock = clock;
    }

    @ReadOperation
    public WebEndpointResponse<Map<String, Object>> availability(@Nullable String month) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (recorder != null) {
            YearMonth asked;
            try {
                asked = month == null ? YearMonth.now(clock.withZone(recorder.zone())) : YearMonth.parse(month);
            } catch (DateTimeParseException e) {
                asked = null;
            }
            if (asked == null || asked.isBefore(FIRST) || asked.isAfter(YearMonth.now(clock.withZone(recorder.zone()))
                    .plusYears(1))) {
                return OperatorProblems.of(new ConnectorException(ErrorCode.INVALID_FIELD, "month",
                        "month is a month as YYYY-MM, from " + FIRST + " to a year from now"));
            }
            body.put("zone", recorder.zone().getId());
            body.put("month", view(asked.toString(), recorder.month(asked)));
            body.put("year", view(asked.getYear() + " to " + asked, recorder.yearTo(asked)));
            body.put("required", Availability.REQUIRED);
            ReadinessSpell current = recorder.current();
            if (current != null) {
                body.put("current", view(current));
            }
        }
        body.put("maintenanceWindows", windows());
        return new WebEndpointResponse<>(body);
    }

    /** How many outages are shown: more than a year's worth at the required 98 %. */
    static final int OUTAGES = 100;

    @ReadOperation
    public WebEndpointResponse<Map<String, Object>> outages(@Selector String part) {
        if (!"outages".equals(part) || recorder == null) {
            return OperatorProblems.of(new ConnectorException(ErrorCode.INVALID_FIELD, "path",
                    "the outages are at /actuator/availability/outages, where the connector keeps a readiness "
                            + "history"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outages", recorder.outages(OUTAGES).stream().map(spell -> {
            Map<String, Object> view = view(spell);
            view.put("notice", spell.outageNotice());
            return view;
        }).toList());
        return new WebEndpointResponse<>(body);
    }

    private static Map<String, Object> view(String name, Availability availability) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("period", name);
        view.put("from", availability.period().start().toString());
        view.put("to", availability.period().end().toString());
        view.put("ratio", availability.ratio());
        view.put("meetsRequirement", availability.meetsRequirement());
        view.put("upSeconds", availability.up().toSeconds());
        view.put("downSeconds", availability.down().toSeconds());
        view.put("maintenanceSeconds", availability.maintenance().toSeconds());
        view.put("unobservedSeconds", availability.unobserved().toSeconds());
        return view;
    }

    static Map<String, Object> view(ReadinessSpell spell) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("instance", spell.instance());
        view.put("status", spell.status().name());
        view.put("since", spell.since().toString());
        view.put("until", spell.until().toString());
        view.put("failedChecks", spell.failedChecks());
        return view;
    }

    Map<String, Object> windows() {
        Map<String, Object> windows = new LinkedHashMap<>();
        windows.put("regular", schedule.windows().regular().stream().map(AvailabilityEndpoint::view).toList());
        windows.put("planned", schedule.planned().stream().map(AvailabilityEndpoint::view).toList());
        return windows;
    }

    private static Map<String, Object> view(Regular window) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("day", window.day().name());
        view.put("start", window.start().toString());
        view.put("duration", window.duration().toString());
        view.put("zone", window.zone().getId());
        return view;
    }

    private static Map<String, Object> view(Checked checked) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("start", checked.window().start().toString());
        view.put("end", checked.window().start().plus(checked.window().duration()).toString());
        view.put("duration", checked.window().duration().toString());
        view.put("late", checked.late());
        checked.notice().ifPresent(notice -> view.put("notice", view(notice)));
        return view;
    }

    private static Map<String, Object> view(MaintenanceNotice notice) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("workingDays", notice.notice().workingDays());
        view.put("announceBy", notice.announceBy().toString());
        view.put("late", notice.late());
        view.put("workingDaysLeft", notice.workingDaysLeft());
        view.put("preferredHours", notice.preferredHours());
        return view;
    }
}
