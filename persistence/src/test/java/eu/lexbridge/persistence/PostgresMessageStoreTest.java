package eu.lexbridge.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import eu.lexbridge.core.port.DeadlineAlerts;
import eu.lexbridge.core.port.HealthHistory;
import eu.lexbridge.core.port.MessageEvents;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.port.SettingStore;
import eu.lexbridge.core.port.TransmissionRecords;
import eu.lexbridge.core.testkit.DeadlineAlertsContract;
import eu.lexbridge.core.testkit.HealthHistoryContract;
import eu.lexbridge.core.testkit.MessageStoreContract;
import eu.lexbridge.core.testkit.SettingStoreContract;
import eu.lexbridge.core.testkit.TransmissionRecordsContract;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The message-store contract on a real PostgreSQL (zonky's embedded binaries, no Docker): one server for the class,
 * migrated once, its tables emptied before each test.
 */
class PostgresMessageStoreTest extends MessageStoreContract {

    private static EmbeddedPostgres postgres;
    /** Pooled, as the application's is: the embedded server's own data source opens a connection per statement. */
    private static HikariDataSource pool;

    @BeforeAll
    static void start() throws IOException {
        // A throw-away server: durability on disk is not what the contract tests, and each commit's fsync made the
        // class take over two minutes on a slow disk.
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off").setServerConfig("full_page_writes", "off").start();
        var config = new HikariConfig();
        config.setDataSource(postgres.getPostgresDatabase());
        config.setMaximumPoolSize(8);
        pool = new HikariDataSource(config);
        MigratedDatabase.migrate(pool);
    }

    @AfterAll
    static void stop() throws IOException {
        pool.close();
        postgres.close();
    }

    @Override
    protected MessageStore store() {
        new JdbcTemplate(pool).execute("truncate lb_event, lb_timeline, lb_evidence, lb_payload, lb_message");
        return MigratedDatabase.store(pool);
    }

    @Override
    protected MessageEvents events(MessageStore store) {
        return MigratedDatabase.events(pool);
    }

    /** The rule-store contract on the same server. */
    @Nested
    class Settings extends SettingStoreContract {
        @Override
        protected SettingStore store() {
            new JdbcTemplate(pool).execute("truncate lb_settings");
            return new JdbcSettingStore(new JdbcTemplate(pool));
        }
    }

    /** The transmission-record contract on the same server. */
    @Nested
    class Records extends TransmissionRecordsContract {
        @Override
        protected TransmissionRecords store() {
            new JdbcTemplate(pool).execute("truncate lb_transmission_record");
            return new JdbcTransmissionRecords(new JdbcTemplate(pool));
        }
    }

    /** The deadline-alert contract on the same server. */
    @Nested
    class Alerts extends DeadlineAlertsContract {
        @Override
        protected DeadlineAlerts alerts() {
            new JdbcTemplate(pool).execute("truncate lb_deadline_alert restart identity");
            return new JdbcDeadlineAlerts(new JdbcTemplate(pool),
                    new TransactionTemplate(new DataSourceTransactionManager(pool)));
        }
    }

    /** The health-history contract on the same server. */
    @Nested
    class Health extends HealthHistoryContract {
        @Override
        protected HealthHistory history() {
            new JdbcTemplate(pool).execute("truncate lb_health_transition restart identity");
            return new JdbcHealthHistory(new JdbcTemplate(pool));
        }
    }
}
