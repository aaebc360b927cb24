package eu.lexbridge.trust.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.SharedTestPki;
import eu.lexbridge.trust.pki.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyStoresTest {

    private static final String PASSWORD = "s3cret-Pa55word";

    @TempDir
    static Path dir;

    private static GeneratedPki pki;

    @BeforeAll
    static void generate() {
        pki = SharedTestPki.copyTo(dir, List.of("de-court"), PASSWORD.toCharArray());
    }

    @Test
    void loadsAPkcs12KeyStore() throws Exception {
        KeyStore store = KeyStores.loadPkcs12(pki.parties().get("de-court").as4KeyStore(), PASSWORD.toCharArray());
        assertThat(store.isKeyEntry("as4")).isTrue();
    }

    @Test
    void aMissingKeyStoreIsNamed() {
        Path missing = dir.resolve("nope/as4.p12");
        assertThatThrownBy(() -> KeyStores.loadPkcs12(missing, PASSWORD.toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void aWrongPasswordIsNamedWithoutShowingAnyPassword() {
        Path file = pki.parties().get("de-court").tlsKeyStore();
        String wrong = "not-the-Pa55word";
        assertThatThrownBy(() -> KeyStores.loadPkcs12(file, wrong.toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("password is wrong")
                .satisfies(e -> assertThat(fullText(e)).doesNotContain(wrong).doesNotContain(PASSWORD));
    }

    @Test
    void aFileThatIsNoKeyStoreIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.p12"), "this is not PKCS#12");
        assertThatThrownBy(() -> KeyStores.loadPkcs12(file, PASSWORD.toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not a readable PKCS#12 file");
    }

    @Test
    void readsPemAndDerCertificates() throws Exception {
        X509Certificate pem = KeyStores.readCertificate(pki.caCertificate());
        Path der = Files.write(dir.resolve("ca.der"), pem.getEncoded());
        assertThat(KeyStores.readCertificate(der)).isEqualTo(pem);
        assertThat(pem.getSubjectX500Principal().getName()).isEqualTo("CN=LexBridge Test CA");
    }

    @Test
    void aMissingOrBrokenCertificateFileIsNamed() throws Exception {
        Path missing = dir.resolve("missing.crt");
        assertThatThrownBy(() -> KeyStores.readCertificate(missing))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(missing.toString());
        Path broken = Files.writeString(dir.resolve("broken.crt"),
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> KeyStores.readCertificate(broken))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(broken.toString());
    }

    @Test
    void aMissingPkcs11LibraryIsNamedWithTheSlot() {
        Path missing = dir.resolve("no/libpkcs11.so");
        String pin = "1234-Pin";
        assertThatThrownBy(() -> KeyStores.loadPkcs11(missing, "0", pin.toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("slot '0'")
                .hasMessageContaining("does not exist")
                .satisfies(e -> assertThat(fullText(e)).doesNotContain(pin));
    }

    @Test
    void aFileThatIsNoPkcs11LibraryIsNamed() throws Exception {
        Path notALibrary = Files.writeString(dir.resolve("libfake.so"), "not a shared object");
        String pin = "1234-Pin";
        assertThatThrownBy(() -> KeyStores.loadPkcs11(notALibrary, "index:0", pin.toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(notALibrary.toString())
                .hasMessageContaining("slot 'index:0'")
                .hasMessageContaining("cannot be loaded")
                .satisfies(e -> assertThat(fullText(e)).doesNotContain(pin));
    }

    @Test
    void aMalformedSlotIsRefusedBeforeTheLibraryIsLoaded() {
        Path library = dir.resolve("libwhatever.so");
        for (String slot : List.of("", "slot 1", "-1", "index:", "index:-1", "token:demo", "1\nlibrary = /x")) {
            assertThatThrownBy(() -> KeyStores.loadPkcs11(library, slot, "1234".toCharArray()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(library.toString())
                    .hasMessageContaining("index:N");
        }
    }

    private static String fullText(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }
}
