package eu.lexbridge.app.directory;

import eu.lexbridge.app.config.BackendRoutingProperties;
import eu.lexbridge.app.config.ConnectorProperties;
import eu.lexbridge.app.config.NetworkProperties;
import eu.lexbridge.core.flow.ServiceCatalogue;
import eu.lexbridge.core.message.BusinessService;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.port.BackendRouter;
import eu.lexbridge.core.port.GatewayLink;
import eu.lexbridge.core.port.PartnerDirectory;
import eu.lexbridge.core.transport.Partner;
import eu.lexbridge.directory.partner.SharedPartners;
import eu.lexbridge.directory.routing.BackendRules;
import eu.lexbridge.directory.routing.RoutingRule;
import eu.lexbridge.directory.routing.RuleBackendRouter;
import eu.lexbridge.directory.routing.RuleSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import eu.lexbridge.trust.keys.KeyStores;
import java.util.stream.Collectors;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import eu.lexbridge.core.port.SettingStore;
import eu.lexbridge.core.port.PushDelivery;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Who is who: the partners and services from {@code lexbridge.network}, and the back-end of inbound messages from
 * {@code lexbridge.backend-routing}.
 */
@AutoConfiguration
@EnableConfigurationProperties({ConnectorProperties.class, NetworkProperties.class, BackendRoutingProperties.class})
public class DirectoryAutoConfiguration {

    /** The push API whose calls carry links, not payloads (backend-rest's webhooks). */
    private static final String ARCHIVE_UNFIT = "REST webhook";

    @Bean
    @ConditionalOnMissingBean
    ServiceCatalogue serviceCatalogue(NetworkProperties network) {
        return new ServiceCatalogue(network.services().stream()
                .map(s -> new ServiceCatalogue.Entry(new BusinessService(s.service(), s.serviceType()), s.action(),
                        s.documentPolicy()))
                .collect(Collectors.toSet()));
    }

    /**
     * The configured partners, as operators change them at run time (kept in the database when there is one).
     * Certificates are read here, once: a bad file stops the start rather than the first message.
     */
    @Bean
    @ConditionalOnMissingBean(PartnerDirectory.class)
    SharedPartners partnerDirectory(NetworkProperties network, ObjectProvider<SettingStore> store,
                                    ObjectProvider<Clock> clock) {
        return new SharedPartners(network.partners().stream()
                .map(entry -> new Partner(entry.name(), new Party(entry.partyId(), entry.partyIdType(), entry.role()),
                        entry.endpoint(), KeyStores.readCertificate(entry.certificate()),
                        entry.sealCertificate() == null ? null : KeyStores.readCertificate(entry.sealCertificate()),
                        entry.containerSealCertificate() == null ? null
                                : KeyStores.readCertificate(entry.containerSealCertificate()),
                        Set.of(), entry.profile(), entry.encryptionCertificate() == null ? null
                                : KeyStores.readCertificate(entry.encryptionCertificate())))
                .toList(), store.getIfAvailable(), clock.getIfAvailable(Clock::systemUTC), network.allowPlainHttp());
    }

    /** The partners in force, added, changed and retired at run time on the management port (operators only). */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint
    @ConditionalOnBean(SharedPartners.class)
    PartnersEndpoint partnersEndpoint(SharedPartners partners, ObjectProvider<Clock> clock,
                                      ObjectProvider<GatewayLink> gateway) {
        return new PartnersEndpoint(partners, clock.getIfAvailable(Clock::systemUTC), gateway.getIfAvailable());
    }

    /**
     * The rules in force; one bean, so that whoever changes them at run time (the operations API) changes what the
     * router reads. A rule that does not parse stops the start with its key and column.
     */
    @Bean
    @ConditionalOnMissingBean
    BackendRules backendRules(BackendRoutingProperties routing) {
        List<RoutingRule> rules = new ArrayList<>();
        for (int i = 0; i < routing.rules().size(); i++) {
            var entry = routing.rules().get(i);
            String key = "lexbridge.backend-routing.rules[" + i + "]";
            String backendProblem = RoutingRule.backendProblem(entry.backend());
            if (backendProblem != null) {
                throw new IllegalArgumentException(key + ".backend: " + backendProblem);
            }
            try {
                rules.add(RoutingRule.of(entry.backend(), entry.priority(), entry.condition()));
            } catch (RuleSyntaxException e) {
                // the sentence says all; the parser's exception would only repeat it without the key
                throw new IllegalArgumentException(key + ".condition does not parse at column " + e.column() + ": "
                        + e.reason());
            }
        }
        return new BackendRules(rules);
    }

    /**
     * Rules changed at run time, kept in the database (when there is one) so that a restart and the other replicas
     * route by them, until the configured rules change.
     */
    @Bean
    @ConditionalOnMissingBean
    SharedBackendRules sharedBackendRules(BackendRules rules, ObjectProvider<SettingStore> store,
                                          ObjectProvider<Clock> clock) {
        return new SharedBackendRules(rules, store.getIfAvailable(), clock.getIfAvailable(Clock::systemUTC));
    }

    /** Without a setting store a look finds nothing and changes nothing. */
    @Bean
    SettingsRefresh settingsRefresh(SharedBackendRules shared, ObjectProvider<SharedPartners> partners,
                                    BackendRoutingProperties routing) {
        return new SettingsRefresh(shared, partners.getIfAvailable(), routing.refreshInterval());
    }

    /** The rules in force, read and replaced at run time on the management port (operators only). */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint
    BackendRulesEndpoint backendRulesEndpoint(SharedBackendRules shared) {
        return new BackendRulesEndpoint(shared);
    }

    @Bean
    @ConditionalOnMissingBean
    BackendRouter backendRouter(ConnectorProperties connector, BackendRoutingProperties routing, BackendRules rules,
                                ObjectProvider<PushDelivery> pushes) {
        String archive = routing.archiveBackend();
        if (archive != null && !archive.isEmpty()) {
            String problem = RoutingRule.backendProblem(archive);
            if (problem != null) {
                throw new IllegalArgumentException("lexbridge.backend-routing.archive-backend: " + problem);
            }
            // a pull back-end's inbox lists the messages routed to it, not copies: an archive that pulls gets nothing;
            // a webhook carries links to the payloads, which only the message's own back-end may follow
            PushDelivery push = pushes.orderedStream().filter(p -> p.links().containsKey(archive)).findFirst()
                    .orElse(null);
            if (push == null || push.api().equals(ARCHIVE_UNFIT)) {
                throw new IllegalArgumentException("lexbridge.backend-routing.archive-backend: back-end " + archive
                        + (push == null ? " has no push delivery" : " is pushed to by a REST webhook")
                        + ", and copies with their payloads reach only back-ends pushed to over SOAP (push-address) "
                        + "or JMS");
            }
        }
        return new RuleBackendRouter(rules, connector.defaultBackend(), archive);
    }
}
