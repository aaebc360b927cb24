package eu.lexbridge.app.health;

import eu.lexbridge.app.config.ConnectorProperties;
import eu.lexbridge.app.config.PayloadStoreProperties;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.autoconfigure.system.DiskSpaceHealthIndicatorProperties;
import org.springframework.boot.actuate.system.DiskSpaceHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Disk space where the connector writes, not where it was started: Spring Boot's own check looks at the working
 * folder. {@code diskSpace} is the data directory (database, journal, spool), {@code payloadDisk} the payload
 * directory (a shared volume, or the same disk below the data directory; the data directory with the S3 store). Each is DOWN below Spring Boot's
 * {@code management.health.diskspace.threshold} (10 MB unless set); operations.md advises twice
 * {@code lexbridge.connector.max-payload-size} in production, room for one more of the largest messages.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.actuate.autoconfigure.system."
        + "DiskSpaceHealthContributorAutoConfiguration")
@ConditionalOnClass(DiskSpaceHealthIndicator.class)
@EnableConfigurationProperties({ConnectorProperties.class, PayloadStoreProperties.class,
        DiskSpaceHealthIndicatorProperties.class})
public class DiskHealthAutoConfiguration {

    /** Replaces Spring Boot's check of the working folder (same name, so dashboards keep their series). */
    @Bean
    @ConditionalOnEnabledHealthIndicator("diskspace")
    DiskSpaceHealthIndicator diskSpaceHealthIndicator(ConnectorProperties connector,
                                                      DiskSpaceHealthIndicatorProperties disk) {
        return new DiskSpaceHealthIndicator(connector.dataDirectory().toAbsolutePath().toFile(), disk.getThreshold());
    }

    @Bean
    @ConditionalOnEnabledHealthIndicator("diskspace")
    DiskSpaceHealthIndicator payloadDiskHealthIndicator(ConnectorProperties connector, PayloadStoreProperties store,
                                                        DiskSpaceHealthIndicatorProperties disk) {
        // below the data directory it is the same disk as diskSpace, shown once more under its own path; with the S3
        // store there is no payload directory, and the data directory is where payloads pass through (spooled parts)
        var payloads = store.type() == PayloadStoreProperties.Type.S3 ? connector.dataDirectory() : connector.payloads();
        return new DiskSpaceHealthIndicator(payloads.toAbsolutePath().normalize().toFile(), disk.getThreshold());
    }
}
