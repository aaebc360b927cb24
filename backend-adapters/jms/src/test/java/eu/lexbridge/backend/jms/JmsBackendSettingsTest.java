package eu.lexbridge.backend.jms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** What the settings decide, and that the integration guide names every name of the wire format. */
class JmsBackendSettingsTest {

    @Test
    void onlyBackEndsThatAskForDeliveryArePushedTo() {
        var properties = new JmsBackendProperties(true, Map.of(
                "pushed", new JmsBackendProperties.Backend(null, true),
                "fetching", new JmsBackendProperties.Backend(null, false)),
                DataSize.ofMegabytes(1), null,
                new JmsBackendProperties.Acceptor(false, "127.0.0.1", 61617, null, null, "PKCS12", null, null));

        var pushes = new JmsBackendAutoConfiguration().jmsPushDelivery(properties, new ActiveMQConnectionFactory(),
                null);

        assertThat(pushes.api()).isEqualTo("JMS");
        assertThat(pushes.links()).containsOnlyKeys("pushed");
    }

    @Test
    void anAcceptorWithoutKeyStoreIsRefusedUnlessItIsOff() {
        assertThat(new JmsBackendProperties.Acceptor(true, "127.0.0.1", 61617, null, null, "PKCS12", null, null)
                .isKeyStoreGiven()).isFalse();
        assertThat(new JmsBackendProperties.Acceptor(false, "127.0.0.1", 61617, null, null, "PKCS12", null, null)
                .isKeyStoreGiven()).isTrue();
    }

    @Test
    void theIntegrationGuideNamesEveryPropertyAndFolderOfTheWireFormat() throws IOException, IllegalAccessException {
        String guide = Files.readString(Path.of("../../docs/integration-guide.md"), StandardCharsets.UTF_8);
        // the guide is one for every API since bd73cb5; the JMS part is its "## JMS: …" section, to the end
        int section = guide.indexOf("\n## JMS: ");
        assertThat(section).as("the guide's JMS section").isNotNegative();
        String jms = guide.substring(section);
        for (Field field : WireFormat.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String name = (String) field.get(null);
                assertThat(jms).as(field.getName()).contains("`" + name);
            }
        }
        for (String queue : new BackendQueues("<name>").all()) {
            assertThat(jms).contains("`" + queue + "`");
        }
    }
}
