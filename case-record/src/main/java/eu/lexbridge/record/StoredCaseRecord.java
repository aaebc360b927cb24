package eu.lexbridge.record;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.port.CaseRecord;
import eu.lexbridge.core.port.PayloadStore;
import eu.lexbridge.core.port.SecurityEvents;
import eu.lexbridge.core.port.TransmissionRecords;
import eu.lexbridge.core.record.CaseTimeline;
import eu.lexbridge.core.record.TransmissionRecord;
import eu.lexbridge.core.record.TransmissionRecordRequest;
import eu.lexbridge.record.export.CaseExport;
import eu.lexbridge.record.timeline.ConversationTimeline;
import eu.lexbridge.record.transmission.TransmissionRecording;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** The case record on the connector's own stores. */
public final class StoredCaseRecord implements CaseRecord {

    private final Conversations conversations;
    private final TransmissionRecording recording;
    private final TransmissionRecords records;
    private final ConversationTimeline timelines;
    private final PayloadStore payloads;
    private final CaseExport export;
    private final SecurityEvents security;
    private final Clock clock;

    public StoredCaseRecord(Conversations conversations, TransmissionRecording recording,
                            TransmissionRecords records, ConversationTimeline timelines, PayloadStore payloads,
                            CaseExport export, SecurityEvents security, Clock clock) {
        this.conversations = conversations;
        this.recording = recording;
        this.records = records;
        this.timelines = timelines;
        this.payloads = payloads;
        this.export = export;
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
    public CaseFile export(String backendName, String conversationId) {
        List<ConnectorMessage> own = conversations.of(backendName, conversationId);
        CaseTimeline timeline = timelines.of(conversationId, own, backendName, clock.instant());
        // the conversation id is the back-end's or a partner's: only safe characters reach a file name
        String name = "case-" + conversationId.replaceAll("[^A-Za-z0-9._-]", "_") + ".asice";
        return new CaseFile() {
            @Override
            public String fileName() {
                return name.length() > 120 ? name.substring(0, 114) + ".asice" : name;
            }

            @Override
            public String mimeType() {
                return CaseExport.MIME_TYPE;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                export.write(timeline, own, out);
            }
        };
    }

    @Override
    public void refuseChange(String backendName, String recordId, String attempt) {
        security.record(SecurityEvents.Kind.RECORD_CHANGE_REFUSED, "back-end " + backendName + " tried "
                + attempt + " on transmission record " + recordId);
        throw new ConnectorException(ErrorCode.RECORD_IMMUTABLE, "a transmission record is kept as it was recorded; "
                + "record a correction that names it in corrects");
    }
}
