package eu.lexbridge.app.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

class ExternalBrokerOnlyTest {

    private final ExternalBrokerOnly processor = new ExternalBrokerOnly();

    @Test
    void anExternalBrokerTurnsTheEmbeddedOneOff() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.artemis.mode", "native");
        processor.postProcessEnvironment(environment, null);
        assertThat(environment.getProperty(ExternalBrokerOnly.EMBEDDED_ENABLED)).isEqualTo("false");
    }

    @Test
    void anExplicitSettingWinsAndTheEmbeddedModeIsLeftAlone() {
        MockEnvironment explicit = new MockEnvironment().withProperty("spring.artemis.mode", "native")
                .withProperty(ExternalBrokerOnly.EMBEDDED_ENABLED, "true");
        processor.postProcessEnvironment(explicit, null);
        assertThat(explicit.getProperty(ExternalBrokerOnly.EMBEDDED_ENABLED)).isEqualTo("true");

        MockEnvironment embedded = new MockEnvironment().withProperty("spring.artemis.mode", "embedded");
        processor.postProcessEnvironment(embedded, null);
        assertThat(embedded.containsProperty(ExternalBrokerOnly.EMBEDDED_ENABLED)).isFalse();
    }

    /** The defect: Spring Boot's Artemis configuration starts an embedded server in native mode unless told not to. */
    @Test
    void withTheSettingSpringBootStartsNoEmbeddedServerInNativeMode() {
        var runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ArtemisAutoConfiguration.class))
                .withPropertyValues("spring.artemis.mode=native", "spring.artemis.broker-url=tcp://127.0.0.1:1");
        runner.run(context -> assertThat(context).hasSingleBean(EmbeddedActiveMQ.class));
        runner.withInitializer(context -> processor.postProcessEnvironment(context.getEnvironment(), null))
                .run(context -> assertThat(context).doesNotHaveBean(EmbeddedActiveMQ.class));
    }
}
