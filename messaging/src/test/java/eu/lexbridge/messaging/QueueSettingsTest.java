package eu.lexbridge.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.port.Hop;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.deployers.impl.FileConfigurationParser;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.junit.jupiter.api.Test;

class QueueSettingsTest {

    private final QueueSettings settings = new QueueSettings(Duration.ofSeconds(2), Duration.ofMinutes(5), 10,
            2030, 300);

    @Test
    void theEmbeddedBrokerGetsEveryQueueAndThePolicy() {
        Configuration broker = new ConfigurationImpl();
        settings.applyTo(broker);

        assertThat(broker.getAddressConfigurations()).extracting(CoreAddressConfiguration::getName)
                .containsExactlyInAnyOrder(java.util.stream.Stream.concat(java.util.Arrays.stream(Hop.values())
                        .map(Hop::queue), java.util.stream.Stream.of("DLQ")).toArray(String[]::new));
        AddressSettings policy = broker.getAddressSettings().get(QueueSettings.ADDRESS_MATCH);
        assertThat(policy.getRedeliveryDelay()).isEqualTo(2000);
        assertThat(policy.getMaxRedeliveryDelay()).isEqualTo(300_000);
        assertThat(policy.getMaxDeliveryAttempts()).isEqualTo(10);
        assertThat(policy.getDeadLetterQueuePrefix().toString()).isEqualTo("DLQ.");
    }

    /** The back-end hops: many attempts, redelivered at once so that a conversation's next message cannot overtake. */
    @Test
    void theBackendHopsAreRedeliveredAtOnceAndTriedLonger() {
        Configuration broker = new ConfigurationImpl();
        settings.applyTo(broker);

        AddressSettings backend = broker.getAddressSettings().get(QueueSettings.BACKEND_MATCH);
        assertThat(backend.getRedeliveryDelay()).isZero();
        assertThat(backend.getMaxDeliveryAttempts()).isEqualTo(300);
        assertThat(backend.getDeadLetterQueuePrefix().toString()).isEqualTo("DLQ.");
        assertThat(Hop.BACKEND_DELIVERY.queue()).startsWith("lexbridge.backend.");
        assertThat(Hop.BACKEND_EVIDENCE.queue()).startsWith("lexbridge.backend.");
    }

    /** The broker.xml text is read by Artemis's own parser (schema-validated) into the same settings. */
    @Test
    void theExternalBrokersSettingsParseToTheSameConfiguration() throws Exception {
        String xml = "<configuration xmlns=\"urn:activemq\"><core xmlns=\"urn:activemq:core\">"
                + settings.brokerXml() + "</core></configuration>";

        Configuration parsed = new FileConfigurationParser()
                .parseMainConfig(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));

        Configuration embedded = new ConfigurationImpl();
        settings.applyTo(embedded);
        assertThat(parsed.getAddressSettings().get(QueueSettings.ADDRESS_MATCH))
                .isEqualTo(embedded.getAddressSettings().get(QueueSettings.ADDRESS_MATCH));
        assertThat(parsed.getAddressSettings().get(QueueSettings.BACKEND_MATCH))
                .isEqualTo(embedded.getAddressSettings().get(QueueSettings.BACKEND_MATCH));
        for (Hop send : QueueSettings.SEND_QUEUES) {
            assertThat(parsed.getAddressSettings().get(send.queue()))
                    .isEqualTo(embedded.getAddressSettings().get(send.queue()));
        }
        assertThat(parsed.getAddressConfigurations()).extracting(CoreAddressConfiguration::getName)
                .containsExactlyInAnyOrderElementsOf(embedded.getAddressConfigurations().stream()
                        .map(CoreAddressConfiguration::getName).toList());
        assertThat(queues(parsed)).isEqualTo(queues(embedded)).hasSize(2 * Hop.values().length + 1)
                .contains("DLQ DLQ ANYCAST NOT (_AMQ_ORIG_ADDRESS LIKE 'lexbridge.%') durable")
                .contains("DLQ DLQ.lexbridge.outbound.dispatch MULTICAST _AMQ_ORIG_ADDRESS = "
                        + "'lexbridge.outbound.dispatch' durable")
                .contains("lexbridge.outbound.dispatch lexbridge.outbound.dispatch ANYCAST null durable");
    }

    /** Each queue as "address name routing-type filter durable", sorted. */
    private static java.util.List<String> queues(Configuration configuration) {
        return configuration.getAddressConfigurations().stream().flatMap(address -> address.getQueueConfigs()
                .stream().map(queue -> address.getName() + " " + queue.getName() + " " + queue.getRoutingType()
                        + " " + queue.getFilterString() + (Boolean.TRUE.equals(queue.isDurable()) ? " durable" : "")))
                .sorted().toList();
    }

    @Test
    void aBrokerThatNeverDeliversIsRefused() {
        assertThatThrownBy(() -> new QueueSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), 0, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QueueSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The sends: tried for as long as a relay timeout may last, with the same back-off, then dead-lettered. */
    @Test
    void theSendHopsAreTriedForDays() {
        Configuration broker = new ConfigurationImpl();
        settings.applyTo(broker);

        for (Hop send : QueueSettings.SEND_QUEUES) {
            AddressSettings policy = broker.getAddressSettings().get(send.queue());
            assertThat(policy.getMaxDeliveryAttempts()).as(send.queue()).isEqualTo(2030);
            assertThat(policy.getRedeliveryDelay()).isEqualTo(2000);
            assertThat(policy.getMaxRedeliveryDelay()).isEqualTo(300_000);
        }
    }

    /** 2 s doubling up to 5 min: 2, 4, … 256 s (about 8.5 min in all), then every 5 min; up to the first past the span. */
    @Test
    void theDeliveriesWithinASpanFollowTheBackOff() {
        Duration first = Duration.ofSeconds(2);
        Duration max = Duration.ofMinutes(5);
        assertThat(QueueSettings.deliveriesWithin(Duration.ZERO, first, max)).isEqualTo(1);
        assertThat(QueueSettings.deliveriesWithin(Duration.ofSeconds(2), first, max)).isEqualTo(2);
        assertThat(QueueSettings.deliveriesWithin(Duration.ofSeconds(62), first, max)).isEqualTo(6);
        // an hour: 9 deliveries by 510 s (at 0, 2, 6, … 254, 510 s), then one every 300 s, the 11th at 3810 s
        assertThat(QueueSettings.deliveriesWithin(Duration.ofHours(1), first, max)).isEqualTo(9 + 11);
        assertThat(QueueSettings.deliveriesWithin(QueueSettings.SEND_SPAN, first, max)).isBetween(2010, 2030);
    }
}
