package eu.lexbridge.app.operations;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.port.Hop;
import eu.lexbridge.messaging.DeadLetters;
import jakarta.jms.JMSException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * The dead letters on the management port (operators): {@code GET /actuator/deadletters} lists them (at most
 * {@value #LIMIT}), {@code POST /actuator/deadletters/<queue>/<jmsMessageId>} puts one back on its queue,
 * {@code DELETE …} discards it. Every replay and discard is a line of the audit log {@code lexbridge.audit}.
 */
@Endpoint(id = "deadletters")
public class DeadLettersEndpoint {

    static final int LIMIT = 500;

    private static final Logger AUDIT = LoggerFactory.getLogger("lexbridge.audit");
    /** The broker's ids: "ID:" and a UUID; nothing else is looked for. */
    private static final Pattern JMS_ID = Pattern.compile("ID:[0-9A-Za-z-]{1,64}");

    private final DeadLetters deadLetters;

    public DeadLettersEndpoint(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @ReadOperation
    public WebEndpointResponse<Map<String, Object>> list() {
        try {
            List<Map<String, Object>> letters = deadLetters.list(LIMIT).stream().map(DeadLettersEndpoint::view)
                    .toList();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("count", letters.size());
            body.put("limit", LIMIT);
            body.put("deadLetters", letters);
            return new WebEndpointResponse<>(body, WebEndpointResponse.STATUS_OK);
        } catch (JMSException e) {
            return OperatorProblems.brokerDown(e);
        }
    }

    @WriteOperation
    public WebEndpointResponse<Map<String, Object>> replay(@Selector String queue, @Selector String jmsMessageId,
                                                           SecurityContext caller) {
        return act(queue, jmsMessageId, caller, true);
    }

    @DeleteOperation
    public WebEndpointResponse<Map<String, Object>> discard(@Selector String queue, @Selector String jmsMessageId,
                                                            SecurityContext caller) {
        return act(queue, jmsMessageId, caller, false);
    }

    private WebEndpointResponse<Map<String, Object>> act(String queue, String jmsMessageId, SecurityContext caller,
                                                         boolean replay) {
        try {
            Hop hop = Stream.of(Hop.values()).filter(h -> h.queue().equals(queue)).findFirst()
                    .orElseThrow(() -> new ConnectorException(ErrorCode.INVALID_FIELD, "queue",
                            "queue must be one of the connector's queues, e.g. " + Hop.OUTBOUND_DISPATCH.queue()));
            if (jmsMessageId == null || !JMS_ID.matcher(jmsMessageId).matches()) {
                throw new ConnectorException(ErrorCode.INVALID_FIELD, "jmsMessageId",
                        "jmsMessageId must be the broker's id of a dead letter, as listed (ID:…)");
            }
            Optional<DeadLetters.DeadLetter> taken = replay ? deadLetters.replay(hop, jmsMessageId)
                    : deadLetters.discard(hop, jmsMessageId);
            DeadLetters.DeadLetter letter = taken.orElseThrow(() -> new ConnectorException(
                    ErrorCode.UNKNOWN_DEAD_LETTER, "jmsMessageId", "no dead letter " + jmsMessageId + " of "
                    + queue + " (replayed or discarded already?)"));
            String who = OperatorProblems.operator(caller);
            AUDIT.info("operator {} {} dead letter {} of {} ({})", LogSafe.of(who),
                    replay ? "replayed" : "discarded", jmsMessageId, queue, LogSafe.of(letter.body()));
            Map<String, Object> body = view(letter);
            body.put("detail", replay ? "put back on " + queue : "discarded");
            return new WebEndpointResponse<>(body, WebEndpointResponse.STATUS_OK);
        } catch (ConnectorException e) {
            return OperatorProblems.of(e);
        } catch (JMSException e) {
            return OperatorProblems.brokerDown(e);
        }
    }


    private static Map<String, Object> view(DeadLetters.DeadLetter letter) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("queue", letter.hop().queue());
        view.put("jmsMessageId", letter.jmsMessageId());
        view.put("id", letter.body());
        view.put("queuedAt", letter.queuedAt().toString());
        return view;
    }
}
