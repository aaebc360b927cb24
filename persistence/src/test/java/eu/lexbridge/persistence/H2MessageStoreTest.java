package eu.lexbridge.persistence;

import eu.lexbridge.core.port.MessageEvents;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.testkit.MessageStoreContract;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;

/** The message-store contract on H2, the default database: a fresh in-memory database, migrated, for each test. */
class H2MessageStoreTest extends MessageStoreContract {

    private JdbcDataSource dataSource;

    @Override
    protected MessageStore store() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:contract-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        return MigratedDatabase.store(dataSource);
    }

    @Override
    protected MessageEvents events(MessageStore store) {
        return MigratedDatabase.events(dataSource);
    }
}
