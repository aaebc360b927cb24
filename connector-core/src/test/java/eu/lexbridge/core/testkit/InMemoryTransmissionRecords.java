package eu.lexbridge.core.testkit;

import eu.lexbridge.core.port.TransmissionRecords;
import eu.lexbridge.core.record.TransmissionRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Transmission records in memory, for tests and the in-memory connector. Thread-safe. */
public final class InMemoryTransmissionRecords implements TransmissionRecords {

    private final List<TransmissionRecord> records = new ArrayList<>();

    @Override
    public synchronized boolean insert(TransmissionRecord record) {
        Objects.requireNonNull(record.document(), "a record is kept sealed");
        boolean exists = records.stream().anyMatch(r -> r.recordId().equals(record.recordId())
                || record.backendRecordId() != null && r.backendName().equals(record.backendName())
                && record.backendRecordId().equals(r.backendRecordId()));
        if (exists) {
            return false;
        }
        records.add(record);
        return true;
    }

    @Override
    public synchronized Optional<TransmissionRecord> find(UUID recordId) {
        return records.stream().filter(r -> r.recordId().equals(recordId)).findFirst();
    }

    @Override
    public synchronized Optional<TransmissionRecord> findByBackendRecordId(String backendName,
                                                                          String backendRecordId) {
        return records.stream().filter(r -> r.backendName().equals(backendName)
                && backendRecordId.equals(r.backendRecordId())).findFirst();
    }

    @Override
    public synchronized List<TransmissionRecord> inConversation(String conversationId) {
        return records.stream().filter(r -> r.conversationId().equals(conversationId))
                .sorted(Comparator.comparing(TransmissionRecord::recordedAt)).toList();
    }
}
