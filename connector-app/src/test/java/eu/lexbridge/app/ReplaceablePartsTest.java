package eu.lexbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.app.directory.DirectoryAutoConfiguration;
import eu.lexbridge.app.security.CountedSecurityEvents;
import eu.lexbridge.app.security.SecurityEventsAutoConfiguration;
import eu.lexbridge.core.flow.ServiceCatalogue;
import eu.lexbridge.core.port.BackendRouter;
import eu.lexbridge.core.port.PartnerDirectory;
import eu.lexbridge.core.port.SecurityEvents;
import eu.lexbridge.directory.DefaultBackendRouter;
import eu.lexbridge.directory.partner.SharedPartners;
import eu.lexbridge.directory.routing.RuleBackendRouter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Any part can be replaced: an auto-configuration's port bean gives way to the application's own. */
class ReplaceablePartsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DirectoryAutoConfiguration.class,
                    SecurityEventsAutoConfiguration.class))
            .withBean(SimpleMeterRegistry.class)
            .withPropertyValues("lexbridge.connector.party-id=at", "lexbridge.connector.ebms-id-domain=at.example",
                    "lexbridge.connector.default-backend=cms",
                    // bound and validated whatever replaces the parts that read them (their files are not read here)
                    "lexbridge.network.partners[0].name=de-court", "lexbridge.network.partners[0].party-id=de",
                    "lexbridge.network.partners[0].endpoint=https://de.test/as4",
                    "lexbridge.network.partners[0].certificate=absent.crt",
                    "lexbridge.network.services[0].service=EEvidence", "lexbridge.network.services[0].action=EPOC");

    @Configuration(proxyBeanMethods = false)
    static class OwnParts {

        static final PartnerDirectory NOBODY = partyId -> Optional.empty();

        @Bean
        PartnerDirectory ownDirectory() {
            return NOBODY;
        }

        @Bean
        BackendRouter ownRouter() {
            return inbound -> "registry";
        }

        @Bean
        ServiceCatalogue ownCatalogue() {
            return new ServiceCatalogue(Set.of());
        }

        @Bean
        SecurityEvents ownSecurityEvents() {
            return (kind, detail) -> { };
        }
    }

    @Test
    void theApplicationsOwnPartsReplaceOurs() {
        runner.withUserConfiguration(OwnParts.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(PartnerDirectory.class)).isSameAs(OwnParts.NOBODY);
            assertThat(context).getBean(BackendRouter.class).isNotInstanceOf(DefaultBackendRouter.class);
            assertThat(context).hasSingleBean(SecurityEvents.class);
            assertThat(context).doesNotHaveBean(SharedPartners.class);
        });
    }

    @Test
    void withoutThemOursAreUsed() {
        runner.withBean(ServiceCatalogue.class, () -> new ServiceCatalogue(Set.of()))
                .withBean(PartnerDirectory.class, () -> OwnParts.NOBODY)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    // rules can be put in force at run time, so the router reads them even while there are none
                    assertThat(context.getBean(BackendRouter.class)).isInstanceOf(RuleBackendRouter.class);
                    assertThat(context.getBean(BackendRouter.class).backendFor(null)).isEqualTo("cms");
                    assertThat(context).getBean(SecurityEvents.class).isInstanceOf(CountedSecurityEvents.class);
                });
    }
}
