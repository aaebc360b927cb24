package eu.lexbridge.persistence;

import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.testkit.MessageStoreContract;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;

/** The message-store contract on H2, the default database: a fresh in-memory database, migrated, for each test. */
class H2MessageStoreTest extends MessageStoreContract {

    @Override
    protected MessageStore store() {
        var dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:contract-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return MigratedDatabase.store(dataSource);
    }
}
