package eu.lexbridge.directory.routing;

import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.port.BackendRouter;
import java.util.List;
import java.util.Objects;

/**
 * Routes by the rules in force, else to the default back-end; an archive back-end, when one is named, gets a copy of
 * every inbound message. (What an earlier message already decides, its evidence or its conversation, the delivery flow
 * settles before it asks here.)
 */
public final class RuleBackendRouter implements BackendRouter {

    private final BackendRules rules;
    private final String defaultBackend;
    private final List<String> copies;

    /**
     * @param archiveBackend the back-end that receives a copy of every inbound message, or {@code null} for none
     */
    public RuleBackendRouter(BackendRules rules, String defaultBackend, String archiveBackend) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.defaultBackend = Objects.requireNonNull(defaultBackend, "defaultBackend");
        this.copies = archiveBackend == null || archiveBackend.isBlank() ? List.of() : List.of(archiveBackend);
    }

    @Override
    public String backendFor(ConnectorMessage inbound) {
        return rules.firstMatch(inbound).map(RoutingRule::backend).orElse(defaultBackend);
    }

    @Override
    public List<String> copiesFor(ConnectorMessage inbound) {
        return copies;
    }

    public BackendRules rules() {
        return rules;
    }
}
