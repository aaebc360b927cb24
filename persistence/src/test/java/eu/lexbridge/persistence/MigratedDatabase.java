package eu.lexbridge.persistence;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A database with the application's own migrations applied, as Spring Boot's Flyway set-up applies them. */
final class MigratedDatabase {

    private MigratedDatabase() {
    }

    static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    /** The outbox on the database, handing events on in transactions of its own. */
    static JdbcMessageEvents events(DataSource dataSource) {
        return new JdbcMessageEvents(new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    /** Migrates the database and returns the store on it. */
    static JdbcMessageStore store(DataSource dataSource) {
        migrate(dataSource);
        return new JdbcMessageStore(new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }
}
