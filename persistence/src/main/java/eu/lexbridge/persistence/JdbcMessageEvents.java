package eu.lexbridge.persistence;

import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.message.MessageEvent;
import eu.lexbridge.core.message.MessageKind;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.port.MessageEvents;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox that {@link JdbcMessageStore} writes ({@code lb_event}), read on the same database. Pending means not
 * marked handed on, row by row rather than "after the last sequence seen": sequences are taken at insert and commit in
 * any order, so a high-water mark could step over an event whose transaction committed late.
 */
public final class JdbcMessageEvents implements MessageEvents {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public JdbcMessageEvents(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public List<MessageEvent> pending(int limit) {
        return jdbc.query("select id, message_id, conversation_id, state, evidence_type, evidence_origin, at "
                + "from lb_event where handed_on = false order by id fetch first " + limit + " rows only", EVENT);
    }

    @Override
    public List<MessageEvent> eventsOf(String backendName, long afterSequence, int limit) {
        // joined to the message as it is now: an inbound message routed after some of its events joins the feed then
        return jdbc.query("select e.id, e.message_id, e.conversation_id, e.state, e.evidence_type, e.evidence_origin, "
                + "e.at from lb_event e join lb_message m on m.id = e.message_id "
                + "where m.backend_name = ? and m.kind = ? and e.id > ? order by e.id fetch first " + limit
                + " rows only", EVENT, backendName, MessageKind.BUSINESS.name(), afterSequence);
    }

    @Override
    public long written(long afterSequence, long throughSequence) {
        Long count = jdbc.queryForObject("select count(*) from lb_event where id > ? and id <= ?", Long.class,
                afterSequence, throughSequence);
        return count == null ? 0 : count;
    }

    private static final RowMapper<MessageEvent> EVENT = (rs, i) -> new MessageEvent(
            rs.getLong("id"),
            rs.getObject("message_id", UUID.class),
            rs.getString("conversation_id"),
            enumOrNull(MessageState.class, rs.getString("state")),
            enumOrNull(EvidenceType.class, rs.getString("evidence_type")),
            enumOrNull(EvidenceOrigin.class, rs.getString("evidence_origin")),
            rs.getObject("at", OffsetDateTime.class).toInstant());

    /**
     * The claim is the row's update: a second relay's update of the same row waits for the first's transaction and then
     * finds it handed on.
     */
    @Override
    public boolean handOn(long sequence, Runnable whileClaimed) {
        Boolean handed = transactions.execute(status -> {
            if (jdbc.update("update lb_event set handed_on = true where id = ? and handed_on = false", sequence) != 1) {
                return false;
            }
            whileClaimed.run();
            return true;
        });
        return Boolean.TRUE.equals(handed);
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }
}
