package eu.lexbridge.persistence;

import eu.lexbridge.core.port.HealthHistory;
import eu.lexbridge.core.record.ReadinessSpell;
import eu.lexbridge.core.record.ReadinessSpell.Status;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The readiness history in {@code lb_health_transition}: a row per change, its {@code seen_until} moved on by each
 * look that finds the same status. Only the instance itself writes its rows, one look at a time, so no claim is needed.
 */
public final class JdbcHealthHistory implements HealthHistory {

    private static final String COLUMNS = "id, instance, status, changed_at, seen_until, failed_checks, outage_notice";
    /** Within the column, with room for the separators: the names of a few dozen checks. */
    private static final int MAX_FAILED = 2000;

    private final JdbcTemplate jdbc;

    public JdbcHealthHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ReadinessSpell look(String instance, Status status, List<String> failedChecks, Instant at) {
        List<ReadinessSpell> last = jdbc.query("select " + COLUMNS + " from lb_health_transition where instance = ? "
                + "order by id desc fetch first 1 rows only", SPELL, instance);
        if (!last.isEmpty() && last.get(0).status() == status) {
            ReadinessSpell spell = last.get(0);
            Set<String> failed = new LinkedHashSet<>(spell.failedChecks());
            failed.addAll(failedChecks);
            String joined = joined(failed);
            jdbc.update("update lb_health_transition set seen_until = ?, failed_checks = ? where id = ?", utc(at),
                    joined, spell.id());
            return new ReadinessSpell(spell.id(), instance, status, spell.since(), at, split(joined),
                    spell.outageNotice());
        }
        if (!last.isEmpty()) {
            jdbc.update("update lb_health_transition set seen_until = ? where id = ?", utc(at), last.get(0).id());
        }
        String joined = joined(failedChecks);
        var key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("insert into lb_health_transition (instance, status, changed_at, "
                    + "seen_until, failed_checks) values (?, ?, ?, ?, ?)", new String[] {"id"});
            insert.setString(1, instance);
            insert.setString(2, status.name());
            insert.setObject(3, utc(at));
            insert.setObject(4, utc(at));
            insert.setString(5, joined);
            return insert;
        }, key);
        return new ReadinessSpell(key.getKey().longValue(), instance, status, at, at, split(joined), null);
    }

    @Override
    public List<ReadinessSpell> spells(Instant from, Instant to) {
        return jdbc.query("select " + COLUMNS + " from lb_health_transition where changed_at < ? and seen_until >= ? "
                + "order by changed_at, id", SPELL, utc(to), utc(from));
    }

    @Override
    public boolean noteOutage(long id, String notice) {
        return jdbc.update("update lb_health_transition set outage_notice = ? where id = ? and outage_notice is null",
                notice, id) == 1;
    }

    @Override
    public List<ReadinessSpell> outages(int limit) {
        return jdbc.query("select " + COLUMNS + " from lb_health_transition where outage_notice is not null "
                + "order by changed_at desc, id desc fetch first " + limit + " rows only", SPELL);
    }

    private static String joined(Iterable<String> names) {
        String joined = String.join(",", names);
        return joined.length() <= MAX_FAILED ? joined : joined.substring(0, joined.lastIndexOf(',', MAX_FAILED));
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static final RowMapper<ReadinessSpell> SPELL = (rs, i) -> new ReadinessSpell(
            rs.getLong("id"),
            rs.getString("instance"),
            Status.valueOf(rs.getString("status")),
            rs.getObject("changed_at", OffsetDateTime.class).toInstant(),
            rs.getObject("seen_until", OffsetDateTime.class).toInstant(),
            split(rs.getString("failed_checks")),
            rs.getString("outage_notice"));
}
