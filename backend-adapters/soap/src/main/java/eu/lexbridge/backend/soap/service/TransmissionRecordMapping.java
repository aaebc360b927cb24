package eu.lexbridge.backend.soap.service;

import eu.lexbridge.backend.soap.wire.caserecord.ContentHashType;
import eu.lexbridge.backend.soap.wire.caserecord.RecordTransmissionRequest;
import eu.lexbridge.backend.soap.wire.caserecord.SealedDocumentType;
import eu.lexbridge.backend.soap.wire.caserecord.TransmissionRecordType;
import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.record.TransmissionRecord;
import eu.lexbridge.core.record.TransmissionRecordRequest;
import java.util.Objects;
import java.util.UUID;

/**
 * A {@code recordTransmission} request as the core's {@link TransmissionRecordRequest}, and a kept record as the
 * wire's {@link TransmissionRecordType}. The core checks every value and names the first bad one; here only what the
 * core's types cannot hold is checked: ids that must be UUIDs, a time that must carry its offset.
 */
final class TransmissionRecordMapping {

    private TransmissionRecordMapping() {
    }

    /** Every field as given, a missing one {@code null}, for the core to name. */
    static TransmissionRecordRequest request(RecordTransmissionRequest r) {
        RecordTransmissionRequest given = r == null ? new RecordTransmissionRequest() : r;
        ContentHashType hash = given.getContentHash();
        return new TransmissionRecordRequest(given.getBackendRecordId(), given.getConversationId(),
                optionalUuid("relatedMessageId", given.getRelatedMessageId()),
                XmlTimes.instant(given.getTransmittedAt(), "transmittedAt"), given.getSender(), given.getRecipient(),
                given.getFileName(), given.getFileSize(), given.getReason(), given.getChannel(),
                hash == null ? null : hash.getAlgorithm(), hash == null ? null : hash.getValue(),
                given.getInstrument(), given.getForm(), given.getOperator(),
                optionalUuid("corrects", given.getCorrects()), given.getNote());
    }

    /**
     * The id in {@code value}, which must be given.
     *
     * @throws ConnectorException MISSING_FIELD or INVALID_FIELD naming {@code field}
     */
    static UUID requiredUuid(String field, String value) {
        UUID id = optionalUuid(field, value);
        if (id == null) {
            throw new ConnectorException(ErrorCode.MISSING_FIELD, field, field + " is missing");
        }
        return id;
    }

    /**
     * The id in {@code value}, or {@code null} when it is empty. Only the canonical form is an id:
     * {@link UUID#fromString} also takes odd ones ({@code 1-2-3-4-5}).
     */
    private static UUID optionalUuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String id = value.strip();
        try {
            UUID uuid = UUID.fromString(id);
            if (uuid.toString().equalsIgnoreCase(id)) {
                return uuid;
            }
        } catch (IllegalArgumentException e) {
            // not a UUID: refused below
        }
        throw new ConnectorException(ErrorCode.INVALID_FIELD, field, field + " must be a UUID");
    }

    /** The record as kept, with its sealed document's digest and size. */
    static TransmissionRecordType record(TransmissionRecord r) {
        TransmissionRecordType wire = new TransmissionRecordType();
        wire.setRecordId(r.recordId().toString());
        wire.setBackendRecordId(r.backendRecordId());
        wire.setConversationId(r.conversationId());
        wire.setRelatedMessageId(text(r.relatedMessageId()));
        wire.setTransmittedAt(XmlTimes.of(r.transmittedAt()));
        wire.setSender(r.sender());
        wire.setRecipient(r.recipient());
        wire.setFileName(r.fileName());
        wire.setFileSize(r.fileSize());
        wire.setReason(r.reason().code());
        wire.setReasonText(r.reason().description());
        wire.setChannel(r.channel());
        ContentHashType hash = new ContentHashType();
        hash.setAlgorithm(r.contentHash().algorithm());
        hash.setValue(r.contentHash().value());
        wire.setContentHash(hash);
        wire.setInstrument(r.instrument());
        wire.setForm(r.form());
        wire.setOperator(r.operator());
        wire.setCorrects(text(r.corrects()));
        wire.setNote(r.note());
        wire.setRecordedAt(XmlTimes.of(r.recordedAt()));
        SealedDocumentType document = new SealedDocumentType();
        document.setSha256(r.document().sha256());
        document.setSize(r.document().size());
        document.setMimeType(r.document().mimeType());
        wire.setDocument(document);
        return wire;
    }

    private static String text(UUID id) {
        return Objects.toString(id, null);
    }
}
