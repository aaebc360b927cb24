package eu.lexbridge.app.availability;

import eu.lexbridge.app.availability.MaintenanceSchedule.Checked;
import eu.lexbridge.record.availability.MaintenanceNotice;
import eu.lexbridge.record.availability.MaintenanceWindows.Regular;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The availability duties of Implementing Regulation (EU) 2026/101 Annex I 6 on the management port (viewers):
 * {@code GET /actuator/availability} the maintenance windows configured and the notice each one-off window needs.
 */
@Endpoint(id = "availability")
public class AvailabilityEndpoint {

    private final MaintenanceSchedule schedule;

    AvailabilityEndpoint(MaintenanceSchedule schedule) {
        this.schedule = schedule;
    }

    @ReadOperation
    public Map<String, Object> availability() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("maintenanceWindows", windows());
        return body;
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
