package eu.lexbridge.backend.jms;

import java.util.List;
import org.springframework.context.SmartLifecycle;
import org.springframework.jms.listener.DefaultMessageListenerContainer;

/** The listener containers of the back-end queues, started after the context is up and stopped before it closes. */
final class JmsListeners implements SmartLifecycle {

    private final List<DefaultMessageListenerContainer> containers;
    private volatile boolean running;

    JmsListeners(List<DefaultMessageListenerContainer> containers) {
        this.containers = List.copyOf(containers);
    }

    @Override
    public void start() {
        containers.forEach(DefaultMessageListenerContainer::start);
        running = true;
    }

    @Override
    public void stop() {
        containers.forEach(DefaultMessageListenerContainer::stop);
        containers.forEach(DefaultMessageListenerContainer::destroy);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
