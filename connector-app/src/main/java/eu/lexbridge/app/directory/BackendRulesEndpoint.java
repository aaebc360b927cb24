package eu.lexbridge.app.directory;

import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.directory.routing.BackendRules;
import eu.lexbridge.directory.routing.RoutingRule;
import eu.lexbridge.directory.routing.RuleSyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * The back-end routing rules on the management port ({@code /actuator/backendrules}, operators only): GET reads the
 * rules in force as text, in the order they are tried; POST {@code {"rules": "<one rule a line>"}} replaces the whole
 * set. The new set is parsed whole before it applies: a rule that does not parse is answered 400 with code
 * {@code LB-1400}, its line and column and a sentence, and the rules in force stay as they were.
 *
 * <p>The change is kept in the database: a restart and the other replicas (within
 * {@code lexbridge.backend-routing.refresh-interval}) route by it, until the configured rules
 * ({@code lexbridge.backend-routing.rules}) change, which win again.
 */
@Endpoint(id = "backendrules")
public class BackendRulesEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(BackendRulesEndpoint.class);

    private final SharedBackendRules shared;
    private final BackendRules rules;

    public BackendRulesEndpoint(SharedBackendRules shared) {
        this.shared = shared;
        this.rules = shared.rules();
    }

    /** The rules in force. */
    @ReadOperation
    public Map<String, Object> current() {
        return inForce(rules.rules());
    }

    /**
     * Replaces the rules in force with {@code rules} (one rule a line: {@code <back-end> <priority> <condition>};
     * blank lines and {@code #} comments skipped; an empty text removes every rule).
     */
    @WriteOperation
    public WebEndpointResponse<Map<String, Object>> replace(String rules, SecurityContext caller) {
        String principal = caller.getPrincipal() == null ? "?" : caller.getPrincipal().getName();
        String who = LogSafe.of(principal);
        try {
            List<RoutingRule> now = shared.replace(rules, principal);
            LOG.info("back-end routing rules replaced by {}: {} rule(s) in force", who, now.size());
            return new WebEndpointResponse<>(inForce(now), WebEndpointResponse.STATUS_OK);
        } catch (RuleSyntaxException e) {
            LOG.warn("back-end routing rules from {} refused, the rules in force are kept: {}", who,
                    LogSafe.of(e.getMessage()));
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("title", ErrorCode.ROUTING_RULES_INVALID.title());
            problem.put("status", WebEndpointResponse.STATUS_BAD_REQUEST);
            problem.put("code", ErrorCode.ROUTING_RULES_INVALID.code());
            problem.put("detail", "The rules were not applied and the rules in force are unchanged: "
                    + e.getMessage());
            problem.put("line", e.line());
            problem.put("column", e.column());
            return new WebEndpointResponse<>(problem, WebEndpointResponse.STATUS_BAD_REQUEST);
        }
    }

    private Map<String, Object> inForce(List<RoutingRule> now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", now.size());
        body.put("rules", rules.text());
        return body;
    }
}
