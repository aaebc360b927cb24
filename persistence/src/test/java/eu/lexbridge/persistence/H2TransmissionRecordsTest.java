package eu.lexbridge.persistence;

import eu.lexbridge.core.port.TransmissionRecords;
import eu.lexbridge.core.testkit.TransmissionRecordsContract;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The transmission-record contract on H2: a fresh in-memory database, migrated, for each test. */
class H2TransmissionRecordsTest extends TransmissionRecordsContract {

    @Override
    protected TransmissionRecords store() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:records-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        MigratedDatabase.migrate(dataSource);
        return new JdbcTransmissionRecords(new JdbcTemplate(dataSource));
    }
}
