package eu.lexbridge.trust.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.SharedTestPki;
import eu.lexbridge.trust.pki.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Signature;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealKeyTest {

    private static final String PASSWORD = "Seal-Pa55word";

    @TempDir
    static Path dir;

    private static GeneratedPki pki;

    @BeforeAll
    static void generate() {
        pki = SharedTestPki.copyTo(dir, List.of("de-court"), PASSWORD.toCharArray());
    }

    private static KeyStore sealStore() {
        return KeyStores.loadPkcs12(pki.parties().get("de-court").sealKeyStore(), PASSWORD.toCharArray());
    }

    @Test
    void signsWithTheEntrysKeyAndNamesOnlyItsCertificate() throws Exception {
        SealKey key = SealKey.fromKeyStore(sealStore(), "seal", PASSWORD.toCharArray());
        assertThat(key.certificate()).isEqualTo(KeyStores.readCertificate(pki.parties().get("de-court")
                .sealCertificate()));
        assertThat(key.chain()).hasSize(2);
        assertThat(key.algorithm()).isEqualTo("RSA");
        assertThat(key).hasToString("SealKey[CN=de-court Evidence Seal]");

        byte[] data = "evidence".getBytes(StandardCharsets.UTF_8);
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(key.certificate());
        verifier.update(data);
        assertThat(verifier.verify(key.sign(data, "SHA256withRSA"))).isTrue();
    }

    @Test
    void aMissingAliasAWrongPasswordOrACertificateEntryAreNamedWithoutThePassword() throws Exception {
        assertThatThrownBy(() -> SealKey.fromKeyStore(sealStore(), "as4", PASSWORD.toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no entry 'as4'");
        String wrong = "Wrong-Pa55word";
        assertThatThrownBy(() -> SealKey.fromKeyStore(sealStore(), "seal", wrong.toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'seal'").hasMessageContaining("password is wrong")
                .satisfies(e -> assertThat(e.toString() + e.getCause()).doesNotContain(wrong).doesNotContain(PASSWORD));
        KeyStore trust = KeyStores.loadPkcs12(pki.trustStore(), PASSWORD.toCharArray());
        assertThatThrownBy(() -> SealKey.fromKeyStore(trust, "ca", PASSWORD.toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds no private key");
    }
}
