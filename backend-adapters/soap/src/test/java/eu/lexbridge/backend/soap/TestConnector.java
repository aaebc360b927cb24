package eu.lexbridge.backend.soap;

import eu.lexbridge.backend.soap.auth.ConnectorKey;
import eu.lexbridge.core.port.BackendCertificates;
import eu.lexbridge.core.testkit.InMemoryConnector;
import eu.lexbridge.core.testkit.RecordingSecurityEvents;
import jakarta.xml.ws.soap.SOAPBinding;
import java.util.Map;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
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
 * parts exposed as beans. Only the flows are defined here: the SOAP API must come from its auto-configuration.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(TestConnector.Parts.class)
public class TestConnector {

    /** court-a and court-b prove themselves with their test PKI certificates; court-x's is nobody's. */
    @Bean
    BackendCertificates backendCertificates() {
        return BackendCertificates.of(Map.of("court-a", TestKeys.certificate("court-a"),
                "court-b", TestKeys.certificate("court-b")));
    }

    /**
     * Two push back-ends in this server, for the push client's tests: the 6.x one is court-b's, with WS-Security (it
     * decrypts with court-b's key and accepts the connector's signature only); the 4.x one takes pushes as they are.
     */
    @Bean
    EndpointImpl recordingBackend(Bus bus) {
        EndpointImpl endpoint = new EndpointImpl(bus, new RecordingBackends.Current(),
                SOAPBinding.SOAP12HTTP_MTOM_BINDING);
        endpoint.setProperties(Map.of("mtom-enabled", Boolean.TRUE));
        ConnectorKey courtB = TestKeys.key("court-b");
        endpoint.getInInterceptors().add(new WSS4JInInterceptor(SoapTestSupport.CLIENT_SECURITY.receiving(courtB,
                courtB.crypto(Map.of("connector", TestKeys.certificate("connector"))))));
        endpoint.publish(PUSH_PATH);
        return endpoint;
    }

    @Bean
    EndpointImpl recordingLegacyBackend(Bus bus) {
        EndpointImpl endpoint = new EndpointImpl(bus, new RecordingBackends.Legacy(),
                SOAPBinding.SOAP12HTTP_MTOM_BINDING);
        endpoint.setProperties(Map.of("mtom-enabled", Boolean.TRUE));
        endpoint.publish(LEGACY_PUSH_PATH);
        return endpoint;
    }

    @Bean
    RecordingSecurityEvents securityEvents() {
        return new RecordingSecurityEvents();
    }

    static final String PUSH_PATH = "/test-backend-delivery";
    static final String LEGACY_PUSH_PATH = "/test-backend-delivery-4";

    /**
     * Registers the in-memory connector and each of its parts ({@link InMemoryConnector#parts()}) as a bean, as the
     * application's core configuration makes the real ones. They are registered with this configuration, so the SOAP
     * auto-configuration finds them when it is loaded after it.
     */
    static final class Parts implements ImportBeanDefinitionRegistrar {
        @Override
        public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
            // every back-end pulls here (the default link): the push client is tested on its own, through the links
            // of the SOAP push delivery, against the recording back-ends above
            InMemoryConnector connector = new InMemoryConnector();
            for (InMemoryConnector.Part part : connector.parts()) {
                RootBeanDefinition bean = new RootBeanDefinition(part.type());
                bean.setInstanceSupplier(part.instance());
                registry.registerBeanDefinition(part.name(), bean);
            }
        }
    }
}
