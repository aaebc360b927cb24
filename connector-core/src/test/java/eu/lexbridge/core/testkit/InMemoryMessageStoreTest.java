package eu.lexbridge.core.testkit;

import eu.lexbridge.core.port.MessageEvents;
import eu.lexbridge.core.port.MessageStore;

class InMemoryMessageStoreTest extends MessageStoreContract {

    @Override
    protected MessageStore store() {
        return new InMemoryMessageStore();
    }

    @Override
    protected MessageEvents events(MessageStore store) {
        return (InMemoryMessageStore) store;
    }
}
