package eu.lexbridge.core.record;

import eu.lexbridge.core.message.PayloadRef;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A transmission made outside the system, as its originator recorded it (Regulation (EU) 2023/1543 Art 19(6): date and
 * time, sender, recipient, file name and size), with what a court needs beside: why (Art 19(5)), by which channel, the
 * content's digest, the instrument and form, the conversation. Never changed: a correction is a new record that points
 * to the one it corrects.
 *
 * @param recordId our id
 * @param backendName the back-end that recorded it
 * @param backendRecordId the back-end's own id for it, unique per back-end, or {@code null}
 * @param conversationId the conversation (case) it belongs to
 * @param relatedMessageId a message of the conversation it relates to (e.g. the order the data answer), or {@code null}
 * @param transmittedAt when it was transmitted
 * @param operator who recorded it at the back-end (a name or a role), or {@code null}
 * @param corrects the record this one corrects, or {@code null}
 * @param note a remark, or {@code null}
 * @param recordedAt when the connector recorded it
 * @param document the sealed record document (XML) in the payload store; {@code null} only before it is sealed
 */
public record TransmissionRecord(UUID recordId, String backendName, String backendRecordId, String conversationId,
                                 UUID relatedMessageId, Instant transmittedAt, String sender, String recipient,
                                 String fileName, long fileSize, TransmissionReason reason, String channel,
                                 ContentHash contentHash, String instrument, String form, String operator,
                                 UUID corrects, String note, Instant recordedAt, PayloadRef document) {
    public TransmissionRecord {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(backendName, "backendName");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(transmittedAt, "transmittedAt");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (fileSize < 0) {
            throw new IllegalArgumentException("fileSize must not be negative");
        }
    }

    public TransmissionRecord withDocument(PayloadRef sealed) {
        return new TransmissionRecord(recordId, backendName, backendRecordId, conversationId, relatedMessageId,
                transmittedAt, sender, recipient, fileName, fileSize, reason, channel, contentHash, instrument, form,
                operator, corrects, note, recordedAt, Objects.requireNonNull(sealed, "sealed"));
    }

    /** Whether {@code other} records the same transmission: every field a back-end gives is equal. */
    public boolean sameTransmission(TransmissionRecord other) {
        return conversationId.equals(other.conversationId) && Objects.equals(relatedMessageId, other.relatedMessageId)
                && transmittedAt.equals(other.transmittedAt) && sender.equals(other.sender)
                && recipient.equals(other.recipient) && fileName.equals(other.fileName) && fileSize == other.fileSize
                && reason == other.reason && channel.equals(other.channel) && contentHash.equals(other.contentHash)
                && instrument.equals(other.instrument) && form.equals(other.form)
                && Objects.equals(operator, other.operator) && Objects.equals(corrects, other.corrects)
                && Objects.equals(note, other.note);
    }
}
