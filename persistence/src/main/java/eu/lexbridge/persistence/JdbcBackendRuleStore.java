package eu.lexbridge.persistence;

import eu.lexbridge.core.port.BackendRuleStore;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** The routing rules' versions in {@code lb_backend_rules}: each change is a row, the highest version is in force. */
public final class JdbcBackendRuleStore implements BackendRuleStore {

    private static final int MAX_TEXT = 1_000_000;
    private static final int MAX_NAME = 255;

    private final JdbcTemplate jdbc;

    public JdbcBackendRuleStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<RuleSet> latest() {
        return jdbc.query("select version, rules_text, configuration, changed_by, changed_at from lb_backend_rules "
                + "order by version desc fetch first 1 rows only", RULE_SET).stream().findFirst();
    }

    @Override
    public RuleSet save(String text, String configuration, String changedBy, Instant changedAt) {
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("the rules are longer than " + MAX_TEXT + " characters");
        }
        // a name is a record, not a key: a longer one is cut rather than the change refused
        String by = changedBy.length() > MAX_NAME ? changedBy.substring(0, MAX_NAME) : changedBy;
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("insert into lb_backend_rules "
                    + "(rules_text, configuration, changed_by, changed_at) values (?, ?, ?, ?)", new String[] {"version"});
            insert.setString(1, text);
            insert.setString(2, configuration);
            insert.setString(3, by);
            insert.setObject(4, OffsetDateTime.ofInstant(changedAt, ZoneOffset.UTC));
            return insert;
        }, key);
        return new RuleSet(key.getKeyAs(Number.class).longValue(), text, configuration, by, changedAt);
    }

    private static final RowMapper<RuleSet> RULE_SET = (rs, i) -> new RuleSet(rs.getLong("version"),
            rs.getString("rules_text"), rs.getString("configuration"), rs.getString("changed_by"),
            rs.getObject("changed_at", OffsetDateTime.class).toInstant());
}
