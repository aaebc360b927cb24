package eu.lexbridge.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The connector as a Spring Boot application; {@link LexbridgeCommand} starts it with {@code lexbridge serve}. */
@SpringBootApplication
public class LexbridgeApplication {
}
