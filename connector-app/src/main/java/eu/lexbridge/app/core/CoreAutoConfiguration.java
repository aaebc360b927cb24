package eu.lexbridge.app.core;

import eu.lexbridge.app.config.BackendIdentityProperties;
import eu.lexbridge.app.config.ConnectorProperties;
import eu.lexbridge.app.config.EvidenceProperties;
import eu.lexbridge.app.config.NetworkProperties;
import eu.lexbridge.app.config.RouteProperties;
import eu.lexbridge.backend.rest.RestBackendAutoConfiguration;
import eu.lexbridge.core.flow.BackendDelivery;
import eu.lexbridge.core.flow.BackendInbox;
import eu.lexbridge.core.flow.ConnectorIdentity;
import eu.lexbridge.core.flow.Dispatch;
import eu.lexbridge.core.flow.EvidenceCorrelation;
import eu.lexbridge.core.flow.EvidenceForwarding;
import eu.lexbridge.core.flow.EvidenceIssuer;
import eu.lexbridge.core.flow.EvidenceTimeouts;
import eu.lexbridge.core.flow.InboundAcceptance;
import eu.lexbridge.core.flow.InboundReception;
import eu.lexbridge.core.flow.OutboundPreparation;
import eu.lexbridge.core.flow.PartnerHolds;
import eu.lexbridge.core.flow.RecipientResolution;
import eu.lexbridge.core.flow.RelayTimeout;
import eu.lexbridge.core.flow.Resend;
import eu.lexbridge.core.flow.SendRetries;
import eu.lexbridge.core.flow.ServiceCatalogue;
import eu.lexbridge.core.flow.StalledWork;
import eu.lexbridge.core.flow.Submission;
import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.port.AuthorityDirectory;
import eu.lexbridge.core.port.BackendCertificates;
import eu.lexbridge.core.port.BackendLink;
import eu.lexbridge.core.port.BackendRouter;
import eu.lexbridge.core.port.ContainerPacker;
import eu.lexbridge.core.port.DisclosurePolicy;
import eu.lexbridge.core.port.DocumentChecker;
import eu.lexbridge.core.port.EvidenceFactory;
import eu.lexbridge.core.port.EvidenceVerifier;
import eu.lexbridge.core.port.GatewayLink;
import eu.lexbridge.core.port.MessageBus;
import eu.lexbridge.core.port.MessageEvents;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.port.PartnerDirectory;
import eu.lexbridge.core.port.PayloadStore;
import eu.lexbridge.core.port.PushDelivery;
import eu.lexbridge.core.port.SecurityEvents;
import eu.lexbridge.core.port.SettingStore;
import eu.lexbridge.trust.keys.KeyStores;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The core flows, plain Java use cases, wired to whatever implements their ports (the other auto-configurations, or
 * beans of your own). Each flow backs off when the application defines one itself. Before the REST back-end, whose
 * API is on only when these flows exist.
 */
@AutoConfiguration(before = RestBackendAutoConfiguration.class)
@EnableConfigurationProperties({ConnectorProperties.class, BackendIdentityProperties.class, RouteProperties.class, EvidenceProperties.class})
public class CoreAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(CoreAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    ConnectorIdentity connectorIdentity(ConnectorProperties connector) {
        return new ConnectorIdentity(new Party(connector.partyId(), connector.partyIdType(), connector.role()),
                connector.ebmsIdDomain());
    }

    @Bean
    @ConditionalOnMissingBean
    EvidenceIssuer evidenceIssuer(ConnectorIdentity identity, EvidenceFactory factory, PayloadStore payloads,
                                  MessageStore store, PartnerDirectory partners, Clock clock) {
        return new EvidenceIssuer(identity, factory, payloads, store, partners, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    RecipientResolution recipientResolution(PartnerDirectory partners, AuthorityDirectory authorities) {
        return new RecipientResolution(partners, authorities);
    }

    /** Checked against the disclosure policy (the case record's confidential parts) when one is defined. */
    @Bean
    @ConditionalOnMissingBean
    Submission submission(ConnectorIdentity identity, RecipientResolution recipients, ServiceCatalogue catalogue,
                          MessageStore store, PayloadStore payloads, MessageBus bus, SecurityEvents security,
                          Clock clock, ConnectorProperties connector, ObjectProvider<DisclosurePolicy> disclosure) {
        return new Submission(identity, recipients, catalogue, store, payloads, bus, security, clock,
                connector.payloadLimits(), disclosure.getIfAvailable(() -> DisclosurePolicy.NONE));
    }

    @Bean
    @ConditionalOnMissingBean
    OutboundPreparation outboundPreparation(MessageStore store, PartnerDirectory partners, EvidenceIssuer issuer,
                                            ContainerPacker containers, ServiceCatalogue catalogue,
                                            DocumentChecker documents, SecurityEvents security, Clock clock) {
        return new OutboundPreparation(store, partners, issuer, containers, catalogue, documents, security, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    Dispatch dispatch(MessageStore store, PartnerDirectory partners, GatewayLink gateway, EvidenceIssuer issuer,
                      PartnerHolds holds, Clock clock) {
        return new Dispatch(store, partners, gateway, issuer, holds, clock);
    }

    /** The partners an operator holds for their maintenance, kept as a setting for a restart and the replicas. */
    @Bean
    @ConditionalOnMissingBean
    PartnerHolds partnerHolds(SettingStore settings, Clock clock) {
        return new PartnerHolds(settings, clock);
    }

    /** An operator's resend of a message whose send failed. */
    @Bean
    @ConditionalOnMissingBean
    Resend resend(MessageStore store, MessageBus bus, Clock clock) {
        return new Resend(store, bus, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    InboundReception inboundReception(MessageStore store, PayloadStore payloads, PartnerDirectory partners,
                                      ServiceCatalogue services, MessageBus bus, SecurityEvents security, Clock clock,
                                      ConnectorProperties connector) {
        return new InboundReception(store, payloads, partners, services, bus, security, clock,
                connector.payloadLimits());
    }

    @Bean
    @ConditionalOnMissingBean
    InboundAcceptance inboundAcceptance(MessageStore store, PartnerDirectory partners, EvidenceVerifier verifier,
                                        EvidenceIssuer issuer, ContainerPacker containers, SecurityEvents security,
                                        Clock clock) {
        return new InboundAcceptance(store, partners, verifier, issuer, containers, security, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    BackendDelivery backendDelivery(MessageStore store, BackendRouter router, BackendLink link,
                                    EvidenceIssuer issuer, Clock clock) {
        return new BackendDelivery(store, router, link, issuer, clock);
    }

    /**
     * Each back-end is offered its messages through the API that pushes to it (each back-end API contributes a
     * {@link PushDelivery}); the others fetch them.
     */
    @Bean
    @ConditionalOnMissingBean
    BackendLink backendLink(ObjectProvider<PushDelivery> pushes) {
        return BackendLink.routed(pushes.orderedStream().toList());
    }

    /** The certificate each back-end proves itself with, on every API ({@code lexbridge.backend-identity}). */
    @Bean
    @ConditionalOnMissingBean
    BackendCertificates backendCertificates(BackendIdentityProperties identities) {
        Map<String, X509Certificate> certificates = new LinkedHashMap<>();
        identities.certificates().forEach((name, file) -> certificates.put(name, KeyStores.readCertificate(file)));
        return BackendCertificates.of(certificates);
    }

    @Bean
    @ConditionalOnMissingBean
    EvidenceCorrelation evidenceCorrelation(MessageStore store, PartnerDirectory partners,
                                            EvidenceVerifier verifier, SecurityEvents security, Clock clock) {
        return new EvidenceCorrelation(store, partners, verifier, security, clock);
    }

    /** Evidences about the back-ends' outbound messages, from the outbox to the back-end of each message. */
    @Bean
    @ConditionalOnMissingBean
    EvidenceForwarding evidenceForwarding(MessageStore store, MessageEvents events, MessageBus bus, BackendLink link,
                                          Clock clock) {
        return new EvidenceForwarding(store, events, bus, link, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    BackendInbox backendInbox(MessageStore store, PayloadStore payloads, EvidenceIssuer issuer, MessageBus bus,
                              Clock clock, RouteProperties routes) {
        return new BackendInbox(store, payloads, issuer, bus, clock, routes.fetchLease());
    }

    @Bean
    @ConditionalOnMissingBean
    StalledWork stalledWork(MessageStore store, MessageBus bus, OutboundPreparation preparation, Dispatch dispatch,
                            Clock clock, RouteProperties routes) {
        return new StalledWork(store, bus, preparation, dispatch, clock, routes.stalledAfter(), routes.maxRequeues());
    }

    /** How long a send is tried, per partner: {@code lexbridge.evidence.relay-timeout} and {@code relay-timeouts}. */
    @Bean
    @ConditionalOnMissingBean
    RelayTimeout relayTimeout(EvidenceProperties evidence, PartnerDirectory partners, MessageStore store,
                              ObjectProvider<NetworkProperties> network) {
        NetworkProperties configured = network.getIfAvailable();
        if (configured != null) {
            var names = configured.partners().stream().map(NetworkProperties.PartnerEntry::name).toList();
            evidence.relayTimeouts().keySet().stream().filter(name -> !names.contains(name)).forEach(name -> LOG.warn(
                    "lexbridge.evidence.relay-timeouts.{} names no partner of lexbridge.network.partners; it applies "
                            + "once a partner of that name is added", LogSafe.of(name)));
        }
        return new RelayTimeout(evidence.relayTimeout(), evidence.relayTimeouts(), partners, store);
    }

    @Bean
    @ConditionalOnMissingBean
    SendRetries sendRetries(MessageStore store, Dispatch dispatch, RelayTimeout relay, Clock clock) {
        return new SendRetries(store, dispatch, relay, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    EvidenceTimeouts evidenceTimeouts(MessageStore store, EvidenceIssuer issuer, Clock clock, RelayTimeout relay,
                                      EvidenceProperties evidence) {
        return new EvidenceTimeouts(store, issuer, clock, relay, new EvidenceTimeouts.Limits(
                evidence.deliveryTimeout(), evidence.retrievalTimeout()));
    }
}
