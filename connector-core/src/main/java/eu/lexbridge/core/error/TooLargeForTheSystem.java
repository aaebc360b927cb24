package eu.lexbridge.core.error;

import eu.lexbridge.core.record.TransmissionRecordRequest;
import java.util.Objects;

/**
 * A payload too large for the system: Regulation (EU) 2023/1543 Art 19(5) then allows another channel, and Art 19(6)
 * asks for that transmission to be recorded. The refusal carries the record as far as the refused submission fills it
 * (sender, recipient, file name, conversation, instrument and form, the cause {@code data-size}), so that a back-end
 * completes it with when, how and the digest, and records it in one call.
 */
public final class TooLargeForTheSystem extends ConnectorException {

    private final transient TransmissionRecordRequest record;

    public TooLargeForTheSystem(String field, String detail, TransmissionRecordRequest record, Throwable cause) {
        super(ErrorCode.PAYLOAD_TOO_LARGE, field, detail, cause);
        this.record = Objects.requireNonNull(record, "record");
    }

    /** The record of the transmission by another channel, as far as the refused submission says it. */
    public TransmissionRecordRequest record() {
        return record;
    }
}
