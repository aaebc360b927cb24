package eu.lexbridge.core.testkit;

import eu.lexbridge.core.port.BackendRuleStore;

class InMemoryBackendRuleStoreTest extends BackendRuleStoreContract {

    private final InMemoryBackendRuleStore store = new InMemoryBackendRuleStore();

    @Override
    protected BackendRuleStore store() {
        return store;
    }
}
