package eu.lexbridge.persistence;

import eu.lexbridge.core.port.BackendRuleStore;
import eu.lexbridge.core.testkit.BackendRuleStoreContract;
import eu.lexbridge.core.port.MessageEvents;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.testkit.MessageStoreContract;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The message-store contract on a real PostgreSQL (zonky's embedded binaries, no Docker): one server for the class,
 * migrated once, its tables emptied before each test.
 */
class PostgresMessageStoreTest extends MessageStoreContract {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        MigratedDatabase.migrate(postgres.getPostgresDatabase());
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Override
    protected MessageStore store() {
        new JdbcTemplate(postgres.getPostgresDatabase())
                .execute("truncate lb_event, lb_timeline, lb_evidence, lb_payload, lb_message");
        return MigratedDatabase.store(postgres.getPostgresDatabase());
    }

    @Override
    protected MessageEvents events(MessageStore store) {
        return new JdbcMessageEvents(new JdbcTemplate(postgres.getPostgresDatabase()));
    }

    /** The rule-store contract on the same server. */
    @Nested
    class RuleStore extends BackendRuleStoreContract {
        @Override
        protected BackendRuleStore store() {
            new JdbcTemplate(postgres.getPostgresDatabase()).execute("truncate lb_backend_rules");
            return new JdbcBackendRuleStore(new JdbcTemplate(postgres.getPostgresDatabase()));
        }
    }
}
