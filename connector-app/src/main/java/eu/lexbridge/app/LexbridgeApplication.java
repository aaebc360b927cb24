package eu.lexbridge.app;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;

/**
 * The connector as a Spring Boot application; {@code lexbridge serve} starts it. It scans nothing: every part comes
 * from an auto-configuration of one concern (listed in {@code META-INF/spring/…AutoConfiguration.imports}) that backs
 * off when the application defines that part itself. Spring Boot's {@link SecurityFilterAutoConfiguration} is left
 * out because Spring Security guards the management port only (see {@code ManagementServerSecurityFilter}); it would
 * put the filter on the public port as well.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = SecurityFilterAutoConfiguration.class)
public class LexbridgeApplication {
}
