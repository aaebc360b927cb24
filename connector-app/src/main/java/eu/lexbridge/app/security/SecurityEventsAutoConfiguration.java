package eu.lexbridge.app.security;

import eu.lexbridge.core.port.SecurityEvents;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Refused messages, evidences, containers, documents and API calls: logged on the security log and counted. */
@AutoConfiguration
public class SecurityEventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SecurityEvents securityEvents(MeterRegistry registry) {
        return new CountedSecurityEvents(registry);
    }
}
