package eu.lexbridge.gateway.as4;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helger.phase4.crypto.ECryptoMode;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.transport.Partner;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.pki.SharedTestPki;
import eu.lexbridge.trust.pki.TestPki;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signature (a message's, a receipt's) is trusted only from the partner it is about: a certificate that chains to
 * the AS4 trust store but names another party is refused, where WSS4J alone would take it (and warn on every message
 * that no subject constraint was set).
 */
class PartnerCertificatesTest {

    private static final char[] PASSWORD = "pw-partner-certificates".toCharArray();
    private static final Party A = new Party("lexbridge-a", "urn:oasis:names:tc:ebcore:partyid-type:unregistered",
            "GW");

    @TempDir
    static Path dir;

    private static As4Settings settings;
    private static X509Certificate certificateOfA;
    private static X509Certificate certificateOfC;

    @BeforeAll
    static void pki() {
        var pki = SharedTestPki.copyTo(dir, List.of("lexbridge-a", "lexbridge-c"), PASSWORD);
        KeyStore keysOfA = KeyStores.loadPkcs12(pki.parties().get("lexbridge-a").as4KeyStore(), PASSWORD);
        KeyStore trust = KeyStores.loadPkcs12(pki.trustStore(), PASSWORD);
        settings = new As4Settings(A, "a.lexbridge.test", dir.resolve("data"), keysOfA, TestPki.AS4_ALIAS, PASSWORD,
                trust, trust, Duration.ofSeconds(5), Duration.ofSeconds(60), 4);
        certificateOfA = settings.as4Certificate();
        certificateOfC = certificate(KeyStores.loadPkcs12(pki.parties().get("lexbridge-c").as4KeyStore(), PASSWORD));
    }

    @Test
    void theReceiptsOfAMessageToAPartnerAreTrustedFromThatPartnerOnly() throws Exception {
        Crypto forA = PartnerCertificates.cryptoFactory(settings, RequestSender.sendingTo(new Partner("a", A,
                URI.create("https://a.invalid/as4"), certificateOfA))).getCrypto(ECryptoMode.ENCRYPT_SIGN);

        assertThatCode(() -> forA.verifyTrust(new X509Certificate[] {certificateOfA}, false, List.of(), List.of()))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> forA.verifyTrust(new X509Certificate[] {certificateOfC}, false, List.of(),
                List.of())).as("trusted CA, another party").isInstanceOf(WSSecurityException.class);
    }

    @Test
    void withNoPartnerKnownNobodysSignatureIsTrusted() {
        Crypto unknown = PartnerCertificates.cryptoFactory(settings, new RequestSender())
                .getCrypto(ECryptoMode.DECRYPT_VERIFY);

        // (this connector's own certificate is always trusted by WSS4J: it is in the key store)
        assertThatThrownBy(() -> unknown.verifyTrust(new X509Certificate[] {certificateOfC}, false, List.of(),
                List.of())).isInstanceOf(WSSecurityException.class);
    }

    private static X509Certificate certificate(KeyStore store) {
        try {
            return (X509Certificate) store.getCertificate(TestPki.AS4_ALIAS);
        } catch (java.security.KeyStoreException e) {
            throw new IllegalStateException(e);
        }
    }
}
