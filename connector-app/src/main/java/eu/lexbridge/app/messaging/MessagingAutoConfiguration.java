package eu.lexbridge.app.messaging;

import eu.lexbridge.app.config.RouteProperties;
import eu.lexbridge.core.port.MessageBus;
import eu.lexbridge.messaging.JmsMessageBus;
import eu.lexbridge.messaging.DeadLetters;
import eu.lexbridge.messaging.QueueDepths;
import eu.lexbridge.messaging.QueueSettings;
import io.micrometer.observation.ObservationRegistry;
import jakarta.jms.ConnectionFactory;
import java.time.Duration;
import org.apache.camel.component.jms.JmsComponent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jms.connection.JmsTransactionManager;
import org.springframework.jms.connection.SingleConnectionFactory;
import org.springframework.jms.core.JmsTemplate;

/**
 * The persistent queues: every hop is a queue consumed in a local JMS transaction; a failed step rolls back and the
 * broker delivers it again with back-off, then moves it to {@code DLQ.<queue>}.
 */
@AutoConfiguration
@EnableConfigurationProperties(RouteProperties.class)
public class MessagingAutoConfiguration {

    /** The queues and their redelivery policy, from the routes' retry settings; the one source for both brokers. */
    @Bean
    @ConditionalOnMissingBean
    QueueSettings queueSettings(RouteProperties routes) {
        return routes.queueSettings();
    }

    /** The embedded broker gets them here; an external one from {@code ./lexbridge broker-settings}. */
    @Bean
    @ConditionalOnProperty(name = "spring.artemis.mode", havingValue = "embedded", matchIfMissing = true)
    ArtemisConfigurationCustomizer lexbridgeQueues(QueueSettings queues) {
        return queues::applyTo;
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

    /** The depth and age of every queue, for the gauges and the console. */
    @Bean
    @ConditionalOnMissingBean
    QueueDepths queueDepths(ConnectionFactory connectionFactory) {
        return new QueueDepths(own(connectionFactory), Duration.ofSeconds(5));
    }

    /** The dead letters, for operators to list, replay and discard. */
    @Bean
    @ConditionalOnMissingBean
    DeadLetters deadLetters(ConnectionFactory connectionFactory) {
        return new DeadLetters(own(connectionFactory), Duration.ofSeconds(5));
    }

    /** One line when the broker is lost and one when it is back, instead of the listener containers' many. */
    @Bean(initMethod = "start", destroyMethod = "stop")
    @ConditionalOnMissingBean
    BrokerWatch brokerWatch(ConnectionFactory connectionFactory) {
        return new BrokerWatch(own(connectionFactory), Duration.ofSeconds(10));
    }

    /** Connections of their own: the routes' cached shared connection is not to be closed after each use. */
    private static ConnectionFactory own(ConnectionFactory factory) {
        return factory instanceof SingleConnectionFactory cached && cached.getTargetConnectionFactory() != null
                ? cached.getTargetConnectionFactory() : factory;
    }

    @Bean
    @ConditionalOnMissingBean
    MessageBus messageBus(ConnectionFactory connectionFactory, ObjectProvider<ObservationRegistry> observations) {
        JmsTemplate template = new JmsTemplate(connectionFactory);
        template.setSessionTransacted(true);
        template.setDeliveryPersistent(true);
        // Observed as Spring Boot observes its own JmsTemplate: with tracing on, each message carries the trace
        // context of the request that queued it (a back-end's submission, a partner's AS4 message) to its route.
        observations.ifAvailable(template::setObservationRegistry);
        return new JmsMessageBus(template);
    }

}
