package eu.lexbridge.gateway.as4;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.message.Party;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.pki.TestPki;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AS4 key is unwrapped from its PKCS#12 store once, not on every message WSS4J signs or decrypts. */
class As4SettingsTest {

    private static final char[] PASSWORD = "pw-as4-settings".toCharArray();

    @Test
    void aPkcs12KeyIsHeldUnwrappedUnderTheSameAliasPasswordAndChain(@TempDir Path dir) throws Exception {
        var pki = TestPki.generate(dir, List.of("at-prosecutor"), PASSWORD);
        KeyStore pkcs12 = KeyStores.loadPkcs12(pki.parties().get("at-prosecutor").as4KeyStore(), PASSWORD);
        KeyStore trust = KeyStores.loadPkcs12(pki.trustStore(), PASSWORD);

        var settings = new As4Settings(new Party("at-prosecutor", "urn:oasis:names:tc:ebcore:partyid-type:unregistered",
                "GW"), "at.lexbridge.test", dir.resolve("data"), pkcs12, TestPki.AS4_ALIAS, PASSWORD, trust, trust,
                Duration.ofSeconds(5), Duration.ofSeconds(60), 4);

        KeyStore held = settings.as4KeyStore();
        assertThat(held.getType()).isEqualTo("JKS");
        assertThat(held.getKey(TestPki.AS4_ALIAS, PASSWORD).getEncoded())
                .isEqualTo(pkcs12.getKey(TestPki.AS4_ALIAS, PASSWORD).getEncoded());
        assertThat(held.getCertificateChain(TestPki.AS4_ALIAS))
                .containsExactly(pkcs12.getCertificateChain(TestPki.AS4_ALIAS));
        assertThat(settings.as4Certificate()).isEqualTo(pkcs12.getCertificate(TestPki.AS4_ALIAS));
    }
}
