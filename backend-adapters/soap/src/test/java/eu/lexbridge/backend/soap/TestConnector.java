package eu.lexbridge.backend.soap;

import eu.lexbridge.backend.soap.auth.ConnectorKey;
import eu.lexbridge.core.message.BusinessService;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.port.BackendCertificates;
import eu.lexbridge.core.port.CaseRecord;
import eu.lexbridge.core.port.SecurityEvents;
import eu.lexbridge.core.testkit.InMemoryConnector;
import eu.lexbridge.core.testkit.InMemoryDeadlineAlerts;
import eu.lexbridge.core.testkit.PlainSealer;
import eu.lexbridge.core.testkit.RecordingSecurityEvents;
import eu.lexbridge.core.testkit.SampleMessages;
import eu.lexbridge.record.Conversations;
import eu.lexbridge.record.StoredCaseRecord;
import eu.lexbridge.record.export.CaseExport;
import eu.lexbridge.record.timeline.CaseDeadlines;
import eu.lexbridge.record.timeline.ConversationTimeline;
import eu.lexbridge.record.transmission.TransmissionRecording;
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
 * parts exposed as beans, with the case record the application makes (the case-record module's, on the same stores)
 * and a deadline alert store. Only these are defined here: the SOAP API must come from its auto-configuration.
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

    /** The demo's network, as docs/integration-guide.md's examples are written for it. */
    static final BusinessService DEMO_SERVICE = new BusinessService("EEvidence", "urn:e-codex:services:");
    static final String DEMO_ACTION = "EPOC";
    static final Party DEMO_PARTNER = new Party("de-court", "urn:oasis:names:tc:ebcore:partyid-type:unregistered",
            "GW");

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
            // with the demo's service and partner, for the guide's examples (SoapGuideExamplesTest)
            InMemoryConnector connector = new InMemoryConnector(InMemoryConnector.Options.defaults()
                    .withService(DEMO_SERVICE, DEMO_ACTION)
                    .withPartner(SampleMessages.partner("de-court", DEMO_PARTNER)));
            for (InMemoryConnector.Part part : connector.parts()) {
                RootBeanDefinition bean = new RootBeanDefinition(part.type());
                bean.setInstanceSupplier(part.instance());
                registry.registerBeanDefinition(part.name(), bean);
            }
            // the case record as the application makes it, on the same stores; its seal is the trust-store's concern
            Conversations conversations = new Conversations(connector.store(), connector.transmissionRecords());
            CaseRecord cases = new StoredCaseRecord(conversations, new TransmissionRecording(conversations,
                    connector.transmissionRecords(), connector.payloads(), new PlainSealer(), connector.clock()),
                    connector.transmissionRecords(), new ConversationTimeline(connector.store(),
                    connector.transmissionRecords(), CaseDeadlines.NONE), connector.payloads(),
                    new CaseExport(connector.store(), connector.payloads(), new PlainSealer()),
                    SecurityEvents.logOnly(), connector.clock());
            register(registry, "caseRecord", CaseRecord.class, cases);
            register(registry, "deadlineAlerts", InMemoryDeadlineAlerts.class, new InMemoryDeadlineAlerts());
        }

        private static <T> void register(BeanDefinitionRegistry registry, String name, Class<T> type, T instance) {
            RootBeanDefinition bean = new RootBeanDefinition(type);
            bean.setInstanceSupplier(() -> instance);
            registry.registerBeanDefinition(name, bean);
        }
    }
}
