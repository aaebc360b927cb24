package eu.lexbridge.app.persistence;

import eu.lexbridge.app.config.ConnectorProperties;
import eu.lexbridge.app.config.PayloadStoreProperties;
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
import eu.lexbridge.persistence.ObjectStoreAccess;
import eu.lexbridge.persistence.PayloadCipher;
import eu.lexbridge.persistence.S3PayloadStore;
import eu.lexbridge.persistence.UnusableBucket;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The database (H2 by default, PostgreSQL in production; Flyway migrates both) and the payload store: on disk, or in an
 * S3-compatible bucket ({@code lexbridge.payload-store}).
 */
@AutoConfiguration(before = DataSourceTransactionManagerAutoConfiguration.class)
@EnableConfigurationProperties(PayloadStoreProperties.class)
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
    @ConditionalOnProperty(name = "lexbridge.payload-store.type", havingValue = "disk", matchIfMissing = true)
    PayloadStore payloadStore(ConnectorProperties connector) {
        return new DiskPayloadStore(connector.payloads());
    }

    /** Payloads in an S3-compatible bucket every replica reaches, encrypted by the connector. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "lexbridge.payload-store.type", havingValue = "s3")
    static class S3PayloadStoreConfiguration {

        /** Closed with the context (its connections). */
        @Bean
        @ConditionalOnMissingBean
        S3Client payloadS3Client(PayloadStoreProperties payloads) {
            PayloadStoreProperties.S3 s3 = payloads.s3();
            return new ObjectStoreAccess(s3.endpoint(), s3.region(), s3.pathStyle(), s3.accessKey(), s3.secretKey())
                    .client();
        }

        /** The bucket is checked here, so that a connector that cannot keep payloads does not start. */
        @Bean
        @ConditionalOnMissingBean
        PayloadStore payloadStore(S3Client payloadS3Client, PayloadStoreProperties payloads) {
            PayloadStoreProperties.S3 s3 = payloads.s3();
            S3PayloadStore store = new S3PayloadStore(payloadS3Client, s3.bucket(),
                    new PayloadCipher(s3.encryptionKeyBytes()), (int) s3.partSize().toBytes());
            store.checkBucket();
            return store;
        }

        /**
         * {@code payloadBucket}: DOWN when the bucket cannot be used (missing, refused, unreachable), with the
         * sentence. In the overall health, not in readiness: every replica shares the bucket, so none would be ready,
         * and queued work waits for the store as it waits for a partner.
         */
        @Bean
        HealthIndicator payloadBucketHealthIndicator(PayloadStore payloadStore) {
            return () -> {
                if (!(payloadStore instanceof S3PayloadStore s3)) {
                    return Health.unknown().withDetail("store", "replaced by the application").build();
                }
                try {
                    s3.checkBucket();
                    return Health.up().build();
                } catch (UnusableBucket e) {
                    return Health.down().withDetail("bucket", e.bucket()).withDetail("problem", e.problem().sentence())
                            .build();
                }
            };
        }
    }
}
