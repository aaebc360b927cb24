package eu.lexbridge.persistence;

import eu.lexbridge.core.port.SettingStore;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Settings' versions in {@code lb_settings}: each change is a row, a setting's highest version is in force. */
public final class JdbcSettingStore implements SettingStore {

    private static final int MAX_TEXT = 1_000_000;
    private static final int MAX_NAME = 255;

    private final JdbcTemplate jdbc;

    public JdbcSettingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Version> latest(Setting setting) {
        return jdbc.query("select version, setting_text, configuration, changed_by, changed_at from lb_settings "
                + "where setting = ? order by version desc fetch first 1 rows only", VERSION, setting.code())
                .stream().findFirst();
    }

    @Override
    public Version save(Setting setting, String text, String configuration, String changedBy, Instant changedAt) {
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("the " + setting.code() + " are longer than " + MAX_TEXT
                    + " characters");
        }
        // a name is a record, not a key: a longer one is cut rather than the change refused
        String by = changedBy.length() > MAX_NAME ? changedBy.substring(0, MAX_NAME) : changedBy;
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("insert into lb_settings "
                    + "(setting, setting_text, configuration, changed_by, changed_at) values (?, ?, ?, ?, ?)",
                    new String[] {"version"});
            insert.setString(1, setting.code());
            insert.setString(2, text);
            insert.setString(3, configuration);
            insert.setString(4, by);
            insert.setObject(5, OffsetDateTime.ofInstant(changedAt, ZoneOffset.UTC));
            return insert;
        }, key);
        return new Version(key.getKeyAs(Number.class).longValue(), text, configuration, by, changedAt);
    }

    private static final RowMapper<Version> VERSION = (rs, i) -> new Version(rs.getLong("version"),
            rs.getString("setting_text"), rs.getString("configuration"), rs.getString("changed_by"),
            rs.getObject("changed_at", OffsetDateTime.class).toInstant());
}
