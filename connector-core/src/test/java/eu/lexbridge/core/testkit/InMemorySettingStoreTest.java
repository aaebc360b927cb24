package eu.lexbridge.core.testkit;

import eu.lexbridge.core.port.SettingStore;

class InMemorySettingStoreTest extends SettingStoreContract {

    private final InMemorySettingStore store = new InMemorySettingStore();

    @Override
    protected SettingStore store() {
        return store;
    }
}
