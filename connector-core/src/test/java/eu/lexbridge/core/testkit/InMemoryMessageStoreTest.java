package eu.lexbridge.core.testkit;

import eu.lexbridge.core.port.MessageStore;

class InMemoryMessageStoreTest extends MessageStoreContract {

    @Override
    protected MessageStore store() {
        return new InMemoryMessageStore();
    }
}
