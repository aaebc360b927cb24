package eu.lexbridge.core.testkit;

import eu.lexbridge.core.port.TransmissionRecords;

class InMemoryTransmissionRecordsTest extends TransmissionRecordsContract {

    @Override
    protected TransmissionRecords store() {
        return new InMemoryTransmissionRecords();
    }
}
