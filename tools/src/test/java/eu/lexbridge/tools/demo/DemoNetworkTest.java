package eu.lexbridge.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** The demo gives each connector an operator login: the password in an owner-only file, its hash in the config. */
class DemoNetworkTest {

    @TempDir
    Path root;

    @Test
    void eachConnectorGetsAnOperatorPasswordOnlyItsOwnerCanReadAndItsHashInTheConfiguration() throws Exception {
        DemoNetwork network = new DemoNetwork(root);
        network.prepare();
        for (DemoConnector connector : new DemoConnector[] {network.issuing(), network.enforcing()}) {
            Path file = connector.operatorPasswordFile();
            String password = Files.readString(file, StandardCharsets.UTF_8).strip();
            assertThat(password).hasSizeGreaterThanOrEqualTo(32);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            String config = Files.readString(connector.configFile(), StandardCharsets.UTF_8);
            assertThat(config).doesNotContain(password).contains("name: operator").contains("role: OPERATOR");
            Matcher hash = Pattern.compile("password-hash: \"(\\{bcrypt}[^\"]+)\"").matcher(config);
            assertThat(hash.find()).isTrue();
            assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches(password, hash.group(1)))
                    .isTrue();
        }
        String first = Files.readString(network.issuing().operatorPasswordFile());
        new DemoNetwork(root).prepare();
        assertThat(Files.readString(network.issuing().operatorPasswordFile())).as("kept across runs")
                .isEqualTo(first);
    }
}
