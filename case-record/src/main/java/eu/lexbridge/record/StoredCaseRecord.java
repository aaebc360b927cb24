package eu.lexbridge.record;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.port.CaseRecord;
import eu.lexbridge.core.port.PayloadStore;
import eu.lexbridge.core.port.SecurityEvents;
import eu.lexbridge.core.port.TransmissionRecords;
import eu.lexbridge.core.record.CaseTimeline;
import eu.lexbridge.core.record.TransmissionRecord;
import eu.lexbridge.core.record.TransmissionRecordRequest;
import eu.lexbridge.record.timeline.ConversationTimeline;
import eu.lexbridge.record.transmission.TransmissionRecording;
import java.io.InputStream;
import java.time.Clock;
import java.util.UUID;

/** The case record on the connector's own stores. */
public final class StoredCaseRecord implements CaseRecord {

    private final Conversations conversations;
    private final TransmissionRecording recording;
    private final TransmissionRecords records;
    private final ConversationTimeline timelines;
    private final PayloadStore payloads;
    private final SecurityEvents security;
    private final Clock clock;

    public StoredCaseRecord(Conversations conversations, TransmissionRecording recording,
                            TransmissionRecords records, ConversationTimeline timelines, PayloadStore payloads,
                            SecurityEvents security, Clock clock) {
        this.conversations = conversations;
        this.recording = recording;
        this.records = records;
        this.timelines = timelines;
        this.payloads = payloads;
        this.security = security;
        this.clock = clock;
    }

    @Override
    public TransmissionRecord record(String backendName, TransmissionRecordRequest request) {
        return recording.record(backendName, request);
    }

    @Override
    public TransmissionRecord find(String backendName, UUID recordId) {
        return records.find(recordId).filter(record -> record.backendName().equals(backendName))
                .orElseThrow(() -> new ConnectorException(ErrorCode.UNKNOWN_RECORD,
                        "there is no such transmission record for this back-end"));
    }

    @Override
    public InputStream document(String backendName, UUID recordId) {
        return payloads.open(find(backendName, recordId).document());
    }

    @Override
    public CaseTimeline timeline(String backendName, String conversationId) {
        return timelines.of(conversationId, conversations.of(backendName, conversationId), backendName,
                clock.instant());
    }

    @Override
    public void refuseChange(String backendName, String recordId, String attempt) {
        security.record(SecurityEvents.Kind.RECORD_CHANGE_REFUSED, "back-end " + backendName + " tried "
                + attempt + " on transmission record " + recordId);
        throw new ConnectorException(ErrorCode.RECORD_IMMUTABLE, "a transmission record is kept as it was recorded; "
                + "record a correction that names it in corrects");
    }
}
