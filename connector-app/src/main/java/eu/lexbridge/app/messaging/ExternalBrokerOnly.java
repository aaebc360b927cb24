package eu.lexbridge.app.messaging;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With an external broker ({@code spring.artemis.mode=native}) the connector starts no broker of its own. Spring Boot
 * starts its embedded Artemis server whenever the server is on the class path, whatever the mode, unless
 * {@code spring.artemis.embedded.enabled=false}: a connector set up for an external broker ran an idle second broker
 * with a journal in its data directory. An explicit {@code spring.artemis.embedded.enabled} still wins.
 */
public final class ExternalBrokerOnly implements EnvironmentPostProcessor {

    static final String EMBEDDED_ENABLED = "spring.artemis.embedded.enabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if ("native".equalsIgnoreCase(environment.getProperty("spring.artemis.mode", ""))
                && !environment.containsProperty(EMBEDDED_ENABLED)) {
            environment.getPropertySources().addLast(new MapPropertySource("lexbridge-external-broker",
                    Map.of(EMBEDDED_ENABLED, "false")));
        }
    }
}
