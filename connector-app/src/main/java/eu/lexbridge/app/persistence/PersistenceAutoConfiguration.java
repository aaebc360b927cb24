package eu.lexbridge.app.persistence;

import eu.lexbridge.app.config.ConnectorProperties;
import eu.lexbridge.core.port.DeadlineAlerts;
import eu.lexbridge.core.port.HealthHistory;
import eu.lexbridge.core.port.MessageEvents;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.port.PayloadStore;
import eu.lexbridge.core.port.SettingStore;
import eu.lexbridge.core.port.TransmissionRecords;
import eu.lexbridge.persistence.DiskPayloadStore;
import eu.lexbridge.persistence.JdbcDeadlineAlerts;
import eu.lexbridge.persistence.JdbcHealthHistory;
import eu.lexbridge.persistence.JdbcMessageEvents;
import eu.lexbridge.persistence.JdbcMessageStore;
import eu.lexbridge.persistence.JdbcSettingStore;
import eu.lexbridge.persistence.JdbcTransmissionRecords;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The database (H2 by default, PostgreSQL in production; Flyway migrates both) and the payload store. */
@AutoConfiguration(before = DataSourceTransactionManagerAutoConfiguration.class)
public class PersistenceAutoConfiguration {

    /**
     * Declared here because the JMS transaction manager would otherwise make Spring Boot back off from its own;
     * database writes never join the JMS transaction (no XA): each store call is its own short transaction.
     */
    @Bean
    @Primary
    DataSourceTransactionManager transactionManager(DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    @ConditionalOnMissingBean
    MessageStore messageStore(JdbcTemplate jdbc, DataSourceTransactionManager transactionManager) {
        return new JdbcMessageStore(jdbc, new TransactionTemplate(transactionManager));
    }

    /** The outbox the JDBC message store writes in each change's transaction; replace both or neither. */
    @Bean
    @ConditionalOnMissingBean
    MessageEvents messageEvents(JdbcTemplate jdbc, DataSourceTransactionManager transactionManager) {
        return new JdbcMessageEvents(jdbc, new TransactionTemplate(transactionManager));
    }

    /** The routing rules operators change at run time, kept for restarts and the other replicas. */
    @Bean
    @ConditionalOnMissingBean
    SettingStore settingStore(JdbcTemplate jdbc) {
        return new JdbcSettingStore(jdbc);
    }

    @Bean
    @ConditionalOnMissingBean
    TransmissionRecords transmissionRecords(JdbcTemplate jdbc) {
        return new JdbcTransmissionRecords(jdbc);
    }

    /** Alerts about time limits, told once among the replicas sharing this database. */
    @Bean
    @ConditionalOnMissingBean
    DeadlineAlerts deadlineAlerts(JdbcTemplate jdbc, DataSourceTransactionManager transactionManager) {
        return new JdbcDeadlineAlerts(jdbc, new TransactionTemplate(transactionManager));
    }

    /** The readiness of each running connector over time, for the availability (lb_health_transition). */
    @Bean
    @ConditionalOnMissingBean
    HealthHistory healthHistory(JdbcTemplate jdbc) {
        return new JdbcHealthHistory(jdbc);
    }

    @Bean
    @ConditionalOnMissingBean
    PayloadStore payloadStore(ConnectorProperties connector) {
        return new DiskPayloadStore(connector.payloads());
    }
}
