package eu.lexbridge.directory;

import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.port.BackendRouter;

/** Every inbound message goes to one back-end; routing rules per service come with the directory. */
public record DefaultBackendRouter(String backendName) implements BackendRouter {

    @Override
    public String backendFor(ConnectorMessage inbound) {
        return backendName;
    }
}
