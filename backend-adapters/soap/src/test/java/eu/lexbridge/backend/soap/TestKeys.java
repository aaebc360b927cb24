package eu.lexbridge.backend.soap;

import eu.lexbridge.backend.soap.auth.ConnectorKey;
import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.SharedTestPki;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The keys of the SOAP tests, from the project's test PKI, generated once per test run: the connector's (party
 * {@code connector}), the two configured back-ends' and one back-end nobody configured ({@code court-x}).
 */
final class TestKeys {

    static final String PASSWORD = "test-pki-password";
    static final String ALIAS = "as4";
    private static final GeneratedPki PKI = SharedTestPki.copyTo(Path.of("target", "soap-pki"),
            List.of("connector", "court-a", "court-b", "court-x"), PASSWORD.toCharArray());

    private TestKeys() {
    }

    static Path keyStore(String party) {
        return PKI.parties().get(party).as4KeyStore();
    }

    static ConnectorKey key(String party) {
        return ConnectorKey.load(keyStore(party), PASSWORD.toCharArray(), ALIAS, PASSWORD.toCharArray());
    }

    static X509Certificate certificate(String party) {
        try (InputStream pem = Files.newInputStream(PKI.parties().get(party).as4Certificate())) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
