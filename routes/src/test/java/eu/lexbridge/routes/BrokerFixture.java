package eu.lexbridge.routes;

import eu.lexbridge.core.port.Hop;
import eu.lexbridge.core.port.MessageBus;
import eu.lexbridge.messaging.DeadLetters;
import eu.lexbridge.messaging.JmsMessageBus;
import eu.lexbridge.messaging.QueueSettings;
import java.time.Duration;
import java.util.List;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.springframework.jms.connection.JmsTransactionManager;
import org.springframework.jms.core.JmsTemplate;

/**
 * A real embedded broker for the routes' tests, in memory, with the queues and redelivery policy of
 * {@link QueueSettings}, and the routes over it on transacted consumers as the application runs them.
 */
final class BrokerFixture implements AutoCloseable {

    private final EmbeddedActiveMQ broker;
    private final ActiveMQConnectionFactory connections;
    private final MessageBus bus;
    private CamelContext camel;

    BrokerFixture(QueueSettings queues) throws Exception {
        Configuration config = new ConfigurationImpl().setPersistenceEnabled(false).setSecurityEnabled(false)
                .addAcceptorConfiguration("in-vm", "vm://0");
        queues.applyTo(config);
        broker = new EmbeddedActiveMQ().setConfiguration(config);
        broker.start();
        connections = new ActiveMQConnectionFactory("vm://0");
        JmsTemplate template = new JmsTemplate(connections);
        template.setSessionTransacted(true);
        bus = new JmsMessageBus(template);
    }

    MessageBus bus() {
        return bus;
    }

    /** Starts the routes on the broker's queues, with the JMS component as the application sets it up. */
    void run(RoutesBuilder... routes) throws Exception {
        camel = new DefaultCamelContext();
        JmsComponent jms = JmsComponent.jmsComponentTransacted(connections, new JmsTransactionManager(connections));
        jms.setCacheLevelName("CACHE_CONSUMER");
        camel.addComponent("jms", jms);
        for (RoutesBuilder route : routes) {
            camel.addRoutes(route);
        }
        camel.start();
    }

    /** Messages in the dead-letter queues of {@code hops}. */
    int dead(List<Hop> hops) throws Exception {
        return (int) new DeadLetters(connections, Duration.ofSeconds(1)).list(Integer.MAX_VALUE).stream()
                .filter(letter -> hops.contains(letter.hop())).count();
    }

    @Override
    public void close() throws Exception {
        if (camel != null) {
            camel.stop();
        }
        connections.close();
        broker.stop();
    }
}
