package eu.lexbridge.directory.routing;

import eu.lexbridge.core.message.ConnectorMessage;
import java.util.Objects;

/**
 * One routing rule: an inbound message that matches {@code condition} goes to {@code backend}. Among the rules that
 * match, the highest priority wins, as in the official connector.
 */
public record RoutingRule(String backend, int priority, Condition condition) {

    /** The back-end column of the message store holds 100 characters. */
    public static final int MAX_BACKEND_LENGTH = 100;

    public RoutingRule {
        Objects.requireNonNull(condition, "condition");
        String problem = backendProblem(backend);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * A rule whose condition is still text.
     *
     * @throws RuleSyntaxException when the condition does not parse
     */
    public static RoutingRule of(String backend, int priority, String condition) {
        return new RoutingRule(backend, priority, ConditionParser.parse(condition));
    }

    public boolean matches(ConnectorMessage message) {
        return condition.matches(message);
    }

    /** Why {@code backend} cannot name a back-end, or {@code null} when it can. */
    public static String backendProblem(String backend) {
        if (backend == null || backend.isBlank()) {
            return "the back-end name is missing";
        }
        if (backend.length() > MAX_BACKEND_LENGTH) {
            return "the back-end name is longer than " + MAX_BACKEND_LENGTH + " characters";
        }
        if (backend.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)
                || c == '\u2028' || c == '\u2029')) {
            return "the back-end name may not contain spaces or control characters";
        }
        return null;
    }
}
