package eu.lexbridge.app.trust;

import eu.lexbridge.app.config.ConnectorProperties;
import eu.lexbridge.app.config.DocumentValidationProperties;
import eu.lexbridge.core.port.DocumentChecker;
import eu.lexbridge.core.port.PayloadStore;
import eu.lexbridge.routes.TrustedListRefreshRoute;
import eu.lexbridge.trust.document.DocumentValidator;
import eu.lexbridge.trust.document.TrustedListRefresh;
import eu.lexbridge.trust.document.ValidationSources;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.lists.TrustedListsLoader;
import eu.lexbridge.trust.port.DssDocumentChecker;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Business-document validation: trust anchors, revocation and, when configured, the trusted lists that decide
 * qualified status, refreshed on a schedule.
 */
@AutoConfiguration
@EnableConfigurationProperties(DocumentValidationProperties.class)
public class DocumentValidationAutoConfiguration {

    @Bean
    ValidationSources documentValidationSources(DocumentValidationProperties validation,
                                                PartnerTrustAnchors partners) {
        List<X509Certificate> anchors = validation.trustStore() != null
                ? KeyStores.certificates(KeyStores.loadPkcs12(validation.trustStore(), validation.trustStorePassword()))
                : partners.certificates();
        return ValidationSources.offline(anchors).withRevocation(validation.revocation())
                .withFetchTimeout(validation.fetchTimeout());
    }

    @Bean
    @ConditionalOnMissingBean
    DocumentChecker documentChecker(ValidationSources sources, ObjectProvider<TrustedListRefresh> trustedLists,
                                    DocumentValidationProperties validation, ConnectorProperties connector,
                                    PayloadStore payloads, Clock clock) {
        TrustedListRefresh refresh = trustedLists.getIfAvailable();
        Supplier<DocumentValidator> validator;
        if (refresh != null) {
            validator = refresh;
        } else {
            DocumentValidator fixed = new DocumentValidator(sources, validation.limits().toDocumentLimits(), clock);
            validator = () -> fixed;
        }
        return new DssDocumentChecker(validator, payloads, connector.dataDirectory().resolve("work"));
    }

    /** Only when a LOTL is configured: without trusted lists no signature is rated qualified. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "lexbridge.document-validation.trusted-lists", name = "lotl-url")
    static class TrustedLists {

        @Bean
        TrustedListRefresh trustedListRefresh(DocumentValidationProperties validation, ValidationSources sources,
                                              ConnectorProperties connector, Clock clock) {
            var lists = validation.trustedLists();
            List<X509Certificate> signers = lists.lotlSigners().stream().map(KeyStores::readCertificate).toList();
            var cache = lists.cacheDirectory() != null ? lists.cacheDirectory()
                    : connector.dataDirectory().resolve("trusted-lists");
            return new TrustedListRefresh(TrustedListsLoader.create(lists.lotlUrl(), signers, cache, clock), sources,
                    validation.limits().toDocumentLimits(), true, clock);
        }

        @Bean
        TrustedListRefreshRoute trustedListRefreshRoute(DocumentValidationProperties validation,
                                                        TrustedListRefresh refresh) {
            return new TrustedListRefreshRoute(validation.trustedLists().refreshInterval(), refresh::refresh);
        }

        /**
         * UP while lists are in use, even when the last refresh failed (its problems are shown); UNKNOWN when no list
         * was ever loaded. Never DOWN: messages still flow, only qualified checks cannot pass.
         */
        @Bean
        HealthIndicator trustedListsHealthIndicator(TrustedListRefresh refresh) {
            return () -> {
                var summary = refresh.summary();
                var inUseSince = refresh.lastAccepted();
                var health = inUseSince != null ? Health.up() : Health.status(Status.UNKNOWN);
                health.withDetail("lotl", summary.lotlLocation())
                        .withDetail("loadedAt", inUseSince == null ? "never" : inUseSince.toString())
                        .withDetail("lastRefresh", summary.loadedAt().toString())
                        .withDetail("lastRefreshAccepted", summary.accepted())
                        .withDetail("trustedListsInUse", summary.lists().stream()
                                .filter(l -> !l.listOfTrustedLists() && l.used()).count());
                if (!summary.problems().isEmpty()) {
                    health.withDetail("problems", summary.problems());
                }
                return health.build();
            };
        }
    }
}
