package eu.lexbridge.persistence;

import eu.lexbridge.core.port.DeadlineAlerts;
import eu.lexbridge.core.record.DeadlineAlert;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deadline alerts in {@code lb_deadline_alert}. The unique key makes a second replica's raise of the same alert a
 * no-op; the claim is the row's update, as in {@link JdbcMessageEvents}.
 */
public final class JdbcDeadlineAlerts implements DeadlineAlerts {

    private static final String COLUMNS = "id, kind, backend_name, conversation_id, deadline_id, title, source, "
            + "actor, started_by, started_at, due_at, raised_at";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public JdbcDeadlineAlerts(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public boolean raise(DeadlineAlert a) {
        try {
            // in a transaction of its own: on PostgreSQL a refused insert would spoil a caller's transaction
            return Boolean.TRUE.equals(transactions.execute(status -> jdbc.update("insert into lb_deadline_alert "
                            + "(kind, backend_name, conversation_id, deadline_id, title, source, actor, started_by, "
                            + "started_at, due_at, raised_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    a.kind().name(), a.backendName(), a.conversationId(), a.deadlineId(), a.title(), a.source(),
                    a.actor(), a.startedBy(), utc(a.startedAt()), utc(a.dueAt()), utc(a.raisedAt())) == 1));
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public List<DeadlineAlert> pending(int limit) {
        return jdbc.query("select " + COLUMNS + " from lb_deadline_alert where handed_on = false order by id "
                + "fetch first " + limit + " rows only", ALERT);
    }

    @Override
    public boolean handOn(long sequence, Runnable whileClaimed) {
        Boolean handed = transactions.execute(status -> {
            if (jdbc.update("update lb_deadline_alert set handed_on = true where id = ? and handed_on = false",
                    sequence) != 1) {
                return false;
            }
            whileClaimed.run();
            return true;
        });
        return Boolean.TRUE.equals(handed);
    }

    @Override
    public List<DeadlineAlert> alertsOf(String backendName, long afterSequence, int limit) {
        return jdbc.query("select " + COLUMNS + " from lb_deadline_alert where backend_name = ? and id > ? "
                + "order by id fetch first " + limit + " rows only", ALERT, backendName, afterSequence);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static final RowMapper<DeadlineAlert> ALERT = (rs, i) -> new DeadlineAlert(
            rs.getLong("id"),
            DeadlineAlert.Kind.valueOf(rs.getString("kind")),
            rs.getString("backend_name"),
            rs.getString("conversation_id"),
            rs.getString("deadline_id"),
            rs.getString("title"),
            rs.getString("source"),
            rs.getString("actor"),
            rs.getString("started_by"),
            rs.getObject("started_at", OffsetDateTime.class).toInstant(),
            rs.getObject("due_at", OffsetDateTime.class).toInstant(),
            rs.getObject("raised_at", OffsetDateTime.class).toInstant());
}
