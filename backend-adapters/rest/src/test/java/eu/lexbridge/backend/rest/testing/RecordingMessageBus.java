package eu.lexbridge.backend.rest.testing;

import eu.lexbridge.core.port.Hop;
import eu.lexbridge.core.port.MessageBus;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what would have been put on the queues. */
public final class RecordingMessageBus implements MessageBus {

    /** One publication. */
    public record Published(Hop hop, UUID connectorMessageId, String conversationId) {
    }

    private final List<Published> published = new CopyOnWriteArrayList<>();

    @Override
    public void publish(Hop hop, UUID connectorMessageId, String conversationId) {
        published.add(new Published(hop, connectorMessageId, conversationId));
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
