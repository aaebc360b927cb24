package eu.lexbridge.record.transmission;

import eu.lexbridge.core.record.TransmissionRecord;
import eu.lexbridge.record.XmlWriter;

/**
 * The record as a document of its own, which the connector seals and files: every field, the cause in words, who
 * recorded it and when. The seal makes it evidence in the same way as an ETSI-REM evidence; the layout is ours
 * (namespace {@value #NAMESPACE}), as no e-CODEX document records a transmission outside the system.
 */
public final class TransmissionRecordDocument {

    public static final String NAMESPACE = "urn:lexbridge:case-record:transmission:1";

    private TransmissionRecordDocument() {
    }

    /** The unsealed document, UTF-8, indented. */
    public static byte[] write(TransmissionRecord record) {
        return new XmlWriter("TransmissionRecord", NAMESPACE)
                .element("RecordId", record.recordId())
                .element("Conversation", record.conversationId())
                .element("RelatedMessage", record.relatedMessageId())
                .element("TransmittedAt", record.transmittedAt())
                .element("Sender", record.sender())
                .element("Recipient", record.recipient())
                .element("FileName", record.fileName())
                .element("FileSize", record.fileSize())
                .element("Reason", record.reason().description(), "code", record.reason().code())
                .element("Channel", record.channel())
                .element("ContentDigest", record.contentHash().value(), "algorithm",
                        record.contentHash().algorithm())
                .element("Instrument", record.instrument())
                .element("Form", record.form())
                .element("Corrects", record.corrects())
                .element("Note", record.note())
                .element("RecordedBy", record.backendName())
                .element("Operator", record.operator())
                .element("BackendRecordId", record.backendRecordId())
                .element("RecordedAt", record.recordedAt())
                .toBytes();
    }
}
