package eu.lexbridge.record.transmission;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.PayloadStore;
import eu.lexbridge.core.port.Sealer;
import eu.lexbridge.core.port.TransmissionRecords;
import eu.lexbridge.core.record.ContentHash;
import eu.lexbridge.core.record.TransmissionReason;
import eu.lexbridge.core.record.TransmissionRecord;
import eu.lexbridge.core.record.TransmissionRecordRequest;
import eu.lexbridge.record.Conversations;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a transmission made outside the system (Reg (EU) 2023/1543 Art 19(6)): checks every field, naming the first
 * bad one; seals the record as a document of its own; keeps it. Nothing is kept from a refused record, and a record
 * once kept is never changed.
 */
public final class TransmissionRecording {

    private static final Logger LOG = LoggerFactory.getLogger(TransmissionRecording.class);
    /** A clock a little ahead at the back-end is not a record of the future. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(2);
    /** A petabyte: no file carried by hand is larger, and a larger figure is a typing error. */
    static final long MAX_FILE_SIZE = 1L << 50;
    private static final long MAX_DOCUMENT = 1 << 20;
    private static final String DOCUMENT_NAME = "transmission-record.xml";

    private final Conversations conversations;
    private final TransmissionRecords records;
    private final PayloadStore payloads;
    private final Sealer sealer;
    private final Clock clock;

    public TransmissionRecording(Conversations conversations, TransmissionRecords records, PayloadStore payloads,
                                 Sealer sealer, Clock clock) {
        this.conversations = conversations;
        this.records = records;
        this.payloads = payloads;
        this.sealer = sealer;
        this.clock = clock;
    }

    public TransmissionRecord record(String backendName, TransmissionRecordRequest request) {
        TransmissionRecord record = checked(backendName, request);
        if (record.backendRecordId() != null) {
            Optional<TransmissionRecord> earlier = records.findByBackendRecordId(backendName,
                    record.backendRecordId());
            if (earlier.isPresent()) {
                return same(earlier.get(), record);
            }
        }
        byte[] sealed = sealer.sealXml(TransmissionRecordDocument.write(record), "the transmission record");
        PayloadRef document = payloads.write(PayloadKind.TRANSMISSION_RECORD, DOCUMENT_NAME, "application/xml",
                new ByteArrayInputStream(sealed), MAX_DOCUMENT);
        TransmissionRecord kept = record.withDocument(document);
        // An insert that fails may have committed all the same (the connection broke before the answer): the document
        // then stays, an orphan at worst, never a record without its sealed document.
        boolean inserted = records.insert(kept);
        if (!inserted) {
            // the same back-end record id recorded at the same moment by a second request
            payloads.delete(document);
            return same(records.findByBackendRecordId(backendName, record.backendRecordId()).orElseThrow(), record);
        }
        LOG.info("recorded transmission {} outside the system in conversation {} ({})", kept.recordId(),
                LogSafe.of(kept.conversationId()), kept.reason().code());
        return kept;
    }

    private static TransmissionRecord same(TransmissionRecord earlier, TransmissionRecord again) {
        if (!earlier.sameTransmission(again)) {
            throw new ConnectorException(ErrorCode.DUPLICATE_BACKEND_RECORD_ID, "backendRecordId",
                    "backendRecordId was already used for another transmission, record " + earlier.recordId());
        }
        return earlier;
    }

    private TransmissionRecord checked(String backendName, TransmissionRecordRequest r) {
        String backendRecordId = RecordFields.optional("backendRecordId", r.backendRecordId(), 255);
        // no conversation: the record starts one (the case's first exchange could not go through the system)
        String given = RecordFields.optional("conversationId", r.conversationId(), 255);
        String conversationId = given == null ? UUID.randomUUID().toString() : given;
        Instant transmittedAt = required("transmittedAt", r.transmittedAt());
        String sender = RecordFields.required("sender", r.sender(), 255);
        String recipient = RecordFields.required("recipient", r.recipient(), 255);
        String fileName = RecordFields.required("fileName", r.fileName(), 255);
        long fileSize = required("fileSize", r.fileSize());
        TransmissionReason reason = reason(RecordFields.required("reason", r.reason(), 64));
        String channel = RecordFields.required("channel", r.channel(), 255);
        ContentHash hash = hash(r.hashAlgorithm(), r.hashValue());
        String instrument = RecordFields.required("instrument", r.instrument(), 64);
        String form = RecordFields.required("form", r.form(), 64);
        String operator = RecordFields.optional("operator", r.operator(), 255);
        String note = RecordFields.optional("note", r.note(), 2000);
        Instant now = clock.instant();
        if (transmittedAt.isAfter(now.plus(CLOCK_TOLERANCE))) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, "transmittedAt",
                    "transmittedAt is in the future; record a transmission once it is made");
        }
        if (fileSize < 0 || fileSize > MAX_FILE_SIZE) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, "fileSize",
                    "fileSize must be between 0 and " + MAX_FILE_SIZE + " bytes");
        }
        List<ConnectorMessage> messages = given == null ? List.of() : conversations.of(backendName, given);
        if (r.relatedMessageId() != null && messages.stream()
                .noneMatch(m -> m.connectorMessageId().equals(r.relatedMessageId()))) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, "relatedMessageId",
                    "relatedMessageId is not a message of this conversation");
        }
        if (r.corrects() != null && records.find(r.corrects()).filter(c -> c.backendName().equals(backendName)
                && c.conversationId().equals(conversationId)).isEmpty()) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, "corrects",
                    "corrects is not a record of this back-end in this conversation");
        }
        return new TransmissionRecord(UUID.randomUUID(), backendName, backendRecordId, conversationId,
                r.relatedMessageId(), transmittedAt.truncatedTo(ChronoUnit.MILLIS), sender, recipient, fileName,
                fileSize, reason, channel, hash, instrument, form, operator, r.corrects(), note,
                now.truncatedTo(ChronoUnit.MILLIS), null);
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw new ConnectorException(ErrorCode.MISSING_FIELD, field, field + " is missing");
        }
        return value;
    }

    private static TransmissionReason reason(String code) {
        return TransmissionReason.of(code).orElseThrow(() -> new ConnectorException(ErrorCode.INVALID_FIELD,
                "reason", "reason must be one of " + Arrays.stream(TransmissionReason.values())
                        .map(TransmissionReason::code).collect(Collectors.joining(", "))));
    }

    private static ContentHash hash(String algorithmName, String value) {
        String algorithm = ContentHash.algorithmNamed(RecordFields.required("contentHash.algorithm", algorithmName,
                16)).orElseThrow(() -> new ConnectorException(ErrorCode.INVALID_FIELD, "contentHash.algorithm",
                "contentHash.algorithm must be one of " + String.join(", ",
                        ContentHash.ALGORITHMS.keySet().stream().sorted().toList())
                        + " (SHA-1 and MD5 no longer prove that a file is unchanged)"));
        String hex = RecordFields.required("contentHash.value", value, 128).toLowerCase(Locale.ROOT);
        try {
            return new ContentHash(algorithm, hex);
        } catch (IllegalArgumentException e) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, "contentHash.value", "contentHash.value must be "
                    + ContentHash.ALGORITHMS.get(algorithm) + " hex digits, the " + algorithm + " of the file");
        }
    }
}
