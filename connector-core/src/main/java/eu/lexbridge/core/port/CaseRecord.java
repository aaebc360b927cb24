package eu.lexbridge.core.port;

import eu.lexbridge.core.record.CaseTimeline;
import eu.lexbridge.core.record.TransmissionRecord;
import eu.lexbridge.core.record.TransmissionRecordRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;

/**
 * A back-end's view of its cases: transmissions it recorded outside the system, and each conversation's timeline. A
 * back-end sees the conversations it has a message or a record in; another's look as if they did not exist
 * ({@code UNKNOWN_CONVERSATION}).
 */
public interface CaseRecord {

    /**
     * Checks, seals and keeps a transmission made outside the system. Recording again with the same back-end record
     * id returns the first record, if it records the same transmission.
     *
     * @throws eu.lexbridge.core.error.ConnectorException MISSING_FIELD or INVALID_FIELD naming the field (a
     *     transmission in the future, a related message or corrected record not of the conversation among them),
     *     UNKNOWN_CONVERSATION, or DUPLICATE_BACKEND_RECORD_ID; nothing is kept then
     */
    TransmissionRecord record(String backendName, TransmissionRecordRequest request);

    /** @throws eu.lexbridge.core.error.ConnectorException UNKNOWN_RECORD, for another back-end's record too */
    TransmissionRecord find(String backendName, UUID recordId);

    /**
     * The sealed record document, as it was filed; the caller closes it.
     *
     * @throws eu.lexbridge.core.error.ConnectorException UNKNOWN_RECORD, for another back-end's record too
     */
    InputStream document(String backendName, UUID recordId);

    /** @throws eu.lexbridge.core.error.ConnectorException UNKNOWN_CONVERSATION */
    CaseTimeline timeline(String backendName, String conversationId);

    /**
     * The case as one sealed file a court can file (an ASiC-E container): the timeline with its time limits, each
     * message's metadata, every evidence and recorded transmission, one seal over all. The conversation is checked
     * now; the file is written when asked.
     *
     * @throws eu.lexbridge.core.error.ConnectorException UNKNOWN_CONVERSATION
     */
    CaseFile export(String backendName, String conversationId);

    /** A case file, checked and ready to be written. */
    interface CaseFile {
        /** A file name for it, made of safe characters only. */
        String fileName();

        String mimeType();

        /** Writes it as a stream; the caller closes {@code out}. */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Refuses an attempt to change or delete a record, and reports it as a security event.
     *
     * @param attempt what was tried, e.g. {@code "DELETE"}
     * @throws eu.lexbridge.core.error.ConnectorException always: RECORD_IMMUTABLE
     */
    void refuseChange(String backendName, String recordId, String attempt);
}
