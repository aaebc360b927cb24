package eu.lexbridge.persistence;

import eu.lexbridge.core.port.BackendRuleStore;
import eu.lexbridge.core.testkit.BackendRuleStoreContract;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The rule-store contract on H2: a fresh in-memory database, migrated, for each test. */
class H2BackendRuleStoreTest extends BackendRuleStoreContract {

    @Override
    protected BackendRuleStore store() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:rules-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        MigratedDatabase.migrate(dataSource);
        return new JdbcBackendRuleStore(new JdbcTemplate(dataSource));
    }
}
