package eu.lexbridge.app.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.app.config.As4Properties;
import eu.lexbridge.app.config.ConnectorProperties;
import eu.lexbridge.app.config.NetworkProperties;
import eu.lexbridge.core.flow.ConnectorIdentity;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.testkit.InMemoryPayloadStore;
import eu.lexbridge.core.transport.As4Profile;
import eu.lexbridge.core.transport.Partner;
import eu.lexbridge.app.directory.PartnersEndpoint;
import eu.lexbridge.directory.partner.PartnerDocument;
import eu.lexbridge.directory.partner.SharedPartners;
import eu.lexbridge.gateway.as4.As4Settings;
import eu.lexbridge.gateway.as4.OutgoingRequestHeaders;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.PartyKeys;
import eu.lexbridge.trust.pki.SharedTestPki;
import eu.lexbridge.trust.pki.TestPki;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * eDelivery AS4 2.0 in the connector's settings: a partner's {@code as4-profile} and {@code encryption-certificate},
 * our own 2.0 keys under {@code lexbridge.as4.edelivery2}; a bad value stops the start with one sentence naming the key,
 * and a 2.0 partner the connector has no 2.0 keys for stops it too. An operator adds a 2.0 partner at run time the
 * same way ({@code /actuator/partners}).
 */
class Edelivery2SettingsTest {

    private static final char[] PASSWORD = "pw-edelivery2".toCharArray();

    @TempDir
    static Path dir;
    private static GeneratedPki pki;
    private static PartyKeys at;
    private static PartyKeys fr;

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ConnectorProperties.class, As4Properties.class, NetworkProperties.class})
    static class Properties {
    }

    @BeforeAll
    static void generate() {
        pki = SharedTestPki.copyTo(dir, List.of("at", "fr"), PASSWORD);
        at = pki.parties().get("at");
        fr = pki.parties().get("fr");
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                .withUserConfiguration(Properties.class)
                .withPropertyValues("lexbridge.connector.party-id=at", "lexbridge.connector.ebms-id-domain=at.example",
                        "lexbridge.connector.default-backend=cms",
                        "lexbridge.connector.data-directory=" + dir.resolve("data"),
                        "lexbridge.as4.key-store=" + at.as4KeyStore(), "lexbridge.as4.key-store-password=pw-edelivery2",
                        "lexbridge.as4.trust-store=" + pki.trustStore(),
                        "lexbridge.as4.trust-store-password=pw-edelivery2",
                        "lexbridge.as4.tls-trust-store=" + pki.trustStore(),
                        "lexbridge.as4.tls-trust-store-password=pw-edelivery2",
                        "lexbridge.network.partners[0].name=fr", "lexbridge.network.partners[0].party-id=fr",
                        "lexbridge.network.partners[0].endpoint=https://fr.example/as4",
                        "lexbridge.network.partners[0].certificate="
                                + fr.as4Edelivery2Certificate(TestPki.AS4_SIGN_ALIAS),
                        "lexbridge.network.services[0].service=EPO", "lexbridge.network.services[0].action=Form_A");
    }

    private static ApplicationContextRunner withOur2_0Keys(ApplicationContextRunner runner) {
        return runner.withPropertyValues("lexbridge.as4.edelivery2.key-store=" + at.as4Edelivery2KeyStore(),
                "lexbridge.as4.edelivery2.key-store-password=pw-edelivery2");
    }

    private static ApplicationContextRunner frSpeaking(ApplicationContextRunner runner, String profile) {
        return runner.withPropertyValues("lexbridge.network.partners[0].as4-profile=" + profile,
                "lexbridge.network.partners[0].encryption-certificate="
                        + fr.as4Edelivery2Certificate(TestPki.AS4_DECRYPT_ALIAS));
    }

    @Test
    void aPartnerSpeaks1xUnlessToldAnd2_0WithItsEncryptionCertificate() {
        runner().run(c -> assertThat(c.getBean(NetworkProperties.class).partners().get(0).profile())
                .isEqualTo(As4Profile.EDELIVERY_1));
        frSpeaking(runner(), "2.0").run(c -> assertThat(c.getBean(NetworkProperties.class).partners().get(0).profile())
                .isEqualTo(As4Profile.EDELIVERY_2_EDDSA));
    }

    @Test
    void aBadProfileOrAMissingOrMisplacedEncryptionCertificateStopsTheStartNamingTheKey() {
        fails(frSpeaking(runner(), "2"), "lexbridge.network.partners[0].as4-profile must be 1.x, 2.0 or 2.0-ecdsa,"
                + " was '2'");
        fails(runner().withPropertyValues("lexbridge.network.partners[0].as4-profile=2.0-ecdsa"),
                "lexbridge.network.partners[0].encryption-certificate is required with as4-profile 2.0-ecdsa: a 2.0"
                        + " partner decrypts with a key of its own (X25519 or P-256)");
        fails(frSpeaking(runner(), "1.x"), "lexbridge.network.partners[0].encryption-certificate is for as4-profile"
                + " 2.0 or 2.0-ecdsa only: a 1.x partner decrypts with its certificate");
        fails(withOur2_0Keys(runner()).withPropertyValues("lexbridge.as4.edelivery2.ec-signing-alias=as4-ec-sign"),
                "lexbridge.as4.edelivery2.ec-signing-alias and lexbridge.as4.edelivery2.ec-decryption-alias go"
                        + " together: set both for the EC option (2.0-ecdsa), or neither");
    }

    @Test
    void ourOwn2_0KeysAreReadFromTheirKeyStoreWithTheDefaultAliases() {
        withOur2_0Keys(runner()).withPropertyValues("lexbridge.as4.edelivery2.ec-signing-alias=as4-ec-sign",
                "lexbridge.as4.edelivery2.ec-decryption-alias=as4-ec-decrypt").run(c -> {
                    As4Settings settings = settings(c);
                    assertThat(settings.speaks(As4Profile.EDELIVERY_2_EDDSA)).isTrue();
                    assertThat(settings.speaks(As4Profile.EDELIVERY_2_ECDSA)).isTrue();
                    assertThat(settings.signingCertificate(As4Profile.EDELIVERY_2_EDDSA)).isEqualTo(
                            KeyStores.readCertificate(at.as4Edelivery2Certificate(TestPki.AS4_SIGN_ALIAS)));
                    assertThat(c.getBean(As4Properties.class).toString()).doesNotContain("pw-edelivery2");
                });
        withOur2_0Keys(runner()).run(c -> assertThat(settings(c).speaks(As4Profile.EDELIVERY_2_ECDSA)).isFalse());
        runner().run(c -> assertThat(settings(c).speaks(As4Profile.EDELIVERY_2_EDDSA)).isFalse());
    }

    @Test
    void a2_0KeyTheStoreDoesNotHoldStopsTheStartNamingTheSetting() {
        withOur2_0Keys(runner()).withPropertyValues("lexbridge.as4.edelivery2.decryption-alias=as4-ec-decrypt")
                .run(c -> assertThatThrownBy(() -> settings(c)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("lexbridge.as4.edelivery2 (" + at.as4Edelivery2KeyStore() + "): the eDelivery AS4"
                                + " 2.0 key store's key 'as4-ec-decrypt' is EC P-256, and the profile needs X25519 to"
                                + " decrypt with"));
    }

    @Test
    void a2_0PartnerStopsTheStartWhenWeHaveNo2_0KeysAndIsTakenWhenWeHave() {
        Consumer<AssertableApplicationContext> build = c -> {
            NetworkProperties.PartnerEntry entry = c.getBean(NetworkProperties.class).partners().get(0);
            Partner partner = new Partner(entry.name(), new Party(entry.partyId(), entry.partyIdType(), entry.role()),
                    entry.endpoint(), KeyStores.readCertificate(entry.certificate())).withAs4Profile(entry.profile(),
                    KeyStores.readCertificate(entry.encryptionCertificate()));
            DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
            beans.registerSingleton("partners", new SharedPartners(List.of(partner), null, Clock.systemUTC(), false));
            new As4GatewayAutoConfiguration().embeddedAccessPoint(null, settings(c), new InMemoryPayloadStore(),
                    beans.getBeanProvider(OutgoingRequestHeaders.class), beans.getBeanProvider(SharedPartners.class))
                    .close();
        };
        frSpeaking(runner(), "2.0").run(c -> assertThatThrownBy(() -> build.accept(c))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Partner fr speaks eDelivery AS4 2.0, and this access point has no eDelivery AS4 2.0 keys"
                        + " of its own (a signing and a decryption key): refused at configuration time, not on the"
                        + " wire."));
        withOur2_0Keys(frSpeaking(runner(), "2.0")).run(build::accept);
    }

    @Test
    void anOperatorAddsA2_0PartnerWithItsEncryptionCertificateOrIsToldWhatIsMissing() {
        SharedPartners partners = new SharedPartners(List.of(), null, Clock.systemUTC(), false);
        PartnersEndpoint endpoint = new PartnersEndpoint(partners, Clock.systemUTC());
        String signing = PartnerDocument.pem(KeyStores.readCertificate(fr.as4Edelivery2Certificate(
                TestPki.AS4_SIGN_ALIAS)));
        String decryption = PartnerDocument.pem(KeyStores.readCertificate(fr.as4Edelivery2Certificate(
                TestPki.AS4_DECRYPT_ALIAS)));

        var missing = endpoint.put("fr", "FR", null, null, "https://fr.test/as4", signing, null, null, null, "2.0",
                null, SecurityContext.NONE);
        var added = endpoint.put("fr", "FR", null, null, "https://fr.test/as4", signing, null, null, null, "2.0",
                decryption, SecurityContext.NONE);

        assertThat(missing.getStatus()).isEqualTo(400);
        assertThat(missing.getBody()).containsEntry("detail", "partner.encryptionCertificate is required for"
                + " as4Profile 2.0 (a 2.0 partner decrypts with a key of its own)");
        assertThat(added.getStatus()).isEqualTo(200);
        assertThat(partners.byPartyId("FR")).hasValueSatisfying(p -> {
            assertThat(p.as4Profile()).isEqualTo(As4Profile.EDELIVERY_2_EDDSA);
            assertThat(PartnerDocument.pem(p.encryptionCertificate())).isEqualTo(decryption);
        });
        assertThat(endpoint.list().get("partners")).asList().singleElement().asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("as4Profile", "2.0")
                .containsKey("encryptionCertificate");
    }

    private static As4Settings settings(AssertableApplicationContext c) {
        ConnectorProperties connector = c.getBean(ConnectorProperties.class);
        return new As4GatewayAutoConfiguration().as4Settings(new ConnectorIdentity(new Party(connector.partyId(),
                connector.partyIdType(), connector.role()), connector.ebmsIdDomain()), c.getBean(As4Properties.class),
                connector);
    }

    private static void fails(ApplicationContextRunner runner, String sentence) {
        runner.run(c -> {
            assertThat(c).hasFailed();
            assertThat(c.getStartupFailure()).rootCause().hasMessage(sentence);
        });
    }
}
