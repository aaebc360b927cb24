package eu.lexbridge.core.testkit;

import eu.lexbridge.core.port.DeadlineAlerts;

class InMemoryDeadlineAlertsTest extends DeadlineAlertsContract {

    @Override
    protected DeadlineAlerts alerts() {
        return new InMemoryDeadlineAlerts();
    }
}
