package eu.lexbridge.persistence;

import eu.lexbridge.core.port.HealthHistory;
import eu.lexbridge.core.testkit.HealthHistoryContract;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The health-history contract on H2: a fresh in-memory database, migrated, for each test. */
class H2HealthHistoryTest extends HealthHistoryContract {

    @Override
    protected HealthHistory history() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:health-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        MigratedDatabase.migrate(dataSource);
        return new JdbcHealthHistory(new JdbcTemplate(dataSource));
    }
}
