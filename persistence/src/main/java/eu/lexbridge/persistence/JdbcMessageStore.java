package eu.lexbridge.persistence;

import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.message.BusinessService;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.MessageKind;
import eu.lexbridge.core.message.MessageQuery;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.MessageStateMachine;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.message.TimelineEntry;
import eu.lexbridge.core.port.MessageStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link MessageStore} on JDBC; the same SQL runs on H2 and PostgreSQL. Each change of state and each evidence also
 * writes its outbox row ({@code lb_event}) in the same transaction; {@link JdbcMessageEvents} reads them.
 */
public final class JdbcMessageStore implements MessageStore {

    private static final String MESSAGE_COLUMNS = "id, kind, direction, backend_name, backend_message_id, "
            + "ebms_message_id, conversation_id, ref_to_message_id, service, service_type, action, from_party_id, "
            + "from_party_type, from_role, to_party_id, to_party_type, to_role, original_sender, final_recipient, "
            + "state, created_at, state_changed_at";
    private static final String EVIDENCE_COLUMNS = "id, subject_id, type, origin, payload_id, mime_type, size_bytes, "
            + "sha256, carrier_id, issued_at, reason";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public JdbcMessageStore(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public boolean insert(ConnectorMessage message, String cause) {
        try {
            tx.executeWithoutResult(s -> {
                insertMessage(message);
                timeline(TimelineEntry.state(message.connectorMessageId(), message.createdAt(), message.state(),
                        cause));
            });
            return true;
        } catch (DuplicateKeyException e) {
            return false; // the unique constraints are the duplicate check; the transaction rolled back whole
        }
    }

    @Override
    public void addPayloads(UUID connectorMessageId, List<PayloadRef> payloads) {
        tx.executeWithoutResult(s -> {
            Integer next = jdbc.queryForObject("select coalesce(max(position) + 1, 0) from lb_payload "
                    + "where message_id = ?", Integer.class, connectorMessageId);
            insertPayloads(connectorMessageId, next == null ? 0 : next, payloads);
        });
    }

    private void insertPayloads(UUID messageId, int firstPosition, List<PayloadRef> payloads) {
        int position = firstPosition;
        for (PayloadRef p : payloads) {
            jdbc.update("insert into lb_payload (payload_id, message_id, position, kind, name, mime_type, size_bytes, "
                            + "sha256) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    p.payloadId(), messageId, position++, p.kind().name(), p.name(), p.mimeType(), p.size(),
                    p.sha256());
        }
    }

    private void insertMessage(ConnectorMessage m) {
        jdbc.update("insert into lb_message (" + MESSAGE_COLUMNS + ") values "
                        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                m.connectorMessageId(), m.kind().name(), m.direction().name(), m.backendName(),
                m.backendMessageId(), m.ebmsMessageId(), m.conversationId(), m.refToMessageId(),
                m.service().value(), m.service().type(), m.action(), m.from().partyId(), m.from().partyIdType(),
                m.from().role(), m.to().partyId(), m.to().partyIdType(), m.to().role(), m.originalSender(),
                m.finalRecipient(), m.state().name(), utc(m.createdAt()), utc(m.createdAt()));
        insertPayloads(m.connectorMessageId(), 0, m.payloads());
    }

    @Override
    public Optional<ConnectorMessage> find(UUID connectorMessageId) {
        return one("select " + MESSAGE_COLUMNS + " from lb_message where id = ?", connectorMessageId);
    }

    @Override
    public Optional<ConnectorMessage> findByEbmsId(String ebmsMessageId, Direction direction) {
        return one("select " + MESSAGE_COLUMNS + " from lb_message where ebms_message_id = ? and direction = ?",
                ebmsMessageId, direction.name());
    }

    @Override
    public Optional<ConnectorMessage> findByBackendMessageId(String backendName, String backendMessageId) {
        return one("select " + MESSAGE_COLUMNS + " from lb_message where backend_name = ? and backend_message_id = ?",
                backendName, backendMessageId);
    }

    @Override
    public boolean advance(UUID connectorMessageId, MessageState to, String cause, Instant at) {
        Boolean changed = tx.execute(s -> {
            if (!moveTo(connectorMessageId, to, cause, at)) {
                return false;
            }
            event(connectorMessageId, to, null, null, at);
            return true;
        });
        return Boolean.TRUE.equals(changed);
    }

    /** Compare-and-set on the state column, so two deliveries racing for one message cannot both move it. */
    private boolean moveTo(UUID id, MessageState to, String cause, Instant at) {
        for (int attempt = 0; attempt < 5; attempt++) {
            List<String> current = jdbc.queryForList("select state from lb_message where id = ?", String.class, id);
            if (current.isEmpty()) {
                return false;
            }
            MessageState from = MessageState.valueOf(current.get(0));
            if (!MessageStateMachine.isLegal(from, to)) {
                return false;
            }
            int rows = jdbc.update("update lb_message set state = ?, state_changed_at = ? where id = ? and state = ?",
                    to.name(), utc(at), id, from.name());
            if (rows == 1) {
                timeline(TimelineEntry.state(id, at, to, cause));
                return true;
            }
        }
        return false;
    }

    @Override
    public void assignBackend(UUID connectorMessageId, String backendName) {
        jdbc.update("update lb_message set backend_name = ? where id = ?", backendName, connectorMessageId);
    }

    @Override
    public boolean recordEvidence(Evidence evidence, ConnectorMessage carrier, MessageState subjectState,
                                  String cause) {
        try {
            tx.executeWithoutResult(s -> {
                if (carrier != null) {
                    insertMessage(carrier);
                    timeline(TimelineEntry.state(carrier.connectorMessageId(), carrier.createdAt(), carrier.state(),
                            evidence.type() + " about message " + evidence.subjectMessageId()));
                }
                PayloadRef doc = evidence.document();
                jdbc.update("insert into lb_evidence (" + EVIDENCE_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        evidence.evidenceId(), evidence.subjectMessageId(), evidence.type().name(),
                        evidence.origin().name(), doc.payloadId(), doc.mimeType(), doc.size(), doc.sha256(),
                        evidence.carrierMessageId(), utc(evidence.at()), evidence.reason());
                timeline(TimelineEntry.evidence(evidence.subjectMessageId(), evidence.at(), evidence.type(),
                        evidence.origin(), cause));
                boolean moved = subjectState != null
                        && moveTo(evidence.subjectMessageId(), subjectState, cause, evidence.at());
                if (subjectState != null && !moved) {
                    timeline(TimelineEntry.evidence(evidence.subjectMessageId(), evidence.at(), evidence.type(),
                            evidence.origin(), "state unchanged: " + subjectState + " cannot follow the current state"));
                }
                // one event for the evidence and the state it moved: they are one change of the subject
                event(evidence.subjectMessageId(), moved ? subjectState : null, evidence.type(), evidence.origin(),
                        evidence.at());
            });
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public void note(TimelineEntry entry) {
        timeline(entry);
    }

    @Override
    public Optional<Evidence> findEvidence(UUID subjectMessageId, EvidenceType type, EvidenceOrigin origin) {
        return jdbc.query("select " + EVIDENCE_COLUMNS + " from lb_evidence where subject_id = ? and type = ? "
                        + "and origin = ?", EVIDENCE, subjectMessageId, type.name(), origin.name())
                .stream().findFirst();
    }

    @Override
    public Optional<Evidence> findEvidence(UUID evidenceId) {
        return jdbc.query("select " + EVIDENCE_COLUMNS + " from lb_evidence where id = ?", EVIDENCE, evidenceId)
                .stream().findFirst();
    }

    @Override
    public List<Evidence> evidences(UUID subjectMessageId) {
        return jdbc.query("select " + EVIDENCE_COLUMNS + " from lb_evidence where subject_id = ? "
                + "order by issued_at, id", EVIDENCE, subjectMessageId);
    }

    @Override
    public List<TimelineEntry> timeline(UUID connectorMessageId) {
        return jdbc.query("select message_id, at, state, evidence_type, evidence_origin, detail from lb_timeline "
                + "where message_id = ? order by id", (rs, i) -> new TimelineEntry(
                rs.getObject("message_id", UUID.class),
                rs.getObject("at", OffsetDateTime.class).toInstant(),
                enumOrNull(MessageState.class, rs.getString("state")),
                enumOrNull(EvidenceType.class, rs.getString("evidence_type")),
                enumOrNull(EvidenceOrigin.class, rs.getString("evidence_origin")),
                rs.getString("detail")), connectorMessageId);
    }

    @Override
    public List<ConnectorMessage> inState(String backendName, Direction direction, MessageState state, int limit) {
        return jdbc.query("select " + MESSAGE_COLUMNS + " from lb_message where backend_name = ? and direction = ? "
                        + "and state = ? and kind = ? order by state_changed_at, id fetch first " + limit + " rows only",
                        this::message, backendName, direction.name(), state.name(), MessageKind.BUSINESS.name())
                .stream().map(this::withPayloads).toList();
    }

    @Override
    public void recordFetch(UUID connectorMessageId, Instant at) {
        jdbc.update("update lb_message set fetched_at = ? where id = ?", utc(at), connectorMessageId);
    }

    @Override
    public List<ConnectorMessage> unfetched(String backendName, Direction direction, MessageState state,
                                            Instant fetchedBefore, int limit) {
        return jdbc.query("select " + MESSAGE_COLUMNS + " from lb_message where backend_name = ? and direction = ? "
                                + "and state = ? and kind = ? and (fetched_at is null or fetched_at < ?) "
                                + "order by state_changed_at, id fetch first " + limit + " rows only",
                        this::message, backendName, direction.name(), state.name(), MessageKind.BUSINESS.name(),
                        utc(fetchedBefore))
                .stream().map(this::withPayloads).toList();
    }

    @Override
    public Optional<String> conversationOwner(String conversationId, String partyId, UUID except) {
        // served by ix_message_conversation (conversation_id, created_at): a conversation has few messages
        return jdbc.queryForList("select backend_name from lb_message where conversation_id = ? and kind = ? "
                        + "and backend_name is not null and id <> ? and ((direction = ? and to_party_id = ?) "
                        + "or (direction = ? and from_party_id = ?)) order by created_at, id fetch first 1 rows only",
                String.class, conversationId, MessageKind.BUSINESS.name(), except, Direction.OUTBOUND.name(), partyId,
                Direction.INBOUND.name(), partyId).stream().findFirst();
    }

    @Override
    public List<ConnectorMessage> conversation(String conversationId, int limit) {
        return jdbc.query("select " + MESSAGE_COLUMNS + " from lb_message where conversation_id = ? and kind = ? "
                        + "order by created_at, id fetch first " + limit + " rows only",
                this::message, conversationId, MessageKind.BUSINESS.name()).stream().map(this::withPayloads).toList();
    }

    @Override
    public List<String> activeConversations(Instant since, Instant until, int limit) {
        return jdbc.queryForList("select conversation_id from lb_message where kind = ? and created_at >= ? "
                + "and created_at < ? group by conversation_id order by max(created_at) desc, conversation_id "
                + "fetch first " + limit + " rows only", String.class, MessageKind.BUSINESS.name(), utc(since),
                utc(until));
    }

    @Override
    public List<ConnectorMessage> search(MessageQuery query, int limit) {
        List<String> where = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        criterion(where, values, "backend_name = ?", query.backendName());
        criterion(where, values, "backend_message_id = ?", query.backendMessageId());
        criterion(where, values, "conversation_id = ?", query.conversationId());
        if (query.partyId() != null) {
            where.add("(from_party_id = ? or to_party_id = ?)");
            values.add(query.partyId());
            values.add(query.partyId());
        }
        criterion(where, values, "state = ?", query.state() == null ? null : query.state().name());
        criterion(where, values, "direction = ?", query.direction() == null ? null : query.direction().name());
        criterion(where, values, "created_at >= ?", query.createdFrom() == null ? null : utc(query.createdFrom()));
        criterion(where, values, "created_at < ?", query.createdBefore() == null ? null
                : utc(query.createdBefore()));
        // only fixed column names and placeholders go into the statement; the values are bound
        return jdbc.query("select " + MESSAGE_COLUMNS + " from lb_message"
                        + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                        + " order by created_at desc fetch first " + limit + " rows only",
                this::message, values.toArray()).stream().map(this::withPayloads).toList();
    }

    private static void criterion(List<String> where, List<Object> values, String condition, Object value) {
        if (value != null) {
            where.add(condition);
            values.add(value);
        }
    }

    @Override
    public List<ConnectorMessage> stalled(MessageState state, Instant before, int limit) {
        return jdbc.query("select " + MESSAGE_COLUMNS + " from lb_message where state = ? and state_changed_at < ? "
                        + "order by state_changed_at fetch first " + limit + " rows only",
                this::message, state.name(), utc(before)).stream().map(this::withPayloads).toList();
    }

    @Override
    public List<ConnectorMessage> overdue(MessageState state, Instant createdBefore, int limit) {
        return jdbc.query("select " + MESSAGE_COLUMNS + " from lb_message where state = ? and kind = ? "
                        + "and direction = ? and created_at < ? order by created_at fetch first " + limit + " rows only",
                this::message, state.name(), MessageKind.BUSINESS.name(), Direction.OUTBOUND.name(),
                utc(createdBefore)).stream().map(this::withPayloads).toList();
    }

    private void timeline(TimelineEntry e) {
        jdbc.update("insert into lb_timeline (message_id, at, state, evidence_type, evidence_origin, detail) "
                        + "values (?, ?, ?, ?, ?, ?)", e.connectorMessageId(), utc(e.at()),
                e.state() == null ? null : e.state().name(),
                e.evidenceType() == null ? null : e.evidenceType().name(),
                e.evidenceOrigin() == null ? null : e.evidenceOrigin().name(), truncate(e.detail()));
    }

    /**
     * The outbox row, inside the caller's transaction: it commits or rolls back with the change it reports. The
     * conversation is copied from the message so that whoever hands events on needs no second read.
     */
    private void event(UUID messageId, MessageState state, EvidenceType type, EvidenceOrigin origin, Instant at) {
        jdbc.update("insert into lb_event (message_id, conversation_id, state, evidence_type, evidence_origin, at) "
                        + "select id, conversation_id, ?, ?, ?, ? from lb_message where id = ?",
                state == null ? null : state.name(), type == null ? null : type.name(),
                origin == null ? null : origin.name(), utc(at), messageId);
    }

    private Optional<ConnectorMessage> one(String sql, Object... args) {
        return jdbc.query(sql, this::message, args).stream().findFirst().map(this::withPayloads);
    }

    private ConnectorMessage withPayloads(ConnectorMessage m) {
        return m.toBuilder().payloads(jdbc.query("select payload_id, kind, name, mime_type, size_bytes, sha256 "
                        + "from lb_payload where message_id = ? order by position",
                (rs, i) -> new PayloadRef(rs.getString("payload_id"), PayloadKind.valueOf(rs.getString("kind")),
                        rs.getString("name"), rs.getString("mime_type"), rs.getLong("size_bytes"),
                        rs.getString("sha256")), m.connectorMessageId())).build();
    }

    private ConnectorMessage message(ResultSet rs, int row) throws SQLException {
        return ConnectorMessage.builder()
                .connectorMessageId(rs.getObject("id", UUID.class))
                .kind(MessageKind.valueOf(rs.getString("kind")))
                .direction(Direction.valueOf(rs.getString("direction")))
                .backendName(rs.getString("backend_name"))
                .backendMessageId(rs.getString("backend_message_id"))
                .ebmsMessageId(rs.getString("ebms_message_id"))
                .conversationId(rs.getString("conversation_id"))
                .refToMessageId(rs.getString("ref_to_message_id"))
                .service(new BusinessService(rs.getString("service"), rs.getString("service_type")))
                .action(rs.getString("action"))
                .from(new Party(rs.getString("from_party_id"), rs.getString("from_party_type"),
                        rs.getString("from_role")))
                .to(new Party(rs.getString("to_party_id"), rs.getString("to_party_type"), rs.getString("to_role")))
                .originalSender(rs.getString("original_sender"))
                .finalRecipient(rs.getString("final_recipient"))
                .state(MessageState.valueOf(rs.getString("state")))
                .createdAt(rs.getObject("created_at", OffsetDateTime.class).toInstant())
                .build();
    }

    private static final RowMapper<Evidence> EVIDENCE = (rs, i) -> new Evidence(
            rs.getObject("id", UUID.class),
            rs.getObject("subject_id", UUID.class),
            EvidenceType.valueOf(rs.getString("type")),
            EvidenceOrigin.valueOf(rs.getString("origin")),
            new PayloadRef(rs.getString("payload_id"), PayloadKind.EVIDENCE, rs.getString("type"),
                    rs.getString("mime_type"), rs.getLong("size_bytes"), rs.getString("sha256")),
            rs.getObject("carrier_id", UUID.class),
            rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
            rs.getString("reason"));

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 1997) + "...";
    }
}
