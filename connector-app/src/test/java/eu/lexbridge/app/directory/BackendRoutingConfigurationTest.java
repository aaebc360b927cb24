package eu.lexbridge.app.directory;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.app.security.SecurityEventsAutoConfiguration;
import eu.lexbridge.core.flow.ServiceCatalogue;
import eu.lexbridge.core.message.BusinessService;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.port.BackendLink;
import eu.lexbridge.core.port.BackendRouter;
import eu.lexbridge.core.port.PartnerDirectory;
import eu.lexbridge.core.port.PushDelivery;
import eu.lexbridge.directory.routing.BackendRules;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code lexbridge.backend-routing}: rules and the archive from configuration; a bad rule stops the start. */
class BackendRoutingConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DirectoryAutoConfiguration.class,
                    SecurityEventsAutoConfiguration.class))
            .withBean(SimpleMeterRegistry.class)
            .withBean(ServiceCatalogue.class, () -> new ServiceCatalogue(Set.of()))
            .withBean(PartnerDirectory.class, () -> partyId -> Optional.empty())
            .withPropertyValues("lexbridge.connector.party-id=at", "lexbridge.connector.ebms-id-domain=at.example",
                    "lexbridge.connector.default-backend=cms",
                    "lexbridge.network.partners[0].name=de-court", "lexbridge.network.partners[0].party-id=de",
                    "lexbridge.network.partners[0].endpoint=https://de.test/as4",
                    "lexbridge.network.partners[0].certificate=absent.crt",
                    "lexbridge.network.services[0].service=EEvidence", "lexbridge.network.services[0].action=EPOC");

    private static ConnectorMessage inbound(String finalRecipient) {
        return ConnectorMessage.builder().direction(Direction.INBOUND).ebmsMessageId("1@de.test")
                .conversationId("c").service(new BusinessService("EEvidence", "urn:e-codex:services:"))
                .action("EPOC").from(new Party("DE", "t", "GW")).to(new Party("AT", "t", "GW"))
                .finalRecipient(finalRecipient).createdAt(Instant.parse("2026-12-05T09:00:00Z")).build();
    }

    @Test
    void theRulesAndTheArchiveRouteInboundMessages() {
        runner.withPropertyValues(
                        "lexbridge.backend-routing.rules[0].backend=eurojust",
                        "lexbridge.backend-routing.rules[0].priority=20",
                        "lexbridge.backend-routing.rules[0].condition=startswith(FinalRecipient, 'eurojust::')",
                        "lexbridge.backend-routing.rules[1].backend=eppo",
                        "lexbridge.backend-routing.rules[1].condition=&(equals(ServiceName, 'EEvidence'), "
                                + "startswith(FinalRecipient, 'eppo::'))",
                        "lexbridge.backend-routing.archive-backend=archive")
                .withBean(PushDelivery.class, () -> new PushDelivery("SOAP",
                        Map.of("archive", BackendLink.heldForPull())))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    BackendRouter router = context.getBean(BackendRouter.class);
                    assertThat(router.backendFor(inbound("eurojust::desk-at"))).isEqualTo("eurojust");
                    assertThat(router.backendFor(inbound("eppo::office-vienna"))).isEqualTo("eppo");
                    assertThat(router.backendFor(inbound("court::graz"))).isEqualTo("cms");
                    assertThat(router.copiesFor(inbound("court::graz"))).isEqualTo(List.of("archive"));
                    assertThat(context.getBean(BackendRules.class).rules()).hasSize(2);
                });
    }

    /** The rules bean is the one the router reads: replacing them routes the next message by the new ones. */
    @Test
    void rulesReplacedAtRunTimeRouteTheNextMessage() {
        runner.run(context -> {
            BackendRouter router = context.getBean(BackendRouter.class);
            assertThat(router.backendFor(inbound("eppo::x"))).isEqualTo("cms");
            assertThat(router.copiesFor(inbound("eppo::x"))).isEmpty();

            context.getBean(BackendRules.class).replace("eppo 1 startswith(FinalRecipient, 'eppo::')");

            assertThat(router.backendFor(inbound("eppo::x"))).isEqualTo("eppo");
        });
    }

    @Test
    void aRuleThatDoesNotParseStopsTheStartNamingTheKeyAndTheColumn() {
        runner.withPropertyValues(
                        "lexbridge.backend-routing.rules[0].backend=eurojust",
                        "lexbridge.backend-routing.rules[0].condition=equals(Action, 'EPOC')",
                        "lexbridge.backend-routing.rules[1].backend=eppo",
                        "lexbridge.backend-routing.rules[1].condition=equals(Servicename, 'X') & equals(Sender, 'Y')")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("lexbridge.backend-routing.rules[1].condition does not parse at column 35: "
                                + "unknown field 'Sender'; a field is one of ServiceType, ServiceName, "
                                + "FinalRecipient, Action, FromPartyId, FromPartyRole, FromPartyIdType"));
    }

    @Test
    void aBackendNameWithASpaceStopsTheStart() {
        runner.withPropertyValues("lexbridge.backend-routing.archive-backend=the archive")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessage("lexbridge.backend-routing.archive-backend: the back-end name may not contain "
                                + "spaces or control characters"));
    }

    @Test
    void anArchiveThatPullsWouldGetNoCopyAndStopsTheStart() {
        runner.withPropertyValues("lexbridge.backend-routing.archive-backend=archive")
                .withBean(PushDelivery.class, () -> new PushDelivery("JMS", Map.of("cms", BackendLink.heldForPull())))
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessage("lexbridge.backend-routing.archive-backend: back-end archive has no push delivery, "
                                + "and copies with their payloads reach only back-ends pushed to over SOAP "
                                + "(push-address) or JMS"));
    }

    @Test
    void anArchiveOnAWebhookCouldNotFetchThePayloadsAndStopsTheStart() {
        runner.withPropertyValues("lexbridge.backend-routing.archive-backend=archive")
                .withBean(PushDelivery.class, () -> new PushDelivery("REST webhook",
                        Map.of("archive", BackendLink.heldForPull())))
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("back-end archive is pushed to by a REST webhook, and copies"));
    }
}
