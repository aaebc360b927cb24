package eu.lexbridge.app.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.jms.JmsHealthContributorAutoConfiguration;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jms.JmsAutoConfiguration;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The health component {@code jms} while the broker is gone: DOWN within the readiness probe's 3 s (the Helm chart's
 * {@code timeoutSeconds}), not after the shared connection's reconnect attempts (Spring Boot's own check on that
 * connection took 16–18 s).
 */
class BrokerGoneHealthTest {

    @Test
    void theJmsCheckSaysDownWithinTheProbesTimeoutOnceTheBrokerIsGone() throws Exception {
        int port = freePort();
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setPersistenceEnabled(false);
        configuration.setSecurityEnabled(false);
        configuration.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(configuration).start();
        try {
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(ArtemisAutoConfiguration.class, JmsAutoConfiguration.class,
                            MessagingAutoConfiguration.class, HealthContributorAutoConfiguration.class,
                            JmsHealthContributorAutoConfiguration.class))
                    .withPropertyValues("spring.artemis.mode=native",
                            "spring.artemis.broker-url=tcp://127.0.0.1:" + port)
                    .run(context -> {
                        // the component "jms": Spring Boot's bean, or the one that replaces it under its name
                        HealthIndicator jms = (HealthIndicator) context.getBean(
                                context.containsBean("jmsHealthIndicator") ? "jmsHealthIndicator" : "jmsHealthContributor");
                        assertThat(jms.health().getStatus()).isEqualTo(Status.UP);
                        // the routes' shared connection is open, as in a running connector
                        Connection shared = context.getBean(ConnectionFactory.class).createConnection();
                        shared.start();

                        broker.stop();
                        Instant asked = Instant.now();
                        Status status = jms.health().getStatus();
                        Duration took = Duration.between(asked, Instant.now());

                        assertThat(status).isEqualTo(Status.DOWN);
                        assertThat(took).as("the check's time").isLessThan(Duration.ofSeconds(3));
                    });
        } finally {
            broker.stop();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
