package eu.lexbridge.directory.routing;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.message.ConnectorMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleBackendRouterTest {

    private final ConnectorMessage message = RuleFieldTest.message(); // EPO, action A, eurojust::desk-at

    @Test
    void theRulesDecideAndTheDefaultTakesTheRest() {
        var rules = new BackendRules(BackendRules.parse("eurojust 1 startswith(FinalRecipient, 'eurojust::')"));
        var router = new RuleBackendRouter(rules, "case-system", null);

        assertThat(router.backendFor(message)).isEqualTo("eurojust");
        assertThat(router.backendFor(message.toBuilder().finalRecipient("court::1").build()))
                .isEqualTo("case-system");
        assertThat(router.copiesFor(message)).isEmpty();
    }

    /** Rules replaced while running route the next message; the router holds the same rules object. */
    @Test
    void replacedRulesRouteTheNextMessage() {
        var rules = BackendRules.none();
        var router = new RuleBackendRouter(rules, "case-system", null);
        assertThat(router.backendFor(message)).isEqualTo("case-system");

        router.rules().replace("eppo 1 equals(ServiceName, 'EPO')");

        assertThat(router.backendFor(message)).isEqualTo("eppo");
    }

    @Test
    void theArchiveGetsACopyOfEveryMessage() {
        var router = new RuleBackendRouter(BackendRules.none(), "case-system", "archive");

        assertThat(router.copiesFor(message)).isEqualTo(List.of("archive"));
        assertThat(router.copiesFor(message.toBuilder().action("other").build())).isEqualTo(List.of("archive"));
    }
}
