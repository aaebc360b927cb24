package eu.lexbridge.persistence;

import eu.lexbridge.core.port.DeadlineAlerts;
import eu.lexbridge.core.testkit.DeadlineAlertsContract;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The deadline-alert contract on H2: a fresh in-memory database, migrated, for each test. */
class H2DeadlineAlertsTest extends DeadlineAlertsContract {

    @Override
    protected DeadlineAlerts alerts() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:alerts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        MigratedDatabase.migrate(dataSource);
        return new JdbcDeadlineAlerts(new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }
}
