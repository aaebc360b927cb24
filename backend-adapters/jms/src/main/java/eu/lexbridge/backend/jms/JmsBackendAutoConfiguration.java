package eu.lexbridge.backend.jms;

import eu.lexbridge.backend.jms.broker.BrokerAccess;
import eu.lexbridge.backend.jms.broker.BrokerGate;
import eu.lexbridge.core.flow.BackendInbox;
import eu.lexbridge.core.flow.Submission;
import eu.lexbridge.core.port.BackendCertificates;
import eu.lexbridge.core.port.BackendLink;
import eu.lexbridge.core.port.PushDelivery;
import eu.lexbridge.core.port.SecurityEvents;
import jakarta.jms.ConnectionFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.jms.listener.DefaultMessageListenerContainer;

/**
 * The JMS back-end API, on with {@code lexbridge.jms.enabled=true} when the application has the core flows it fronts:
 * a listener on each back-end's {@code .submit} and {@code .confirm} queue, and a {@link PushDelivery} ("JMS") putting
 * each back-end's messages and evidences on its {@code .deliver} queue. With the embedded broker it also opens that
 * broker to the back-ends ({@link BrokerAccess}, {@link BrokerGate}).
 */
@AutoConfiguration(afterName = {"org.springframework.boot.autoconfigure.jms.artemis.ArtemisAutoConfiguration",
        "eu.lexbridge.app.core.CoreAutoConfiguration"})
@ConditionalOnClass(ConnectionFactory.class)
@ConditionalOnProperty(prefix = "lexbridge.jms", name = "enabled", havingValue = "true")
@ConditionalOnBean({Submission.class, BackendInbox.class, ConnectionFactory.class})
@EnableConfigurationProperties(JmsBackendProperties.class)
public class JmsBackendAutoConfiguration {

    /** The API name in {@link PushDelivery}. */
    public static final String API = "JMS";

    private static final Logger LOG = LoggerFactory.getLogger(JmsBackendAutoConfiguration.class);

    @Bean
    PushDelivery jmsPushDelivery(JmsBackendProperties properties, ConnectionFactory connectionFactory,
                                 BackendInbox inbox) {
        JmsTemplate template = new JmsTemplate(connectionFactory);
        Map<String, BackendLink> links = new LinkedHashMap<>();
        properties.backends().forEach((name, backend) -> {
            if (backend.deliver()) {
                links.put(name, new QueueDelivery(new BackendQueues(name), template, inbox,
                        properties.spoolDirectory()));
            }
        });
        return new PushDelivery(API, links);
    }

    /** One listener container per back-end queue the connector consumes; started and stopped with the context. */
    @Bean
    JmsListeners jmsBackendListeners(JmsBackendProperties properties, ConnectionFactory connectionFactory,
                                     Submission submission, BackendInbox inbox) {
        if (properties.backends().isEmpty()) {
            LOG.warn("lexbridge.jms.backends is empty: no back-end can use the JMS API");
        }
        List<DefaultMessageListenerContainer> containers = new ArrayList<>();
        properties.backends().keySet().forEach(name -> {
            BackendQueues queues = new BackendQueues(name);
            containers.add(container(connectionFactory, queues.submit(), new SubmitListener(queues, submission,
                    properties.spoolDirectory(), properties.maxMessageSize().toBytes())));
            containers.add(container(connectionFactory, queues.confirm(), new ConfirmListener(queues, inbox)));
        });
        return new JmsListeners(containers);
    }

    private static DefaultMessageListenerContainer container(ConnectionFactory connectionFactory, String queue,
                                                             Object listener) {
        DefaultMessageListenerContainer container = new DefaultMessageListenerContainer();
        container.setConnectionFactory(connectionFactory);
        container.setDestinationName(queue);
        container.setMessageListener(listener);
        // The request is taken and its reply sent in one local transaction.
        container.setSessionTransacted(true);
        container.setBeanName("jms-backend:" + queue);
        container.afterPropertiesSet();
        return container;
    }

    /** Opens the embedded broker to the back-ends; an external broker is configured by its operator. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(EmbeddedActiveMQ.class)
    @ConditionalOnProperty(name = "spring.artemis.mode", havingValue = "embedded", matchIfMissing = true)
    static class EmbeddedBroker {

        @Bean
        BrokerGate jmsBrokerGate(JmsBackendProperties properties, ObjectProvider<BackendCertificates> certificates,
                                 ObjectProvider<SecurityEvents> security) {
            Map<String, String> passwords = new LinkedHashMap<>();
            properties.backends().forEach((name, backend) -> passwords.put(name,
                    backend.passwordSha256() == null ? "" : backend.passwordSha256()));
            return new BrokerGate(passwords, certificates.getIfAvailable(BackendCertificates::none),
                    security.getIfAvailable(SecurityEvents::logOnly));
        }

        @Bean
        ArtemisConfigurationCustomizer jmsBackendBrokerAccess(JmsBackendProperties properties) {
            JmsBackendProperties.Acceptor acceptor = properties.acceptor();
            BrokerAccess access = new BrokerAccess(List.copyOf(properties.backends().keySet()), !acceptor.enabled()
                    ? null : new BrokerAccess.Acceptor(acceptor.host(), acceptor.port(), acceptor.keyStore(),
                    acceptor.keyStorePassword(), acceptor.keyStoreType(), acceptor.trustStore(),
                    acceptor.trustStorePassword()));
            return access::applyTo;
        }

        /** Spring Boot's embedded broker takes no security manager of its own: it is given ours before it starts. */
        @Bean
        static BeanPostProcessor jmsBrokerGateInstaller(ObjectProvider<BrokerGate> gate) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessBeforeInitialization(Object bean, String beanName) {
                    if (bean instanceof EmbeddedActiveMQ broker) {
                        broker.setSecurityManager(gate.getObject());
                    }
                    return bean;
                }
            };
        }
    }
}
