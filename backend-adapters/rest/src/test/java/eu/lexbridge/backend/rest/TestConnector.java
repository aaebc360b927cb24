package eu.lexbridge.backend.rest;

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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A connector as the application wires it, with the real core flows and in-memory ports. Only the flows are defined
 * here: the REST API must come from its auto-configuration.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TestConnector {

    public static final long MAX_PAYLOAD_BYTES = 256 * 1024;
    /** The name of the business document the test containers hold. */
    public static final String DOCUMENT_NAME = "order.pdf";
    public static final String PARTY_TYPE = "urn:oasis:names:tc:ebcore:partyid-type:iso3166-1";
    public static final Party HOME = new Party("AT", PARTY_TYPE, "http://e-codex.eu/GW");
    public static final Party GERMANY = new Party("DE", PARTY_TYPE, "http://e-codex.eu/GW");
    public static final BusinessService SERVICE = new BusinessService("EPO", "urn:e-codex:services:");
    public static final String ACTION = "Form_A";
    /** The demo's network (docs/integration-guide.md's examples are written for it and run against this connector). */
    public static final BusinessService DEMO_SERVICE = new BusinessService("EEvidence", "");
    public static final String DEMO_ACTION = "EPOC";
    public static final Party DEMO_PARTNER = new Party("de-court",
            "urn:oasis:names:tc:ebcore:partyid-type:unregistered", "GW");
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
        return new ServiceCatalogue(Set.of(new ServiceCatalogue.Entry(SERVICE, ACTION),
                new ServiceCatalogue.Entry(DEMO_SERVICE, DEMO_ACTION)));
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
                    new Partner("de-connector", GERMANY, URI.create("https://de.example/as4"), certificate),
                    new Partner("de-court", DEMO_PARTNER, URI.create("https://de-court.example/as4"), certificate)));
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
     * Takes every evidence at its word: these tests are about the REST API; evidence seals are tested in trust-store
     * and end to end in connector-app.
     */
    @Bean
    InboundAcceptance inboundAcceptance(InMemoryMessageStore store, InMemoryPayloadStore payloads,
                                        FixedPartnerDirectory partners, EvidenceIssuer evidences, Clock clock) {
        EvidenceVerifier believing = (document, sender) -> new EvidenceCheck(true,
                EvidenceType.fromPayloadDescription(document.name()).orElse(null), null, null, "not checked");
        // Every received business message must come in its container (core refuses one without). These tests are
        // about the REST API, so the "container" here holds the business document as it is; containers are tested
        // in trust-store and end to end in connector-app.
        ContainerPacker documentAsContainer = new ContainerPacker() {
            @Override
            public List<PayloadRef> pack(ConnectorMessage outbound,
                                         eu.lexbridge.core.port.DocumentChecker.Check documentCheck) {
                throw new UnsupportedOperationException("no outbound container in the REST tests");
            }

            @Override
            public Unpacked unpack(PayloadRef container, PayloadRef token, Partner sender) {
                try (InputStream document = payloads.open(container)) {
                    return new Unpacked(true, "test container, not checked", List.of(payloads.write(
                            PayloadKind.BUSINESS_DOCUMENT, DOCUMENT_NAME, "application/pdf", document,
                            MAX_PAYLOAD_BYTES)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        return new InboundAcceptance(store, partners, believing, evidences, documentAsContainer,
                SecurityEvents.logOnly(), clock);
    }

    /** Each back-end is pushed to through the API that contributes its push delivery, as the application does. */
    @Bean
    BackendDelivery backendDelivery(InMemoryMessageStore store, EvidenceIssuer evidences,
                                    ObjectProvider<PushDelivery> pushes, Clock clock) {
        BackendRouter router = message -> AUTHORITIES.get(message.finalRecipient());
        return new BackendDelivery(store, router, BackendLink.routed(pushes.orderedStream().toList()), evidences,
                clock);
    }
}
