package eu.lexbridge.core.testkit;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.port.Hop;
import eu.lexbridge.core.port.MessageBus;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what would have been put on the queues; can play a broker that is down. */
public final class RecordingMessageBus implements MessageBus {

    /** One publication. */
    public record Published(Hop hop, UUID connectorMessageId, String conversationId) {
    }

    private final List<Published> published = new CopyOnWriteArrayList<>();
    private volatile boolean available = true;

    @Override
    public void publish(Hop hop, UUID connectorMessageId, String conversationId) {
        if (!available) {
            throw new ConnectorException(ErrorCode.QUEUE_UNAVAILABLE, "the broker is down (test)");
        }
        published.add(new Published(hop, connectorMessageId, conversationId));
    }

    /** While unavailable, {@link #publish} fails with QUEUE_UNAVAILABLE as the port promises, and records nothing. */
    public void setAvailable(boolean available) {
        this.available = available;
    }

    public List<Published> published() {
        return List.copyOf(published);
    }

    public List<Published> on(Hop hop) {
        return published.stream().filter(p -> p.hop() == hop).toList();
    }

    public void clear() {
        published.clear();
    }
}
