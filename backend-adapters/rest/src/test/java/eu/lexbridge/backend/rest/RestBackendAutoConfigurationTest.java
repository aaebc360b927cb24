package eu.lexbridge.backend.rest;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.backend.rest.api.SubmissionController;
import eu.lexbridge.backend.rest.auth.BackendTokens;
import eu.lexbridge.core.flow.BackendInbox;
import eu.lexbridge.core.flow.Submission;
import eu.lexbridge.core.port.PushDelivery;
import eu.lexbridge.core.testkit.InMemoryMessageStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** The REST API appears only beside the core flows, and a bad configuration stops the start naming the key. */
class RestBackendAutoConfigurationTest {

    static final String HASH_A = "fa6fe987864a04b6741d1ab28f2d42eb3b005554e7b7417ba4a3dee60b4ab0df";

    // Wiring only: these flows are never called here.
    private final WebApplicationContextRunner withFlows = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    RestBackendAutoConfiguration.class))
            .withBean(Submission.class, () -> new Submission(null, null, null, null, null, null, null, null, null))
            .withBean(BackendInbox.class, () -> new BackendInbox(null, null, null, null));

    @Test
    void backsOffWithoutTheCoreFlows() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                        RestBackendAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SubmissionController.class));
    }

    @Test
    void startsWithTheCoreFlows() {
        withFlows.withPropertyValues("lexbridge.rest.backends.court-a.token-sha256=" + HASH_A)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(SubmissionController.class)
                        .hasSingleBean(BackendTokens.class));
    }

    @Test
    void canBeSwitchedOff() {
        withFlows.withPropertyValues("lexbridge.rest.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SubmissionController.class));
    }

    @Test
    void aTokenHashThatIsNotHexSha256StopsTheStartNamingTheKey() {
        withFlows.withPropertyValues("lexbridge.rest.backends.court-a.token-sha256=the-token-itself")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("lexbridge.rest.backends[court-a].tokenSha256")
                        .hasMessageContaining("64 hex digits"));
    }

    @Test
    void twoBackEndsWithOneTokenStopTheStart() {
        withFlows.withPropertyValues("lexbridge.rest.backends.court-a.token-sha256=" + HASH_A,
                        "lexbridge.rest.backends.court-b.token-sha256=" + HASH_A.toUpperCase())
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("its own token"));
    }

    @Test
    void aPartCountAboveWhatPartnersAcceptStopsTheStartNamingTheKey() {
        withFlows.withPropertyValues("lexbridge.rest.max-attachments=27")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("lexbridge.rest.maxAttachments")
                        .hasMessageContaining("at most 26"));
        withFlows.withPropertyValues("lexbridge.rest.max-attachments=5")
                .run(context -> assertThat(context).hasNotFailed()
                        .getBean(RestBackendProperties.class).extracting(RestBackendProperties::maxAttachments)
                        .isEqualTo(5));
        withFlows.run(context -> assertThat(context.getBean(RestBackendProperties.class).maxAttachments())
                .isEqualTo(26));
    }

    static final String SECRET = "whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    @Test
    void aWebhookIsContributedAsTheRestApisPushDelivery() {
        withFlows.withBean(InMemoryMessageStore.class, InMemoryMessageStore::new)
                .withPropertyValues("lexbridge.rest.backends.court-b.webhook.url=https://court-b.example/hooks",
                        "lexbridge.rest.backends.court-b.webhook.secret=" + SECRET)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    PushDelivery push = context.getBean(PushDelivery.class);
                    assertThat(push.api()).isEqualTo("REST webhook");
                    assertThat(push.links()).containsOnlyKeys("court-b");
                    assertThat(context.getBean(RestBackendProperties.class).toString()).doesNotContain(SECRET);
                });
        withFlows.run(context -> assertThat(context.getBean(PushDelivery.class).links()).isEmpty());
    }

    @Test
    void aPlainHttpWebhookStopsTheStartNamingTheKeyUnlessPlainHttpIsAllowed() {
        withFlows.withBean(InMemoryMessageStore.class, InMemoryMessageStore::new)
                .withPropertyValues("lexbridge.rest.backends.court-b.webhook.url=http://court-b.example/hooks",
                        "lexbridge.rest.backends.court-b.webhook.secret=" + SECRET)
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessage("lexbridge.rest.backends.court-b.webhook.url must be an https: URL (messages and "
                                + "evidences travel in it), was 'http://court-b.example/hooks'; "
                                + "lexbridge.network.allow-plain-http=true allows http: in tests only"));
        withFlows.withBean(InMemoryMessageStore.class, InMemoryMessageStore::new)
                .withPropertyValues("lexbridge.rest.backends.court-b.webhook.url=http://court-b.example/hooks",
                        "lexbridge.rest.backends.court-b.webhook.secret=" + SECRET,
                        "lexbridge.network.allow-plain-http=true")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aWebhookUrlWithCredentialsStopsTheStartWithoutShowingThem() {
        withFlows.withBean(InMemoryMessageStore.class, InMemoryMessageStore::new)
                .withPropertyValues("lexbridge.rest.backends.court-b.webhook.url=https://court:pa55word@court-b.example/h",
                        "lexbridge.rest.backends.court-b.webhook.secret=" + SECRET)
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessage("lexbridge.rest.backends.court-b.webhook.url must not carry credentials: the "
                                + "signature proves the caller"));
    }

    @Test
    void aSecretThatIsNotAStandardWebhooksSecretStopsTheStartWithoutShowingIt() {
        for (String secret : new String[] {"my-password-123", "whsec_not*base64", "whsec_c2hvcnQ="}) {
            withFlows.withBean(InMemoryMessageStore.class, InMemoryMessageStore::new)
                    .withPropertyValues("lexbridge.rest.backends.court-b.webhook.url=https://court-b.example/h",
                            "lexbridge.rest.backends.court-b.webhook.secret=" + secret)
                    .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                            .hasMessageStartingWith("lexbridge.rest.backends.court-b.webhook.secret must be whsec_")
                            .hasMessageNotContaining(secret));
        }
    }

    @Test
    void aBackEndKnownByItsCertificateOnlyNeedsNoToken() {
        withFlows.withPropertyValues("lexbridge.rest.backends.court-a.token-sha256=" + HASH_A,
                        "lexbridge.rest.backends.court-b.webhook.url=https://court-b.example/hooks",
                        "lexbridge.rest.backends.court-b.webhook.secret=" + SECRET)
                .withBean(InMemoryMessageStore.class, InMemoryMessageStore::new)
                .run(context -> assertThat(context).hasNotFailed());
    }
}
