package eu.lexbridge.app.operations;

import eu.lexbridge.messaging.QueueDepths;
import jakarta.jms.JMSException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * {@code GET /actuator/queues} on the management port (viewers): every queue and dead-letter queue with the messages
 * in it and the age of the oldest, read from the broker now (the gauges hold a reading up to 10 s old).
 */
@Endpoint(id = "queues")
public class QueuesEndpoint {

    private final QueueDepths depths;

    public QueuesEndpoint(QueueDepths depths) {
        this.depths = depths;
    }

    @ReadOperation
    public WebEndpointResponse<Map<String, Object>> queues() {
        try {
            List<Map<String, Object>> queues = depths.read().stream().map(depth -> {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("queue", depth.queue());
                view.put("deadLetters", depth.deadLetters());
                view.put("messages", depth.messages());
                view.put("oldestSeconds", depth.oldest().toSeconds());
                return view;
            }).toList();
            return new WebEndpointResponse<>(Map.of("queues", queues), WebEndpointResponse.STATUS_OK);
        } catch (JMSException e) {
            return OperatorProblems.brokerDown(e);
        }
    }
}
