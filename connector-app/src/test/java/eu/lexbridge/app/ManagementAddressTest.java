package eu.lexbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The management port listens where {@code management.server.address} says, and only there: 127.0.0.2 here, which
 * Linux routes to loopback like all of 127/8, so the test can bind elsewhere than the default 127.0.0.1 and see it.
 * A probe reaches it as an orchestrator would, also with the Host header a Kubernetes probe sends by default.
 */
@SpringBootTest(classes = LexbridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// phase4 allows one AS4 identity per JVM: the next whole connector starts only once this one is closed
@DirtiesContext
class ManagementAddressTest {

    private static final String ADDRESS = "127.0.0.2";

    @TempDir
    static Path root;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void connector(DynamicPropertyRegistry registry) {
        TestConnectorSettings.register(registry, root, "management-address-test-token");
        registry.add("management.server.address", () -> ADDRESS);
    }

    @Test
    void theManagementPortListensOnTheConfiguredAddressOnly() throws UnknownHostException {
        var probe = ManagementCall.get("/actuator/health/liveness").header("Host", ADDRESS + ":" + managementPort)
                .send(InetAddress.getByName(ADDRESS), managementPort);

        assertThat(probe.status()).isEqualTo(200);
        assertThat(probe.body()).contains("\"status\":\"UP\"");
        assertThatThrownBy(() -> ManagementCall.get("/actuator/health/liveness")
                .send(InetAddress.getByName("127.0.0.1"), managementPort))
                .as("nothing listens on the default address").hasRootCauseInstanceOf(ConnectException.class);
    }

    /**
     * A Kubernetes probe names the pod's IP in {@code Host}, which the management port refuses (DNS rebinding, see
     * ManagementRequestGuard); with {@code Host: localhost} in the probe's {@code httpHeaders} it gets through, as
     * docs/operations.md advises.
     */
    @Test
    void aProbeNamingThePodsAddressIsRefusedAndOneNamingLocalhostAnswered() throws UnknownHostException {
        var byPodAddress = ManagementCall.get("/actuator/health/readiness").header("Host", "10.1.2.3:" + managementPort)
                .send(InetAddress.getByName(ADDRESS), managementPort);
        var byLocalhost = ManagementCall.get("/actuator/health/readiness").header("Host", "localhost")
                .send(InetAddress.getByName(ADDRESS), managementPort);

        assertThat(byPodAddress.status()).isEqualTo(403);
        assertThat(byLocalhost.status()).isEqualTo(200);
    }
}
