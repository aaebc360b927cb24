package eu.lexbridge.gateway.as4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.transport.As4Profile;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.SharedTestPki;
import eu.lexbridge.trust.pki.TestPki;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AS4 keys are unwrapped from their PKCS#12 stores once, not on every message WSS4J signs or decrypts; the
 * eDelivery AS4 2.0 keys must be of their profile's types.
 */
class As4SettingsTest {

    private static final char[] PASSWORD = "pw-as4-settings".toCharArray();

    @TempDir
    static Path dir;
    private static GeneratedPki pki;
    private static KeyStore pkcs12;
    private static KeyStore edelivery2;
    private static As4Settings settings;

    @BeforeAll
    static void generate() {
        pki = SharedTestPki.copyTo(dir, List.of("at-prosecutor"), PASSWORD);
        pkcs12 = KeyStores.loadPkcs12(pki.parties().get("at-prosecutor").as4KeyStore(), PASSWORD);
        edelivery2 = KeyStores.loadPkcs12(pki.parties().get("at-prosecutor").as4Edelivery2KeyStore(), PASSWORD);
        KeyStore trust = KeyStores.loadPkcs12(pki.trustStore(), PASSWORD);
        settings = new As4Settings(new Party("at-prosecutor", "urn:oasis:names:tc:ebcore:partyid-type:unregistered",
                "GW"), "at.lexbridge.test", dir.resolve("data"), pkcs12, TestPki.AS4_ALIAS, PASSWORD, trust, trust,
                Duration.ofSeconds(5), Duration.ofSeconds(60), 4);
    }

    @Test
    void aPkcs12KeyIsHeldUnwrappedUnderTheSameAliasPasswordAndChain() throws Exception {
        KeyStore held = settings.as4KeyStore();
        assertThat(held.getType()).isEqualTo("JKS");
        assertThat(held.getKey(TestPki.AS4_ALIAS, PASSWORD).getEncoded())
                .isEqualTo(pkcs12.getKey(TestPki.AS4_ALIAS, PASSWORD).getEncoded());
        assertThat(held.getCertificateChain(TestPki.AS4_ALIAS))
                .containsExactly(pkcs12.getCertificateChain(TestPki.AS4_ALIAS));
        assertThat(settings.as4Certificate()).isEqualTo(pkcs12.getCertificate(TestPki.AS4_ALIAS));
    }

    @Test
    void the2_0KeysJoinThe1xKeyInOneStoreAndSettingsWithoutThemSpeak1xOnly() throws Exception {
        As4Settings both = settings.withEdelivery2Keys(As4Profile.EDELIVERY_2_EDDSA, new As4Settings.Edelivery2Keys(
                edelivery2, TestPki.AS4_SIGN_ALIAS, TestPki.AS4_DECRYPT_ALIAS, PASSWORD));

        assertThat(settings.speaks(As4Profile.EDELIVERY_1)).isTrue();
        assertThat(settings.speaks(As4Profile.EDELIVERY_2_EDDSA)).isFalse();
        assertThat(both.speaks(As4Profile.EDELIVERY_2_EDDSA)).isTrue();
        assertThat(both.speaks(As4Profile.EDELIVERY_2_ECDSA)).isFalse();
        assertThat(both.signingCertificate(As4Profile.EDELIVERY_2_EDDSA))
                .isEqualTo(edelivery2.getCertificate(TestPki.AS4_SIGN_ALIAS));
        assertThat(both.decryptionCertificate(As4Profile.EDELIVERY_2_EDDSA))
                .isEqualTo(edelivery2.getCertificate(TestPki.AS4_DECRYPT_ALIAS));
        assertThat(both.decryptionCertificate(As4Profile.EDELIVERY_1)).isEqualTo(settings.as4Certificate());
        KeyStore held = both.as4KeyStore();
        assertThat(held.getKey(TestPki.AS4_DECRYPT_ALIAS, PASSWORD).getEncoded())
                .isEqualTo(edelivery2.getKey(TestPki.AS4_DECRYPT_ALIAS, PASSWORD).getEncoded());
        assertThat(held.getKey(TestPki.AS4_ALIAS, PASSWORD).getEncoded())
                .isEqualTo(pkcs12.getKey(TestPki.AS4_ALIAS, PASSWORD).getEncoded());
        assertThat(settings.as4KeyStore().containsAlias(TestPki.AS4_SIGN_ALIAS))
                .as("the settings it was made from are unchanged").isFalse();
        assertThat(both.toString()).doesNotContain(new String(PASSWORD));
    }

    @Test
    void a2_0KeyOfTheWrongTypeIsRefusedWithOneSentence() {
        assertThatThrownBy(() -> settings.withEdelivery2Keys(As4Profile.EDELIVERY_2_EDDSA,
                new As4Settings.Edelivery2Keys(edelivery2, TestPki.AS4_DECRYPT_ALIAS, TestPki.AS4_SIGN_ALIAS,
                        PASSWORD)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the eDelivery AS4 2.0 key store's key 'as4-decrypt' is X25519, and the profile needs"
                        + " Ed25519 to sign with");
        assertThatThrownBy(() -> settings.withEdelivery2Keys(As4Profile.EDELIVERY_2_ECDSA,
                new As4Settings.Edelivery2Keys(edelivery2, TestPki.AS4_SIGN_ALIAS, TestPki.AS4_EC_DECRYPT_ALIAS,
                        PASSWORD)))
                .hasMessage("the eDelivery AS4 2.0-ecdsa key store's key 'as4-sign' is Ed25519, and the profile needs"
                        + " EC P-256 to sign with");
        assertThatThrownBy(() -> settings.withEdelivery2Keys(As4Profile.EDELIVERY_1, new As4Settings.Edelivery2Keys(
                edelivery2, TestPki.AS4_SIGN_ALIAS, TestPki.AS4_DECRYPT_ALIAS, PASSWORD)))
                .hasMessage("edelivery2Keys are for the 2.0 profiles; the 1.x key is as4KeyStore's");
        assertThatThrownBy(() -> settings.withEdelivery2Keys(As4Profile.EDELIVERY_2_EDDSA,
                new As4Settings.Edelivery2Keys(edelivery2, TestPki.AS4_SIGN_ALIAS, "missing", PASSWORD)))
                .hasMessage("the eDelivery AS4 2.0 key store has no private key under alias 'missing'");
    }
}
