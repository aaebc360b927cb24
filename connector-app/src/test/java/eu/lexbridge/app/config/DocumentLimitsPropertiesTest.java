package eu.lexbridge.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.trust.document.DocumentLimits;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The document-validation limits and the retry bounds: safe defaults, and a bad value stops the start naming it. */
class DocumentLimitsPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({RouteProperties.class, DocumentValidationProperties.class})
    static class Properties {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Properties.class);

    @Test
    void theDefaultsAreTheValidatorsDefaults() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(DocumentValidationProperties.class).limits().toDocumentLimits())
                    .isEqualTo(DocumentLimits.DEFAULTS);
            assertThat(context.getBean(RouteProperties.class).maxPrepareAttempts()).isEqualTo(3);
            assertThat(context.getBean(RouteProperties.class).maxRequeues()).isEqualTo(3);
        });
    }

    @Test
    void limitsAreSetInUnits() {
        runner.withPropertyValues("lexbridge.document-validation.limits.max-size=10MB",
                "lexbridge.document-validation.limits.timeout=2m").run(context -> {
                    var limits = context.getBean(DocumentValidationProperties.class).limits().toDocumentLimits();
                    assertThat(limits.maxSize()).isEqualTo(10L * 1024 * 1024);
                    assertThat(limits.timeout()).hasMinutes(2);
                });
    }

    @Test
    void aTimeoutOfNothingStopsTheStartNamingTheKey() {
        runner.withPropertyValues("lexbridge.document-validation.limits.timeout=0s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("lexbridge.document-validation.limits")
                    .hasMessageContaining("timeout must be between 1 second and 30 minutes");
        });
    }

    @Test
    void aNegativeNestingStopsTheStartNamingTheKey() {
        runner.withPropertyValues("lexbridge.document-validation.limits.max-nesting=-1").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("lexbridge.document-validation.limits").hasMessageContaining("maxNesting");
        });
    }

    @Test
    void aRetryDelayUnderASecondOrARelayTimeoutPastSevenDaysStopsTheStart() {
        runner.withPropertyValues("lexbridge.routes.max-retry-delay=500ms", "lexbridge.routes.first-retry-delay=100ms")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("lexbridge.routes")
                            .hasMessageContaining("max-retry-delay at least first-retry-delay and at least 1s");
                });
    }
}
