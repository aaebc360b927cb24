package eu.lexbridge.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.flow.DocumentPolicy;
import eu.lexbridge.core.transport.As4Profile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.yaml.snakeyaml.Yaml;

/**
 * The demo's configuration: each connector gets an operator login (the password in an owner-only file, its hash in the
 * config), and with {@code --as4-profile 2.0} its 2.0 keys and the partner's 2.0 certificates.
 */
class DemoNetworkTest {

    @TempDir
    Path root;

    @Test
    void eachConnectorGetsAnOperatorPasswordOnlyItsOwnerCanReadAndItsHashInTheConfiguration() throws Exception {
        SharedDemoPki.into(root);
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

    /**
     * {@code demo --as4-profile 2.0} and {@code 2.0-ecdsa}: each connector marks the other with the profile and its
     * signing and encryption certificates, and holds its own 2.0 keys, all files of the demo PKI. (TwoConnectorsIT runs
     * two connectors on the 2.0 configuration.)
     */
    @ParameterizedTest
    @EnumSource(value = As4Profile.class, names = {"EDELIVERY_2_EDDSA", "EDELIVERY_2_ECDSA"})
    void aTwoPointZeroDemoGivesEachConnectorItsKeysAndThePartnersCertificates(As4Profile profile) throws Exception {
        SharedDemoPki.into(root);
        DemoNetwork network = new DemoNetwork(root, DocumentPolicy.QUALIFIED, profile);
        network.prepare();
        boolean ec = profile == As4Profile.EDELIVERY_2_ECDSA;
        for (DemoConnector connector : new DemoConnector[] {network.issuing(), network.enforcing()}) {
            Map<String, Object> config;
            try (var in = Files.newInputStream(connector.configFile())) {
                config = new Yaml().load(in);
            }
            Map<?, ?> lexbridge = (Map<?, ?>) config.get("lexbridge");
            Map<?, ?> partner = (Map<?, ?>) ((List<?>) ((Map<?, ?>) lexbridge.get("network")).get("partners")).get(0);
            assertThat(partner.get("as4-profile")).isEqualTo(profile.label());
            assertThat(Path.of((String) partner.get("certificate"))).isRegularFile()
                    .hasFileName(ec ? "as4-ec-sign.crt" : "as4-sign.crt");
            assertThat(Path.of((String) partner.get("encryption-certificate"))).isRegularFile()
                    .hasFileName(ec ? "as4-ec-decrypt.crt" : "as4-decrypt.crt");
            assertThat(partner.get("certificate").toString()).contains("/" + partner.get("party-id") + "/");
            Map<?, ?> keys = (Map<?, ?>) ((Map<?, ?>) lexbridge.get("as4")).get("edelivery2");
            assertThat(Path.of((String) keys.get("key-store"))).isRegularFile()
                    .isEqualTo(network.pkiDirectory().toAbsolutePath().resolve(connector.party())
                            .resolve("as4-edelivery2.p12"));
            assertThat(keys.get("ec-signing-alias")).isEqualTo(ec ? "as4-ec-sign" : null);
            assertThat(keys.get("ec-decryption-alias")).isEqualTo(ec ? "as4-ec-decrypt" : null);
        }
    }
}
