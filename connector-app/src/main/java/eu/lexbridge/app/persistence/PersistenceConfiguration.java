package eu.lexbridge.app.persistence;

import eu.lexbridge.app.config.ConnectorProperties;
import eu.lexbridge.persistence.DiskPayloadStore;
import eu.lexbridge.persistence.JdbcMessageStore;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.port.PayloadStore;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The database (H2 by default, PostgreSQL in production; Flyway migrates both) and the payload store. */
@Configuration(proxyBeanMethods = false)
public class PersistenceConfiguration {

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
    MessageStore messageStore(JdbcTemplate jdbc, DataSourceTransactionManager transactionManager) {
        return new JdbcMessageStore(jdbc, new TransactionTemplate(transactionManager));
    }

    @Bean
    PayloadStore payloadStore(ConnectorProperties connector) {
        return new DiskPayloadStore(connector.dataDirectory().resolve("payloads"));
    }
}
