package eu.lexbridge.app.queue;

import eu.lexbridge.app.config.RouteProperties;
import eu.lexbridge.core.port.Hop;
import eu.lexbridge.core.port.MessageBus;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.camel.component.jms.JmsComponent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.jms.connection.JmsTransactionManager;
import org.springframework.jms.core.JmsTemplate;

/**
 * The persistent queues: every hop is a queue consumed in a local JMS transaction; a failed step rolls back and the
 * broker delivers it again with back-off, then moves it to {@code DLQ.<queue>}.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class MessagingConfiguration {

    /** The embedded broker's queues and redelivery policy (an external broker is configured the same way). */
    @Bean
    @ConditionalOnProperty(name = "spring.artemis.mode", havingValue = "embedded", matchIfMissing = true)
    ArtemisConfigurationCustomizer lexbridgeQueues(RouteProperties routes) {
        return (Configuration config) -> {
            for (Hop hop : Hop.values()) {
                config.addAddressConfiguration(new CoreAddressConfiguration().setName(hop.queue())
                        .addRoutingType(RoutingType.ANYCAST)
                        .addQueueConfiguration(QueueConfiguration.of(hop.queue())
                                .setRoutingType(RoutingType.ANYCAST).setDurable(true)));
            }
            config.addAddressSetting("lexbridge.#", new AddressSettings()
                    .setRedeliveryDelay(routes.firstRetryDelay().toMillis())
                    .setRedeliveryMultiplier(2.0)
                    .setMaxRedeliveryDelay(routes.maxRetryDelay().toMillis())
                    .setMaxDeliveryAttempts(routes.maxSendAttempts() + 4)
                    .setDeadLetterAddress(SimpleString.of("DLQ"))
                    .setAutoCreateDeadLetterResources(true)
                    .setDeadLetterQueuePrefix(SimpleString.of("DLQ.")));
        };
    }

    @Bean
    JmsTransactionManager jmsTransactionManager(ConnectionFactory connectionFactory) {
        return new JmsTransactionManager(connectionFactory);
    }

    /** The component every route uses: consumers and producers share one local JMS transaction. */
    @Bean("jms")
    JmsComponent jmsComponent(ConnectionFactory connectionFactory, JmsTransactionManager jmsTransactionManager) {
        JmsComponent component = JmsComponent.jmsComponentTransacted(connectionFactory, jmsTransactionManager);
        component.setCacheLevelName("CACHE_CONSUMER");
        return component;
    }

    @Bean
    MessageBus messageBus(ConnectionFactory connectionFactory) {
        JmsTemplate template = new JmsTemplate(connectionFactory);
        template.setSessionTransacted(true);
        template.setDeliveryPersistent(true);
        return new JmsMessageBus(template);
    }

}
