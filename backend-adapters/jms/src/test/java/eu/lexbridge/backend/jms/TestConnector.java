package eu.lexbridge.backend.jms;

import eu.lexbridge.core.evidence.EvidenceCheck;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.flow.BackendDelivery;
import eu.lexbridge.core.flow.BackendInbox;
import eu.lexbridge.core.flow.ConnectorIdentity;
import eu.lexbridge.core.flow.EvidenceIssuer;
import eu.lexbridge.core.flow.InboundAcceptance;
import eu.lexbridge.core.flow.InboundReception;
import eu.lexbridge.core.flow.ServiceCatalogue;
import eu.lexbridge.core.flow.Submission;
import eu.lexbridge.core.message.BusinessService;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.BackendCertificates;
import eu.lexbridge.core.port.BackendLink;
import eu.lexbridge.core.port.BackendRouter;
import eu.lexbridge.core.port.ContainerPacker;
import eu.lexbridge.core.port.EvidenceVerifier;
import eu.lexbridge.core.port.PushDelivery;
import eu.lexbridge.core.port.SecurityEvents;
import eu.lexbridge.core.testkit.FixedPartnerDirectory;
import eu.lexbridge.core.testkit.InMemoryMessageStore;
import eu.lexbridge.core.testkit.InMemoryPayloadStore;
import eu.lexbridge.core.testkit.PlainEvidenceFactory;
import eu.lexbridge.core.testkit.RecordingMessageBus;
import eu.lexbridge.core.testkit.TickingClock;
import eu.lexbridge.core.transport.Partner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A connector as the application wires it, with the real core flows and in-memory ports. Only the flows are defined
 * here: the JMS API must come from its auto-configuration.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TestConnector {

    public static final long MAX_PAYLOAD_BYTES = 256 * 1024;
    public static final String PARTY_TYPE = "urn:oasis:names:tc:ebcore:partyid-type:iso3166-1";
    public static final Party HOME = new Party("AT", PARTY_TYPE, "http://e-codex.eu/GW");
    public static final Party GERMANY = new Party("DE", PARTY_TYPE, "http://e-codex.eu/GW");
    public static final BusinessService SERVICE = new BusinessService("EPO", "urn:e-codex:services:");
    public static final String ACTION = "Form_A";
    /** The name of the business document every received test container holds. */
    public static final String DOCUMENT_NAME = "order.pdf";
    /** Inbound final recipients and the back-ends they are routed to. */
    public static final Map<String, String> AUTHORITIES = Map.of(
            "urn:authority:court-a", "court-a", "urn:authority:court-b", "court-b");

    @Bean
    Clock clock() {
        return new TickingClock(Instant.parse("2026-11-23T08:00:00Z"));
    }

    @Bean
    ConnectorIdentity identity() {
        return new ConnectorIdentity(HOME, "lexbridge.at.test");
    }

    @Bean
    ServiceCatalogue catalogue() {
        return new ServiceCatalogue(Set.of(new ServiceCatalogue.Entry(SERVICE, ACTION)));
    }

    @Bean
    InMemoryMessageStore messageStore() {
        return new InMemoryMessageStore();
    }

    @Bean
    InMemoryPayloadStore payloadStore() {
        return new InMemoryPayloadStore();
    }

    @Bean
    RecordingMessageBus messageBus() {
        return new RecordingMessageBus();
    }

    @Bean
    FixedPartnerDirectory partners() throws IOException, CertificateException {
        try (InputStream pem = TestConnector.class.getResourceAsStream("/partner-de.pem")) {
            var certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem);
            return new FixedPartnerDirectory(List.of(
                    new Partner("de-connector", GERMANY, URI.create("https://de.example/as4"), certificate)));
        }
    }

    /** The back-end identities, as the application reads them from lexbridge.backend-identity.certificates. */
    @Bean
    BackendCertificates backendCertificates() throws IOException, CertificateException {
        try (InputStream pem = TestConnector.class.getResourceAsStream("/court-c.pem")) {
            return BackendCertificates.of(Map.of("court-c",
                    (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem)));
        }
    }

    @Bean
    Submission submission(ConnectorIdentity identity, FixedPartnerDirectory partners, ServiceCatalogue catalogue,
                          InMemoryMessageStore store, InMemoryPayloadStore payloads, RecordingMessageBus bus,
                          Clock clock) {
        return new Submission(identity, partners, catalogue, store, payloads, bus, SecurityEvents.logOnly(), clock,
                MAX_PAYLOAD_BYTES);
    }

    @Bean
    EvidenceIssuer evidenceIssuer(ConnectorIdentity identity, InMemoryPayloadStore payloads,
                                  InMemoryMessageStore store, FixedPartnerDirectory partners, Clock clock) {
        return new EvidenceIssuer(identity, new PlainEvidenceFactory(), payloads, store, partners, clock);
    }

    @Bean
    BackendInbox backendInbox(InMemoryMessageStore store, InMemoryPayloadStore payloads, EvidenceIssuer evidences,
                              RecordingMessageBus bus) {
        return new BackendInbox(store, payloads, evidences, bus);
    }

    // The inbound flows below only bring messages into the inbox, as the routes do in the application.

    @Bean
    InboundReception inboundReception(InMemoryMessageStore store, InMemoryPayloadStore payloads,
                                      FixedPartnerDirectory partners, ServiceCatalogue services,
                                      RecordingMessageBus bus, Clock clock) {
        return new InboundReception(store, payloads, partners, services, bus, SecurityEvents.logOnly(), clock,
                MAX_PAYLOAD_BYTES);
    }

    /**
     * Takes every evidence and every container at its word: these tests are about the JMS API; evidence seals and the
     * e-CODEX container are tested in trust-store and end to end in connector-app. A received "container" here simply
     * is the business document.
     */
    @Bean
    InboundAcceptance inboundAcceptance(InMemoryMessageStore store, InMemoryPayloadStore payloads,
                                        FixedPartnerDirectory partners, EvidenceIssuer evidences, Clock clock) {
        EvidenceVerifier believing = (document, sender) -> new EvidenceCheck(true,
                EvidenceType.fromPayloadDescription(document.name()).orElse(null), null, null, "not checked");
        ContainerPacker unsealed = new ContainerPacker() {
            @Override
            public List<PayloadRef> pack(ConnectorMessage outbound,
                                         eu.lexbridge.core.port.DocumentChecker.Check documentCheck) {
                throw new UnsupportedOperationException("the JMS tests send nothing over AS4");
            }

            @Override
            public Unpacked unpack(PayloadRef container, PayloadRef token, Partner sender) {
                try (InputStream in = payloads.open(container)) {
                    return new Unpacked(true, "not checked (JMS test)", List.of(payloads.put(
                            PayloadKind.BUSINESS_DOCUMENT, DOCUMENT_NAME, "application/pdf", in.readAllBytes())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        return new InboundAcceptance(store, partners, believing, evidences, unsealed, SecurityEvents.logOnly(), clock);
    }

    @Bean
    BackendDelivery backendDelivery(InMemoryMessageStore store, EvidenceIssuer evidences, Clock clock,
                                    List<PushDelivery> pushes) {
        BackendRouter router = message -> AUTHORITIES.get(message.finalRecipient());
        // as the application composes it: the JMS API's pushes, every other back-end pulls
        return new BackendDelivery(store, router, BackendLink.routed(pushes), evidences, clock);
    }
}
