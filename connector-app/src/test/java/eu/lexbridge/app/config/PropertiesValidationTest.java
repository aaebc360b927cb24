package eu.lexbridge.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** A bad value stops the start with a sentence that names the key. */
class PropertiesValidationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ConnectorProperties.class, RouteProperties.class, EvidenceProperties.class,
            DocumentValidationProperties.class})
    static class Properties {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ConnectorProperties.class, As4Properties.class})
    static class As4 {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(NetworkProperties.class)
    static class Network {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(TracingProperties.class)
    static class Tracing {
    }

    private final ApplicationContextRunner tracingRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Tracing.class);

    private final ApplicationContextRunner networkRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Network.class)
            .withPropertyValues("lexbridge.network.partners[0].name=de", "lexbridge.network.partners[0].party-id=de",
                    "lexbridge.network.partners[0].endpoint=https://de.example/as4",
                    "lexbridge.network.partners[0].certificate=de.pem", "lexbridge.network.partners[1].name=fr",
                    "lexbridge.network.partners[1].party-id=fr", "lexbridge.network.partners[1].certificate=fr.pem",
                    "lexbridge.network.services[0].service=EPO", "lexbridge.network.services[0].action=Form_A");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Properties.class)
            .withPropertyValues("lexbridge.connector.party-id=at", "lexbridge.connector.ebms-id-domain=at.example",
                    "lexbridge.connector.default-backend=cms", "lexbridge.evidence.trust-store=trust.p12",
                    "lexbridge.evidence.trust-store-password=x", "lexbridge.evidence.seal.key-store=seal.p12",
                    "lexbridge.evidence.seal.key-store-password=x");

    private final ApplicationContextRunner as4Runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(As4.class)
            .withPropertyValues("lexbridge.connector.party-id=at", "lexbridge.connector.ebms-id-domain=at.example",
                    "lexbridge.connector.default-backend=cms", "lexbridge.as4.key-store=as4.p12",
                    "lexbridge.as4.key-store-password=x", "lexbridge.as4.trust-store=trust.p12",
                    "lexbridge.as4.trust-store-password=x", "lexbridge.as4.tls-trust-store=tls.p12",
                    "lexbridge.as4.tls-trust-store-password=x");

    @Test
    void theAs4RequestLimitDefaultsFromTheLargestMessageAndTheEnvelopeLimitToHalfAMegabyte() {
        as4Runner.withPropertyValues("lexbridge.connector.max-payload-size=10MB").run(context -> {
            assertThat(context).hasNotFailed();
            var limits = context.getBean(As4Properties.class)
                    .inboundLimits(context.getBean(ConnectorProperties.class).payloadLimits());
            // 2 payloads of 10 MB in a container, deflate's worst case, the container's frame, 16 MB beside it
            long container = 20L << 20;
            assertThat(limits.maxRequestBytes()).isEqualTo(container + (container >> 12) + (container >> 14)
                    + (container >> 25) + 13 + (1L << 20) + (16L << 20));
            assertThat(limits.maxEnvelopeBytes()).isEqualTo(512L << 10);
            assertThat(limits.maxConcurrentMessages()).isEqualTo(8);
            assertThat(limits.waitForTurn()).hasSeconds(60);
        });
    }

    @Test
    void anAs4EnvelopeLimitAboveTheRequestLimitNamesBothKeys() {
        as4Runner.withPropertyValues("lexbridge.as4.max-request-size=1MB", "lexbridge.as4.max-envelope-size=2MB")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.getBean(As4Properties.class)
                                    .inboundLimits(context.getBean(ConnectorProperties.class).payloadLimits()))
                            .hasMessageContaining("lexbridge.as4.max-envelope-size")
                            .hasMessageContaining("lexbridge.as4.max-request-size");
                });
    }

    @Test
    void noAs4ConcurrencyStopsTheStartNamingTheKey() {
        as4Runner.withPropertyValues("lexbridge.as4.max-concurrent-messages=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("lexbridge.as4")
                    .hasMessageContaining("maxConcurrentMessages");
        });
    }

    @Test
    void aZeroAs4RequestLimitStopsTheStartNamingTheKey() {
        as4Runner.withPropertyValues("lexbridge.as4.max-request-size=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("lexbridge.as4.max-request-size");
        });
    }

    @Test
    void validSettingsStart() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(RouteProperties.class).queueSettings().sendMaxDeliveryAttempts())
                    .as("2s doubling to 5m for 7 days, and 4 more").isBetween(2010, 2040);
            assertThat(context.getBean(ConnectorProperties.class).maxPayloadSize().toGigabytes()).isEqualTo(2);
            assertThat(context.getBean(ConnectorProperties.class).payloadLimits().maxMessageBytes())
                    .isEqualTo(4L << 30);
        });
    }

    @Test
    void anOutOfRangeValueNamesItsKey() {
        runner.withPropertyValues("lexbridge.routes.max-prepare-attempts=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("lexbridge.routes")
                    .hasMessageContaining("maxPrepareAttempts");
        });
    }

    @Test
    void aMissingRequiredValueNamesItsKey() {
        // Only this value missing: with several groups failing, which one start-up names first depends on the order
        // Spring Boot registers them in (a hash set), and the test would depend on it.
        runner.withPropertyValues("lexbridge.connector.ebms-id-domain=").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("lexbridge.connector")
                    .hasMessageContaining("ebmsIdDomain");
        });
    }

    @Test
    void aDomainWithSpacesIsRefused() {
        runner.withPropertyValues("lexbridge.connector.ebms-id-domain=not a domain").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("must be a domain name");
        });
    }

    @Test
    void aSealKeyFromBothAFileAndATokenIsRefusedNamingBoth() {
        runner.withPropertyValues("lexbridge.evidence.seal.pkcs11.library=/usr/lib/softhsm/libsofthsm2.so",
                "lexbridge.evidence.seal.pkcs11.slot=index:0", "lexbridge.evidence.seal.pkcs11.pin=1234").run(c -> {
                    assertThat(c).hasFailed();
                    assertThat(c.getStartupFailure()).rootCause().hasMessageContaining("lexbridge.evidence")
                            .hasMessageContaining("key-store").hasMessageContaining("pkcs11");
                });
    }

    @Test
    void aSealKeyFromATokenAloneIsAccepted() {
        runner.withPropertyValues("lexbridge.evidence.seal.key-store=", "lexbridge.evidence.seal.key-store-password=",
                "lexbridge.evidence.seal.pkcs11.library=/usr/lib/softhsm/libsofthsm2.so",
                "lexbridge.evidence.seal.pkcs11.slot=index:0", "lexbridge.evidence.seal.pkcs11.pin=1234").run(c -> {
                    assertThat(c).hasNotFailed();
                    var seal = c.getBean(EvidenceProperties.class).seal();
                    assertThat(seal.pkcs11().slot()).isEqualTo("index:0");
                    assertThat(seal.toString()).doesNotContain("1234");
                });
    }

    @Test
    void trustedListsNeedAFetchableLocationAndASigner() {
        runner.withPropertyValues("lexbridge.document-validation.trusted-lists.lotl-url=ldap://lists.example/lotl")
                .run(c -> {
                    assertThat(c).hasFailed();
                    assertThat(c.getStartupFailure()).rootCause()
                            .hasMessageContaining("lexbridge.document-validation")
                            .hasMessageContaining("lotl-url must be an https:, http: or file: URL")
                            .hasMessageContaining("lotlSigners");
                });
    }

    /** eDelivery AS4 requires TLS: a plain-HTTP partner stops the start, naming the key and the test-only switch. */
    @Test
    void aPlainHttpPartnerEndpointStopsTheStartNamingTheKey() {
        networkRunner.withPropertyValues("lexbridge.network.partners[1].endpoint=http://fr.example/as4").run(c -> {
            assertThat(c).hasFailed();
            assertThat(c.getStartupFailure()).rootCause()
                    .hasMessageContaining("lexbridge.network.partners[1].endpoint must be an https: URL")
                    .hasMessageContaining("http://fr.example/as4")
                    .hasMessageContaining("lexbridge.network.allow-plain-http=true");
        });
        networkRunner.withPropertyValues("lexbridge.network.partners[1].endpoint=ftp://fr.example/as4").run(c ->
                assertThat(c.getStartupFailure()).rootCause().hasMessageContaining("partners[1].endpoint"));
    }

    @Test
    void plainHttpIsAllowedOnlyByTheExplicitTestSwitch() {
        networkRunner.withPropertyValues("lexbridge.network.partners[1].endpoint=http://127.0.0.1:8080/as4",
                "lexbridge.network.allow-plain-http=true").run(c -> {
                    assertThat(c).hasNotFailed();
                    assertThat(c.getBean(NetworkProperties.class).partners().get(1).endpoint().getScheme())
                            .isEqualTo("http");
                });
        networkRunner.withPropertyValues("lexbridge.network.partners[1].endpoint=https://fr.example/as4")
                .run(c -> assertThat(c).hasNotFailed());
    }

    /** Tracing is off by default and needs nothing then; switched on, it needs the collector's address. */
    @Test
    void tracingOnWithoutACollectorOrWithABadShareStopsTheStartNamingTheKey() {
        tracingRunner.run(c -> {
            assertThat(c).hasNotFailed();
            assertThat(c.getBean(TracingProperties.class).enabled()).isFalse();
            assertThat(c.getBean(TracingProperties.class).samplingProbability()).isEqualTo(1.0);
        });
        tracingRunner.withPropertyValues("lexbridge.tracing.enabled=true").run(c -> {
            assertThat(c).hasFailed();
            assertThat(c.getStartupFailure()).rootCause()
                    .hasMessageContaining("lexbridge.tracing.endpoint must be the collector's http:// or https://");
        });
        tracingRunner.withPropertyValues("lexbridge.tracing.enabled=true", "lexbridge.tracing.endpoint=collector:4318")
                .run(c -> assertThat(c.getStartupFailure()).rootCause().hasMessageContaining("lexbridge.tracing.endpoint"));
        tracingRunner.withPropertyValues("lexbridge.tracing.enabled=true",
                "lexbridge.tracing.endpoint=http://127.0.0.1:4318/v1/traces", "lexbridge.tracing.sampling-probability=1.5")
                .run(c -> assertThat(c.getStartupFailure()).rootCause()
                        .hasMessageContaining("lexbridge.tracing.sampling-probability"));
        tracingRunner.withPropertyValues("lexbridge.tracing.enabled=true",
                "lexbridge.tracing.endpoint=https://collector.example:4318/v1/traces",
                "lexbridge.tracing.sampling-probability=0.25").run(c -> assertThat(c).hasNotFailed());
    }
}
