package eu.lexbridge.persistence;

import eu.lexbridge.core.port.SettingStore;
import eu.lexbridge.core.testkit.SettingStoreContract;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The setting-store contract on H2: a fresh in-memory database, migrated, for each test. */
class H2SettingStoreTest extends SettingStoreContract {

    @Override
    protected SettingStore store() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:settings-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        MigratedDatabase.migrate(dataSource);
        return new JdbcSettingStore(new JdbcTemplate(dataSource));
    }
}
