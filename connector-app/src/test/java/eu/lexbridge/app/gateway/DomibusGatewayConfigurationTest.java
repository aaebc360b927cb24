package eu.lexbridge.app.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.app.RepeatingTask;
import eu.lexbridge.app.config.GatewayProperties;
import eu.lexbridge.core.port.GatewayLink;
import eu.lexbridge.core.port.GatewayOutcomes;
import eu.lexbridge.core.port.PayloadStore;
import eu.lexbridge.core.port.SecurityEvents;
import eu.lexbridge.core.port.TransmissionReceiver;
import eu.lexbridge.core.testkit.InMemoryPayloadStore;
import eu.lexbridge.core.transport.ReceptionOutcome;
import eu.lexbridge.gateway.as4.As4Settings;
import eu.lexbridge.gateway.domibus.DomibusGateway;
import eu.lexbridge.gateway.domibus.PushedNotifications;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.jaxws.EndpointImpl;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code lexbridge.gateway.kind} picks the access point: Domibus's beans with {@code domibus}, and the embedded access
 * point's are off then; bad Domibus settings stop the start with a sentence naming the key.
 */
class DomibusGatewayConfigurationTest {

    @TempDir
    Path directory;

    /** What the rest of the application provides: the core's ports and CXF's bus. */
    @Configuration(proxyBeanMethods = false)
    static class Connector {

        @Bean(destroyMethod = "shutdown")
        Bus cxf() {
            return BusFactory.newInstance().createBus();
        }

        @Bean
        PayloadStore payloads() {
            return new InMemoryPayloadStore();
        }

        @Bean
        TransmissionReceiver receiver() {
            return (envelope, parts, signer) -> ReceptionOutcome.ACCEPTED;
        }

        @Bean
        GatewayOutcomes outcomes() {
            return new GatewayOutcomes() {
                @Override
                public Effect sent(String ebmsMessageId, String detail) {
                    return Effect.IGNORED;
                }

                @Override
                public Effect failed(String ebmsMessageId, Supplier<String> detail) {
                    return Effect.IGNORED;
                }
            };
        }

        @Bean
        SecurityEvents security() {
            return SecurityEvents.logOnly();
        }
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class,
                        As4GatewayAutoConfiguration.class, DomibusGatewayAutoConfiguration.class))
                .withUserConfiguration(Connector.class)
                .withPropertyValues("lexbridge.connector.party-id=at", "lexbridge.connector.ebms-id-domain=at.example",
                        "lexbridge.connector.default-backend=cms", "lexbridge.connector.data-directory=" + directory);
    }

    private ApplicationContextRunner domibus(String... more) {
        return runner().withPropertyValues("lexbridge.gateway.kind=domibus",
                        "lexbridge.gateway.domibus.url=http://127.0.0.1:9/domibus/services/wsplugin",
                        "lexbridge.gateway.domibus.username=lexbridge", "lexbridge.gateway.domibus.password=secret",
                        "lexbridge.gateway.domibus.push-username=domibus",
                        "lexbridge.gateway.domibus.push-password=push-secret",
                        "lexbridge.gateway.domibus.pull-interval=1h")
                .withPropertyValues(more);
    }

    @Test
    void domibusGivesTheDomibusGatewayItsPushEndpointAndThePullAndNoEmbeddedAccessPoint() {
        domibus().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(GatewayLink.class)).isInstanceOf(DomibusGateway.class);
            assertThat(context).hasSingleBean(PushedNotifications.class).hasSingleBean(RepeatingTask.class);
            assertThat(context.getBean(EndpointImpl.class).getAddress()).isEqualTo("/domibus-push");
            assertThat(context).doesNotHaveBean(As4Settings.class);
            assertThat(context.getBean(GatewayProperties.class).kind()).isEqualTo(GatewayProperties.Kind.DOMIBUS);
        });
    }

    @Test
    void anUnreachableDomibusIsAHealthFailureThatSaysWhatToCheckAskedAtMostEveryHalfMinute() {
        domibus().run(context -> {
            HealthIndicator health = context.getBean("domibusHealthIndicator", HealthIndicator.class);

            Health first = health.health();

            assertThat(first.getStatus()).isEqualTo(Status.DOWN);
            assertThat(first.getDetails()).containsEntry("address", "http://127.0.0.1:9/domibus/services/wsplugin")
                    .containsEntry("problem", "connection refused")
                    .containsEntry("check", "that Domibus runs and that lexbridge.gateway.domibus.url is its WS "
                            + "plugin's address");
            assertThat(health.health()).as("the answer of the last half minute").isSameAs(first);
        });
    }

    @Test
    void theGaugeOfTheSameAnswerIsOneWhileDomibusAnswersAndZeroWhileItDoesNot() throws Exception {
        // a WS plugin that answers getStatus as Domibus does for a message it does not know
        HttpServer plugin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        plugin.createContext("/domibus/services/wsplugin", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] answer = ("<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\"><env:Body>"
                    + "<getStatusResponse xmlns=\"http://eu.domibus.wsplugin/\">NOT_FOUND</getStatusResponse>"
                    + "</env:Body></env:Envelope>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/soap+xml; charset=UTF-8");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        plugin.start();
        try {
            domibus("lexbridge.gateway.domibus.url=http://127.0.0.1:" + plugin.getAddress().getPort()
                    + "/domibus/services/wsplugin").withBean(SimpleMeterRegistry.class)
                    .run(context -> assertThat(reachable(context)).isEqualTo(1.0));
        } finally {
            plugin.stop(0);
        }
        domibus().withBean(SimpleMeterRegistry.class).run(context -> assertThat(reachable(context)).isZero());
    }

    private static double reachable(org.springframework.context.ApplicationContext context) {
        var gauge = context.getBean(SimpleMeterRegistry.class).find("lexbridge.gateway.reachable")
                .tag("kind", "domibus").gauge();
        assertThat(gauge).as("the gauge lexbridge.gateway.reachable{kind=domibus}").isNotNull();
        return gauge.value();
    }

    @Test
    void theEmbeddedAccessPointStaysTheDefault() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class,
                        DomibusGatewayAutoConfiguration.class))
                .withUserConfiguration(Connector.class)
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(GatewayLink.class)
                            .doesNotHaveBean(PushedNotifications.class);
                    assertThat(context.getBean(GatewayProperties.class).kind())
                            .isEqualTo(GatewayProperties.Kind.EMBEDDED);
                });
    }

    @Test
    void aMissingPushCredentialStopsTheStartNamingTheKey() {
        runner().withPropertyValues("lexbridge.gateway.kind=domibus",
                        "lexbridge.gateway.domibus.url=http://127.0.0.1:9/domibus/services/wsplugin")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("lexbridge.gateway.domibus")
                            .hasMessageContaining("pushUsername");
                });
    }

    @Test
    void anAddressThatIsNoHttpUrlStopsTheStartNamingTheKey() {
        domibus("lexbridge.gateway.domibus.url=ftp://ap.example/wsplugin").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("lexbridge.gateway.domibus.url must be an http or https URL");
        });
    }

    @Test
    void aPasswordIsNeverShown() {
        domibus().run(context -> assertThat(context.getBean(
                eu.lexbridge.app.config.DomibusProperties.class).toString()).doesNotContain("secret"));
    }
}
