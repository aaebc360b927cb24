package eu.lexbridge.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.app.config.BucketFailureAnalyzer;
import eu.lexbridge.app.config.PayloadStoreProperties;
import eu.lexbridge.core.port.PayloadStore;
import eu.lexbridge.persistence.S3PayloadStore;
import eu.lexbridge.persistence.UnusableBucket;
import eu.lexbridge.persistence.s3server.S3Server;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The S3 payload store's settings: checked before anything is stored, with one sentence naming the key. */
class PayloadStoreConfigurationTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PayloadStoreProperties.class)
    @Import(PersistenceAutoConfiguration.S3PayloadStoreConfiguration.class)
    static class S3Only {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(S3Only.class);

    private ApplicationContextRunner s3(String... more) {
        S3Server server = S3Server.get();
        return runner.withPropertyValues("lexbridge.payload-store.type=s3",
                        "lexbridge.payload-store.s3.endpoint=" + server.endpoint(),
                        "lexbridge.payload-store.s3.path-style=true",
                        "lexbridge.payload-store.s3.access-key=" + S3Server.ACCESS_KEY,
                        "lexbridge.payload-store.s3.secret-key=" + S3Server.SECRET_KEY,
                        "lexbridge.payload-store.s3.encryption-key=" + KEY)
                .withPropertyValues(more);
    }

    @Test
    void theDiskStoreStaysTheDefault() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(PayloadStore.class);
            assertThat(context.getBean(PayloadStoreProperties.class).type())
                    .isEqualTo(PayloadStoreProperties.Type.DISK);
        });
    }

    @Test
    void aReachableBucketGivesTheS3StoreAndItsHealth() {
        String bucket = S3Server.get().newBucket();
        s3("lexbridge.payload-store.s3.bucket=" + bucket).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(PayloadStore.class)).isInstanceOf(S3PayloadStore.class);
            assertThat(context.getBean(PayloadStoreProperties.class).toString()).contains(bucket)
                    .doesNotContain(S3Server.SECRET_KEY).doesNotContain(KEY);
            HealthIndicator health = context.getBean("payloadBucketHealthIndicator", HealthIndicator.class);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);

            try (var s3 = S3Server.get().client()) {
                s3.deleteBucket(b -> b.bucket(bucket)); // the bucket goes away while the connector runs
            }
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.health().getDetails()).containsEntry("problem", "the bucket does not exist");
        });
    }

    @Test
    void aMissingBucketSettingStopsTheStartNamingTheKey() {
        s3().run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("lexbridge.payload-store")
                    .hasMessageContaining("s3.bucket is required with type s3");
        });
    }

    @Test
    void aBadEncryptionKeyStopsTheStartWithoutShowingIt() {
        String badKey = Base64.getEncoder().encodeToString("sixteen byte key".getBytes());
        s3("lexbridge.payload-store.s3.bucket=b", "lexbridge.payload-store.s3.encryption-key=" + badKey)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("encryption-key must be 32 bytes in Base64")
                            .hasMessageNotContaining(badKey);
                });
        runner.withPropertyValues("lexbridge.payload-store.type=s3", "lexbridge.payload-store.s3.bucket=b")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("s3.encryption-key is required with type s3"));
    }

    @Test
    void aBucketThatDoesNotExistStopsTheStartWithOneSentence() {
        s3("lexbridge.payload-store.s3.bucket=no-such-bucket").run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            while (failure != null && !(failure instanceof UnusableBucket)) {
                failure = failure.getCause();
            }
            assertThat(failure).isInstanceOf(UnusableBucket.class);
            FailureAnalysis analysis = new BucketFailureAnalyzer().analyze(failure);
            assertThat(analysis.getDescription())
                    .isEqualTo("lexbridge.payload-store.s3.bucket (no-such-bucket): the bucket does not exist.");
            assertThat(analysis.getAction()).startsWith("Create the bucket");
        });
    }
}
