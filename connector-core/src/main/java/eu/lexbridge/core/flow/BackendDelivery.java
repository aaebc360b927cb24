package eu.lexbridge.core.flow;

import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.port.BackendRouter;
import eu.lexbridge.core.port.MessageStore;
import java.time.Clock;
import java.util.UUID;

/** Routes an accepted inbound message to its back-end and makes it available there. */
public final class BackendDelivery {

    private final MessageStore store;
    private final BackendRouter router;
    private final Clock clock;

    public BackendDelivery(MessageStore store, BackendRouter router, Clock clock) {
        this.store = store;
        this.router = router;
        this.clock = clock;
    }

    public void deliver(UUID connectorMessageId) {
        ConnectorMessage message = store.find(connectorMessageId).orElse(null);
        if (message == null || message.state() != MessageState.RECEIVED) {
            return;
        }
        String backend = router.backendFor(message);
        store.assignBackend(connectorMessageId, backend);
        store.advance(connectorMessageId, MessageState.AVAILABLE_TO_BACKEND, "available to back-end " + backend,
                clock.instant());
    }
}
