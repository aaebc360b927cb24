package eu.lexbridge.app.config;

import eu.lexbridge.trust.port.EcodexContainerPacker;
import eu.lexbridge.trust.port.SealVerification;
import eu.lexbridge.app.security.CountedSecurityEvents;
import eu.lexbridge.core.flow.BackendDelivery;
import eu.lexbridge.core.flow.BackendInbox;
import eu.lexbridge.core.flow.ConnectorIdentity;
import eu.lexbridge.core.flow.Dispatch;
import eu.lexbridge.core.flow.EvidenceCorrelation;
import eu.lexbridge.core.flow.EvidenceIssuer;
import eu.lexbridge.core.flow.EvidenceTimeouts;
import eu.lexbridge.core.flow.InboundAcceptance;
import eu.lexbridge.core.flow.InboundReception;
import eu.lexbridge.core.flow.OutboundPreparation;
import eu.lexbridge.core.flow.ServiceCatalogue;
import eu.lexbridge.core.flow.StalledWork;
import eu.lexbridge.core.flow.Submission;
import eu.lexbridge.core.message.BusinessService;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.port.BackendRouter;
import eu.lexbridge.core.port.ContainerPacker;
import eu.lexbridge.core.port.DocumentChecker;
import eu.lexbridge.core.port.EvidenceFactory;
import eu.lexbridge.core.port.EvidenceVerifier;
import eu.lexbridge.core.port.GatewayLink;
import eu.lexbridge.core.port.MessageBus;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.port.PartnerDirectory;
import eu.lexbridge.core.port.PayloadStore;
import eu.lexbridge.core.port.SecurityEvents;
import eu.lexbridge.core.transport.Partner;
import eu.lexbridge.directory.ConfiguredPartnerDirectory;
import eu.lexbridge.directory.DefaultBackendRouter;
import eu.lexbridge.trust.container.EcodexContainerBuilder;
import eu.lexbridge.trust.container.EcodexContainerReader;
import eu.lexbridge.trust.document.DocumentValidator;
import eu.lexbridge.trust.evidence.EvidenceSealer;
import eu.lexbridge.trust.evidence.RemEvidenceFactory;
import eu.lexbridge.trust.evidence.SealedEvidenceFactory;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.keys.SealKey;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The core flows, wired to the ports' implementations. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ConnectorProperties.class, NetworkProperties.class, RouteProperties.class,
        As4Properties.class, EvidenceProperties.class, ContainerProperties.class})
public class CoreConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ConnectorIdentity connectorIdentity(ConnectorProperties connector) {
        return new ConnectorIdentity(new Party(connector.partyId(), connector.partyIdType(), connector.role()),
                connector.ebmsIdDomain());
    }

    @Bean
    ServiceCatalogue serviceCatalogue(NetworkProperties network) {
        return new ServiceCatalogue(network.services().stream()
                .map(s -> new ServiceCatalogue.Entry(new BusinessService(s.service(), s.serviceType()), s.action(),
                        s.documentPolicy()))
                .collect(Collectors.toSet()));
    }

    @Bean
    PartnerDirectory partnerDirectory(NetworkProperties network) {
        return new ConfiguredPartnerDirectory(network.partners().stream()
                .map(entry -> new Partner(entry.name(), new Party(entry.partyId(), entry.partyIdType(), entry.role()),
                        entry.endpoint(), KeyStores.readCertificate(entry.certificate())))
                .toList());
    }

    @Bean
    BackendRouter backendRouter(ConnectorProperties connector) {
        return new DefaultBackendRouter(connector.defaultBackend());
    }

    /** Every evidence we issue is sealed with the evidence key. */
    @Bean
    EvidenceFactory evidenceFactory(ConnectorProperties connector, EvidenceProperties evidence, Clock clock) {
        var seal = evidence.seal();
        var key = seal.open();
        return new SealedEvidenceFactory(new RemEvidenceFactory(connector.partyId(), connector.partyId(),
                ZoneOffset.UTC), new EvidenceSealer(key, seal.referenceDigest(), clock));
    }

    @Bean
    PartnerTrustAnchors partnerTrustAnchors(EvidenceProperties evidence) {
        return new PartnerTrustAnchors(KeyStores.certificates(
                KeyStores.loadPkcs12(evidence.trustStore(), evidence.trustStorePassword())));
    }

    /** Containers are sealed with the container key and checked against the CAs of partners' seals. */
    @Bean
    ContainerPacker containerPacker(ContainerProperties container, EvidenceProperties evidence,
                                    PartnerTrustAnchors trust, ConnectorProperties connector, PayloadStore payloads,
                                    Clock clock) {
        var key = container.seal().open();
        List<X509Certificate> anchors = trust.certificates();
        Path work = connector.dataDirectory().resolve("work");
        return new EcodexContainerPacker(new EcodexContainerBuilder(key, clock, work),
                new EcodexContainerReader(anchors, evidence.revocationSettings(), clock),
                new DocumentValidator(anchors, clock), payloads, work, container.serviceProvider(),
                container.country(), connector.maxPayloadSize().toBytes());
    }

    @Bean
    EvidenceVerifier evidenceVerifier(EvidenceProperties evidence, PartnerTrustAnchors trust,
                                      NetworkProperties network, PayloadStore payloads, Clock clock) {
        Map<String, X509Certificate> pinned = new HashMap<>();
        for (var partner : network.partners()) {
            if (partner.sealCertificate() != null) {
                pinned.put(partner.name(), KeyStores.readCertificate(partner.sealCertificate()));
            }
        }
        return new SealVerification(new eu.lexbridge.trust.evidence.EvidenceVerifier(trust.certificates(),
                evidence.revocationSettings(), clock), payloads, pinned);
    }

    @Bean
    EvidenceIssuer evidenceIssuer(ConnectorIdentity identity, EvidenceFactory factory, PayloadStore payloads,
                                  MessageStore store, PartnerDirectory partners, Clock clock) {
        return new EvidenceIssuer(identity, factory, payloads, store, partners, clock);
    }

    @Bean
    Submission submission(ConnectorIdentity identity, PartnerDirectory partners, ServiceCatalogue catalogue,
                          MessageStore store, PayloadStore payloads, MessageBus bus, SecurityEvents security,
                          Clock clock, ConnectorProperties connector) {
        return new Submission(identity, partners, catalogue, store, payloads, bus, security, clock,
                connector.maxPayloadSize().toBytes());
    }

    /** Refused messages, evidences, containers, documents and API calls: logged and counted. */
    @Bean
    SecurityEvents securityEvents(MeterRegistry registry) {
        return new CountedSecurityEvents(registry);
    }

    @Bean
    OutboundPreparation outboundPreparation(MessageStore store, PartnerDirectory partners, EvidenceIssuer issuer,
                                            ContainerPacker containers, ServiceCatalogue catalogue,
                                            DocumentChecker documents, SecurityEvents security, Clock clock) {
        return new OutboundPreparation(store, partners, issuer, containers, catalogue, documents, security, clock);
    }

    @Bean
    Dispatch dispatch(MessageStore store, PartnerDirectory partners, GatewayLink gateway, EvidenceIssuer issuer,
                      Clock clock) {
        return new Dispatch(store, partners, gateway, issuer, clock);
    }

    @Bean
    InboundReception inboundReception(MessageStore store, PayloadStore payloads, PartnerDirectory partners,
                                      MessageBus bus, SecurityEvents security, Clock clock,
                                      ConnectorProperties connector) {
        return new InboundReception(store, payloads, partners, bus, security, clock,
                connector.maxPayloadSize().toBytes());
    }

    @Bean
    InboundAcceptance inboundAcceptance(MessageStore store, PartnerDirectory partners, EvidenceVerifier verifier,
                                        EvidenceIssuer issuer, ContainerPacker containers, SecurityEvents security,
                                        Clock clock) {
        return new InboundAcceptance(store, partners, verifier, issuer, containers, security, clock);
    }

    @Bean
    BackendDelivery backendDelivery(MessageStore store, BackendRouter router, Clock clock) {
        return new BackendDelivery(store, router, clock);
    }

    @Bean
    EvidenceCorrelation evidenceCorrelation(MessageStore store, PartnerDirectory partners,
                                            EvidenceVerifier verifier, SecurityEvents security, Clock clock) {
        return new EvidenceCorrelation(store, partners, verifier, security, clock);
    }

    @Bean
    BackendInbox backendInbox(MessageStore store, PayloadStore payloads, EvidenceIssuer issuer, MessageBus bus) {
        return new BackendInbox(store, payloads, issuer, bus);
    }

    @Bean
    StalledWork stalledWork(MessageStore store, MessageBus bus, OutboundPreparation preparation, Dispatch dispatch,
                            Clock clock, RouteProperties routes) {
        return new StalledWork(store, bus, preparation, dispatch, clock, routes.stalledAfter(), routes.maxRequeues());
    }

    @Bean
    EvidenceTimeouts evidenceTimeouts(MessageStore store, EvidenceIssuer issuer, Clock clock,
                                      EvidenceProperties evidence) {
        return new EvidenceTimeouts(store, issuer, clock, new EvidenceTimeouts.Limits(evidence.relayTimeout(),
                evidence.deliveryTimeout(), evidence.retrievalTimeout()));
    }
}
