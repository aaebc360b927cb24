package eu.lexbridge.core.port;

import eu.lexbridge.core.record.TransmissionRecord;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where recorded transmissions are kept. There is no update and no delete: a record, once in, stays as it is
 * (a correction is a record of its own).
 */
public interface TransmissionRecords {

    /**
     * @param record a sealed record ({@link TransmissionRecord#document()} set)
     * @return false if a record with its id, or with its back-end record id for its back-end, exists; nothing is
     *     written then
     */
    boolean insert(TransmissionRecord record);

    Optional<TransmissionRecord> find(UUID recordId);

    Optional<TransmissionRecord> findByBackendRecordId(String backendName, String backendRecordId);

    /** The records of a conversation, by the time they were recorded. */
    List<TransmissionRecord> inConversation(String conversationId);
}
