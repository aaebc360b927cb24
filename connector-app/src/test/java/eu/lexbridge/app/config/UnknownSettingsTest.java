package eu.lexbridge.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Issue 15 item 5: a {@code lexbridge.*} key nothing reads stops the start with its name and the key meant (or, for a
 * removed key, what replaced it), where Spring Boot alone would ignore it; keys below lists and maps are checked
 * against the records they hold; system properties are not checked.
 */
class UnknownSettingsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SettingsCheckAutoConfiguration.class));

    private String refusal(String... properties) {
        String[] refused = new String[1];
        runner.withPropertyValues(properties).run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            while (failure != null && !(failure instanceof UnknownSettingException)) {
                failure = failure.getCause();
            }
            assertThat(failure).as("the refusal").isInstanceOf(UnknownSettingException.class);
            FailureAnalysis analysis = new UnknownSettingFailureAnalyzer().analyze(failure);
            assertThat(analysis.getAction()).contains("docs/configuration.md");
            refused[0] = analysis.getDescription();
        });
        return refused[0];
    }

    @Test
    void aMisspeltKeyIsNamedWithTheKeyMeant() {
        assertThat(refusal("lexbridge.routes.max-retry-dealy=10s")).isEqualTo(
                "lexbridge.routes.max-retry-dealy is not a LexBridge setting: did you mean "
                        + "lexbridge.routes.max-retry-delay?");
    }

    @Test
    void aRemovedKeySaysWhatReplacedIt() {
        assertThat(refusal("lexbridge.routes.max-send-attempts=20")).isEqualTo(
                "lexbridge.routes.max-send-attempts is not a LexBridge setting: removed: a send is tried again until "
                        + "its relay timeout (lexbridge.evidence.relay-timeout, "
                        + "lexbridge.evidence.relay-timeouts.<partner>)");
    }

    @Test
    void keysBelowListsAndMapsAreCheckedAgainstTheRecordsTheyHold() {
        assertThat(refusal("lexbridge.rest.backends.court-a.tokn-sha256=ab",
                "lexbridge.network.partners[0].endpiont=https://x", "lexbridge.nothing-at-all=1"))
                .contains("lexbridge.rest.backends.court-a.tokn-sha256 is not a LexBridge setting")
                .contains("lexbridge.network.partners[0].endpiont is not a LexBridge setting: did you mean")
                .contains("lexbridge.nothing-at-all is not a LexBridge setting: no such key");
        assertThat(refusal("lexbridge.routes.first-retry-delay.seconds=2")).as("below a plain value")
                .contains("lexbridge.routes.first-retry-delay.seconds");
    }

    @Test
    void everyKindOfKeyARealConfigurationHasIsKnown() {
        runner.withPropertyValues("lexbridge.routes.max-retry-delay=10s",
                "lexbridge.rest.backends.court-a.token-sha256=ab",
                "lexbridge.rest.backends.court-b.webhook.url=https://court-b.example/hooks",
                "lexbridge.network.partners[0].name=de-court", "lexbridge.network.partners[0].endpoint=https://x",
                "lexbridge.case-record.holidays.AT=2026-12-07", "lexbridge.case-record.holidays.DE[0]=2026-10-03",
                "lexbridge.case-record.steps[0].flags.EMERGENCY=Emergency",
                "lexbridge.evidence.relay-timeouts.de-court=48h", "lexbridge.evidence.seal.key-store=/k.p12",
                "lexbridge.management.allowed-hosts=a,b", "lexbridge.management.users[0].role=VIEWER")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void systemPropertiesAreNotChecked() {
        runner.withSystemProperties("lexbridge.jar=/opt/lexbridge/lexbridge.jar")
                .run(context -> assertThat(context).hasNotFailed());
    }
}
