package eu.lexbridge.core.testkit;

import eu.lexbridge.core.port.HealthHistory;

class InMemoryHealthHistoryTest extends HealthHistoryContract {

    @Override
    protected HealthHistory history() {
        return new InMemoryHealthHistory();
    }
}
