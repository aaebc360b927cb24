package eu.lexbridge.app.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.app.LexbridgeApplication;
import eu.lexbridge.app.TestConnectorSettings;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 15 items 4 and 6: a connector on an external broker that is not there yet starts, is not ready, says so in one
 * line (not an ERROR from each route every 5 s), and is ready once the broker comes.
 */
@SpringBootTest(classes = LexbridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// The connector stops after the test, before the broker does (@AfterAll): stopped the other way round, its shutdown
// waited about 50 s on health checks and consumers of a broker that had gone.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
@ExtendWith(OutputCaptureExtension.class)
class BrokerLaterTest {

    @TempDir
    static Path root;

    private static final int BROKER_PORT = freePort();
    private static EmbeddedActiveMQ broker;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void connector(DynamicPropertyRegistry registry) {
        TestConnectorSettings.register(registry, root, "broker-later-token");
        registry.add("spring.artemis.mode", () -> "native");
        registry.add("spring.artemis.broker-url", () -> "tcp://127.0.0.1:" + BROKER_PORT);
    }

    @AfterAll
    static void stopTheBroker() throws Exception {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void withoutItsBrokerTheConnectorIsNotReadySaysSoOnceAndIsReadyWhenTheBrokerComes(CapturedOutput output)
            throws Exception {
        assertThat(readiness()).isEqualTo(503);
        Thread.sleep(11_000); // the routes' containers try again every 5 s, the watch looks every 10 s
        assertThat(output.getOut().lines().filter(l -> l.contains("the message broker cannot be reached"))).hasSize(1);
        assertThat(output.getOut()).doesNotContain("Could not refresh JMS Connection");

        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setPersistenceEnabled(false);
        configuration.setSecurityEnabled(false);
        configuration.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + BROKER_PORT);
        broker = new EmbeddedActiveMQ().setConfiguration(configuration).start();

        Instant end = Instant.now().plus(Duration.ofSeconds(90));
        while (readiness() != 200 && Instant.now().isBefore(end)) {
            Thread.sleep(500);
        }
        assertThat(readiness()).as("ready once the broker is there").isEqualTo(200);
        while (!output.getOut().contains("the message broker can be reached again") && Instant.now().isBefore(end)) {
            Thread.sleep(500);
        }
        assertThat(output.getOut()).contains("the message broker can be reached again");
    }

    /** The probe, open without a login. */
    private int readiness() throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://127.0.0.1:" + managementPort + "/actuator/health/readiness")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
