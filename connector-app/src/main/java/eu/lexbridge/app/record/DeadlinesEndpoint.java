package eu.lexbridge.app.record;

import eu.lexbridge.record.timeline.DeadlineWatch.Report;
import eu.lexbridge.record.timeline.DeadlineWatch.Watched;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The procedural time limits due soon and missed, over the conversations active lately, as the last watch found them
 * ({@code /actuator/deadlines}, on the management port): ids, dates and rules, never content.
 */
@Endpoint(id = "deadlines")
public class DeadlinesEndpoint {

    private final DeadlineMonitor monitor;

    DeadlinesEndpoint(DeadlineMonitor monitor) {
        this.monitor = monitor;
    }

    @ReadOperation
    public Map<String, Object> deadlines() {
        Report report = monitor.last();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("checkedAt", report.at().toString());
        body.put("conversations", report.conversations());
        body.put("dueSoon", view(report.dueSoon()));
        body.put("missed", view(report.missed()));
        return body;
    }

    private static List<Map<String, Object>> view(List<Watched> watched) {
        return watched.stream().map(w -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("conversationId", w.conversationId());
            line.put("backend", w.backendName());
            line.put("id", w.deadline().id());
            line.put("actor", w.deadline().actor());
            line.put("startedBy", w.deadline().messageId());
            line.put("startedAt", w.deadline().startedAt().toString());
            line.put("dueAt", String.valueOf(w.deadline().dueAt()));
            line.put("source", w.deadline().source());
            return line;
        }).toList();
    }
}
