package eu.lexbridge.backend.rest;

import eu.lexbridge.core.message.BusinessService;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.port.CaseRecord;
import eu.lexbridge.core.port.DeadlineAlerts;
import eu.lexbridge.core.port.PushDelivery;
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
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;

/**
 * A connector as the application wires it: core's {@link InMemoryConnector} (the real flows on in-memory ports), its
 * parts exposed as beans. Only the flows are defined here: the REST API must come from its auto-configuration.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(TestConnector.Parts.class)
public class TestConnector {

    /** The demo's network (docs/integration-guide.md's examples are written for it and run against this connector). */
    public static final BusinessService DEMO_SERVICE = new BusinessService("EEvidence", "");
    public static final String DEMO_ACTION = "EPOC";
    public static final Party DEMO_PARTNER = new Party("de-court",
            "urn:oasis:names:tc:ebcore:partyid-type:unregistered", "GW");

    /**
     * Registers the in-memory connector and each of its parts ({@link InMemoryConnector#parts()}) as a bean, as the
     * application's core configuration makes the real ones. They are registered with this configuration, so the REST
     * auto-configuration finds them when it is loaded after it.
     */
    static final class Parts implements ImportBeanDefinitionRegistrar {
        @Override
        public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
            BeanFactory beans = (BeanFactory) registry;
            // the demo's service and partner besides the test ones; each back-end is pushed to through the API that
            // contributes its push delivery (here the webhooks), the others pull, as in the application
            InMemoryConnector connector = new InMemoryConnector(InMemoryConnector.Options.defaults()
                    .withService(DEMO_SERVICE, DEMO_ACTION)
                    .withPartner(SampleMessages.partner("de-court", DEMO_PARTNER))
                    .withPushes(() -> beans.getBeanProvider(PushDelivery.class).orderedStream().toList()));
            for (InMemoryConnector.Part part : connector.parts()) {
                RootBeanDefinition bean = new RootBeanDefinition(part.type());
                bean.setInstanceSupplier(part.instance());
                registry.registerBeanDefinition(part.name(), bean);
            }
            // the case record as the application makes it, on the same stores; its seal is the trust-store's concern
            RecordingSecurityEvents security = new RecordingSecurityEvents();
            Conversations conversations = new Conversations(connector.store(), connector.transmissionRecords());
            CaseRecord cases = new StoredCaseRecord(conversations, new TransmissionRecording(conversations,
                    connector.transmissionRecords(), connector.payloads(), new PlainSealer(), connector.clock()),
                    connector.transmissionRecords(), new ConversationTimeline(connector.store(),
                    connector.transmissionRecords(), CaseDeadlines.NONE), connector.payloads(),
                    new CaseExport(connector.store(), connector.payloads(), new PlainSealer()), security,
                    connector.clock());
            register(registry, "securityEvents", RecordingSecurityEvents.class, security);
            register(registry, "caseRecord", CaseRecord.class, cases);
            register(registry, "deadlineAlerts", DeadlineAlerts.class, new InMemoryDeadlineAlerts());
        }

        private static <T> void register(BeanDefinitionRegistry registry, String name, Class<T> type, T instance) {
            RootBeanDefinition bean = new RootBeanDefinition(type);
            bean.setInstanceSupplier(() -> instance);
            registry.registerBeanDefinition(name, bean);
        }
    }
}
