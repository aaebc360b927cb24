package eu.lexbridge.app.gateway;

import eu.lexbridge.app.config.As4Properties;
import eu.lexbridge.app.config.ConnectorProperties;
import eu.lexbridge.core.flow.ConnectorIdentity;
import eu.lexbridge.core.port.GatewayLink;
import eu.lexbridge.core.port.PartnerDirectory;
import eu.lexbridge.core.port.PayloadStore;
import eu.lexbridge.core.port.SecurityEvents;
import eu.lexbridge.core.port.TransmissionReceiver;
import eu.lexbridge.core.transport.As4Profile;
import eu.lexbridge.directory.partner.SharedPartners;
import eu.lexbridge.gateway.as4.As4ReceivingServlet;
import eu.lexbridge.gateway.as4.As4Runtime;
import eu.lexbridge.gateway.as4.As4Settings;
import eu.lexbridge.gateway.as4.EmbeddedAccessPoint;
import eu.lexbridge.gateway.as4.OutgoingRequestHeaders;
import eu.lexbridge.trust.keys.KeyStores;
import jakarta.servlet.ServletContext;
import java.security.KeyStore;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The embedded AS4 access point: the receiving servlet inside this app and the sender beside it. The default gateway;
 * off with {@code lexbridge.gateway.kind: domibus} ({@link DomibusGatewayAutoConfiguration}).
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "lexbridge.gateway", name = "kind", havingValue = "embedded", matchIfMissing = true)
@EnableConfigurationProperties({ConnectorProperties.class, As4Properties.class})
public class As4GatewayAutoConfiguration {

    @Bean
    As4Settings as4Settings(ConnectorIdentity identity, As4Properties as4, ConnectorProperties connector) {
        As4Settings settings = new As4Settings(identity.home(), connector.ebmsIdDomain(),
                connector.dataDirectory().resolve("as4"),
                KeyStores.loadPkcs12(as4.keyStore(), as4.keyStorePassword()), as4.keyAlias(),
                as4.effectiveKeyPassword(),
                KeyStores.loadPkcs12(as4.trustStore(), as4.trustStorePassword()),
                KeyStores.loadPkcs12(as4.tlsTrustStore(), as4.tlsTrustStorePassword()),
                as4.connectTimeout(), as4.responseTimeout(), as4.maxConnectionsPerRoute());
        As4Properties.Edelivery2 edelivery2 = as4.edelivery2();
        if (edelivery2 == null) {
            return settings;
        }
        KeyStore keys = KeyStores.loadPkcs12(edelivery2.keyStore(), edelivery2.keyStorePassword());
        try {
            settings = settings.withEdelivery2Keys(As4Profile.EDELIVERY_2_EDDSA, new As4Settings.Edelivery2Keys(keys,
                    edelivery2.signingAlias(), edelivery2.decryptionAlias(), edelivery2.effectiveKeyPassword()));
            if (edelivery2.ecOption()) {
                settings = settings.withEdelivery2Keys(As4Profile.EDELIVERY_2_ECDSA, new As4Settings.Edelivery2Keys(
                        keys, edelivery2.ecSigningAlias(), edelivery2.ecDecryptionAlias(),
                        edelivery2.effectiveKeyPassword()));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("lexbridge.as4.edelivery2 (" + edelivery2.keyStore() + "): "
                    + e.getMessage(), e);
        }
        return settings;
    }

    /** phase4 keeps process-wide state; it needs the servlet context, which exists while servlets are registered. */
    @Bean(destroyMethod = "close")
    As4Runtime as4Runtime(ServletContext servletContext, As4Settings settings) {
        return As4Runtime.start(servletContext, settings);
    }

    @Bean
    ServletRegistrationBean<As4ReceivingServlet> as4ReceivingServlet(As4Runtime runtime, As4Settings settings,
                                                                      PartnerDirectory partners,
                                                                      TransmissionReceiver receiver,
                                                                      As4Properties as4,
                                                                      ConnectorProperties connector,
                                                                      SecurityEvents security) {
        var registration = new ServletRegistrationBean<>(new As4ReceivingServlet(settings, partners, receiver,
                security, as4.inboundLimits(connector.payloadLimits())),
                as4.path());
        registration.setName("as4");
        registration.setLoadOnStartup(1);
        return registration;
    }

    /**
     * The partners in force at start must each fit the AS4 profile they are configured for (our keys of it, their
     * certificates' key types): one that does not stops the start, naming it, rather than its first message.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(GatewayLink.class)
    EmbeddedAccessPoint embeddedAccessPoint(As4Runtime runtime, As4Settings settings, PayloadStore payloads,
                                            ObjectProvider<OutgoingRequestHeaders> extraHeaders,
                                            ObjectProvider<SharedPartners> partners) {
        SharedPartners inForce = partners.getIfAvailable();
        return new EmbeddedAccessPoint(settings, payloads, extraHeaders.getIfAvailable(() -> OutgoingRequestHeaders.NONE),
                inForce == null ? List.of() : inForce.all());
    }
}
