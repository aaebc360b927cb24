package eu.lexbridge.persistence;

import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.TransmissionRecords;
import eu.lexbridge.core.record.ContentHash;
import eu.lexbridge.core.record.TransmissionReason;
import eu.lexbridge.core.record.TransmissionRecord;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** Transmission records in {@code lb_transmission_record}: inserted, never updated or deleted. */
public final class JdbcTransmissionRecords implements TransmissionRecords {

    private static final String COLUMNS = "id, backend_name, backend_record_id, conversation_id, related_message_id, "
            + "transmitted_at, sender, recipient, file_name, file_size, reason, channel, hash_algorithm, hash_value, "
            + "instrument, form, operator, corrects, note, recorded_at, payload_id, mime_type, size_bytes, sha256";

    private final JdbcTemplate jdbc;

    public JdbcTransmissionRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insert(TransmissionRecord r) {
        PayloadRef document = Objects.requireNonNull(r.document(), "a record is kept sealed");
        try {
            jdbc.update("insert into lb_transmission_record (" + COLUMNS + ") values "
                            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    r.recordId(), r.backendName(), r.backendRecordId(), r.conversationId(), r.relatedMessageId(),
                    r.transmittedAt().atOffset(ZoneOffset.UTC), r.sender(), r.recipient(), r.fileName(),
                    r.fileSize(), r.reason().name(), r.channel(), r.contentHash().algorithm(),
                    r.contentHash().value(), r.instrument(), r.form(), r.operator(), r.corrects(), r.note(),
                    r.recordedAt().atOffset(ZoneOffset.UTC), document.payloadId(), document.mimeType(),
                    document.size(), document.sha256());
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Optional<TransmissionRecord> find(UUID recordId) {
        return jdbc.query("select " + COLUMNS + " from lb_transmission_record where id = ?", RECORD, recordId)
                .stream().findFirst();
    }

    @Override
    public Optional<TransmissionRecord> findByBackendRecordId(String backendName, String backendRecordId) {
        return jdbc.query("select " + COLUMNS + " from lb_transmission_record where backend_name = ? "
                + "and backend_record_id = ?", RECORD, backendName, backendRecordId).stream().findFirst();
    }

    @Override
    public List<TransmissionRecord> inConversation(String conversationId) {
        return jdbc.query("select " + COLUMNS + " from lb_transmission_record where conversation_id = ? "
                + "order by recorded_at, id", RECORD, conversationId);
    }

    private static final RowMapper<TransmissionRecord> RECORD = (rs, i) -> new TransmissionRecord(
            rs.getObject("id", UUID.class), rs.getString("backend_name"), rs.getString("backend_record_id"),
            rs.getString("conversation_id"), rs.getObject("related_message_id", UUID.class),
            rs.getObject("transmitted_at", OffsetDateTime.class).toInstant(), rs.getString("sender"),
            rs.getString("recipient"), rs.getString("file_name"), rs.getLong("file_size"),
            TransmissionReason.valueOf(rs.getString("reason")), rs.getString("channel"),
            new ContentHash(rs.getString("hash_algorithm"), rs.getString("hash_value")), rs.getString("instrument"),
            rs.getString("form"), rs.getString("operator"), rs.getObject("corrects", UUID.class),
            rs.getString("note"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
            new PayloadRef(rs.getString("payload_id"), PayloadKind.TRANSMISSION_RECORD, "transmission-record.xml",
                    rs.getString("mime_type"), rs.getLong("size_bytes"), rs.getString("sha256")));
}
