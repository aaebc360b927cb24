package eu.lexbridge.app;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The connector as a Spring Boot application; {@link LexbridgeCommand} starts it with {@code lexbridge serve}.
 * {@code @SpringBootApplication} spelled out for two reasons: Spring Security guards the management port only
 * ({@code ManagementSecurityConfiguration} registers its filter, not Spring Boot's
 * {@link SecurityFilterAutoConfiguration}, which would put it on the public port as well), and configurations of the
 * management server ({@link ManagementContextConfiguration}, listed in {@code META-INF/spring}) must not be scanned
 * into the public one.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = SecurityFilterAutoConfiguration.class)
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = ManagementContextConfiguration.class)})
public class LexbridgeApplication {
}
