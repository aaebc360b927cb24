package eu.lexbridge.tools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BrokerSettingsCommandTest {

    @Test
    void printsTheRoutesRetryPolicyAsBrokerSettings() {
        CliRun run = CliRun.of("broker-settings", "--lexbridge.routes.first-retry-delay=3s",
                "--lexbridge.routes.max-prepare-attempts=8");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("<redelivery-delay>3000</redelivery-delay>")
                .contains("<max-redelivery-delay>300000</max-redelivery-delay>") // the default 5m
                .contains("<max-delivery-attempts>12</max-delivery-attempts>")
                .contains("<queue name=\"lexbridge.outbound.dispatch\">")
                // the sends: kept going for 7 days (3 s doubling to 5 min), each ended by its relay timeout first
                .contains("<address-setting match=\"lexbridge.outbound.dispatch\">")
                .contains("<address-setting match=\"lexbridge.evidence.outbound\">")
                .contains("<max-delivery-attempts>2027</max-delivery-attempts>");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void anInvalidSettingIsRefusedWithTheKey() {
        CliRun run = CliRun.of("broker-settings", "--lexbridge.routes.max-prepare-attempts=0");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("lexbridge.routes.max-prepare-attempts: must be greater than or equal to 1")
                .doesNotContain("Exception").doesNotContain("APPLICATION FAILED");
    }
}
