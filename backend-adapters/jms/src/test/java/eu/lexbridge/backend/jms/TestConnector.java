package eu.lexbridge.backend.jms;

import eu.lexbridge.core.port.BackendCertificates;
import eu.lexbridge.core.port.PushDelivery;
import eu.lexbridge.core.testkit.InMemoryConnector;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;

/**
 * A connector as the application wires it: core's {@link InMemoryConnector} (the real flows on in-memory ports), its
 * parts exposed as beans. Only the flows are defined here: the JMS API must come from its auto-configuration.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(TestConnector.Parts.class)
public class TestConnector {

    /** The back-end identities, as the application reads them from lexbridge.backend-identity.certificates. */
    @Bean
    BackendCertificates backendCertificates() throws IOException, CertificateException {
        try (InputStream pem = TestConnector.class.getResourceAsStream("/court-c.pem")) {
            return BackendCertificates.of(Map.of("court-c",
                    (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem)));
        }
    }

    /**
     * Registers the in-memory connector and each of its parts ({@link InMemoryConnector#parts()}) as a bean, as the
     * application's core configuration makes the real ones. They are registered with this configuration, so the JMS
     * auto-configuration finds them when it is loaded after it.
     */
    static final class Parts implements ImportBeanDefinitionRegistrar {
        @Override
        public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
            BeanFactory beans = (BeanFactory) registry;
            // as the application composes it: the JMS API's pushes, every other back-end pulls
            InMemoryConnector connector = new InMemoryConnector(InMemoryConnector.Options.defaults()
                    .withPushes(() -> beans.getBeanProvider(PushDelivery.class).orderedStream().toList()));
            for (InMemoryConnector.Part part : connector.parts()) {
                RootBeanDefinition bean = new RootBeanDefinition(part.type());
                bean.setInstanceSupplier(part.instance());
                registry.registerBeanDefinition(part.name(), bean);
            }
        }
    }
}
