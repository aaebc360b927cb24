package eu.lexbridge.app.directory;

import eu.lexbridge.app.config.ConnectorProperties;
import eu.lexbridge.app.config.NetworkProperties;
import eu.lexbridge.core.flow.ServiceCatalogue;
import eu.lexbridge.core.message.BusinessService;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.port.BackendRouter;
import eu.lexbridge.core.port.PartnerDirectory;
import eu.lexbridge.core.transport.Partner;
import eu.lexbridge.directory.ConfiguredPartnerDirectory;
import eu.lexbridge.directory.DefaultBackendRouter;
import eu.lexbridge.trust.keys.KeyStores;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Who is who: the partners and services from {@code lexbridge.network}, and the back-end of inbound messages. */
@AutoConfiguration
@EnableConfigurationProperties({ConnectorProperties.class, NetworkProperties.class})
public class DirectoryAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ServiceCatalogue serviceCatalogue(NetworkProperties network) {
        return new ServiceCatalogue(network.services().stream()
                .map(s -> new ServiceCatalogue.Entry(new BusinessService(s.service(), s.serviceType()), s.action(),
                        s.documentPolicy()))
                .collect(Collectors.toSet()));
    }

    /** Certificates are read here, once: a bad file stops the start rather than the first message. */
    @Bean
    @ConditionalOnMissingBean
    PartnerDirectory partnerDirectory(NetworkProperties network) {
        return new ConfiguredPartnerDirectory(network.partners().stream()
                .map(entry -> new Partner(entry.name(), new Party(entry.partyId(), entry.partyIdType(), entry.role()),
                        entry.endpoint(), KeyStores.readCertificate(entry.certificate())))
                .toList());
    }

    @Bean
    @ConditionalOnMissingBean
    BackendRouter backendRouter(ConnectorProperties connector) {
        return new DefaultBackendRouter(connector.defaultBackend());
    }
}
