package eu.lexbridge.trust.container;

import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.lexbridge.core.port.SignatureVerifier;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.pki.KeyFiles;
import eu.lexbridge.trust.port.PublisherSignatures;
import eu.lexbridge.trust.signature.XmlSealer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seal of a published file (a directory snapshot), made and checked on the real test PKI. */
class DetachedSealTest {

    private static final byte[] JSON = "{\"format\":\"lexbridge-directory/1\"}".getBytes(StandardCharsets.UTF_8);

    private static ContainerPki pki;
    private static SealKey publisher;
    private static X509Certificate publisherCertificate;

    @BeforeAll
    static void pki(@TempDir Path dir) {
        pki = ContainerPki.generate(dir, "alice");
        KeyFiles files = pki.files().directoryPublisher();
        publisher = SealKey.fromKeyStore(KeyStores.loadPkcs12(files.keyStore(), ContainerPki.PASSWORD), files.alias(),
                ContainerPki.PASSWORD);
        publisherCertificate = KeyStores.readCertificate(files.certificate());
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    private static byte[] seal(SealKey key, byte[] content) throws Exception {
        return DetachedSeal.seal(new XmlSealer(key, DigestAlgorithm.SHA256, Clock.systemUTC()), "directory.json",
                sha256(content));
    }

    private static SignatureVerifier trusting(X509Certificate certificate) {
        return new PublisherSignatures(new DetachedSeal(List.of(certificate), Clock.systemUTC()));
    }

    @Test
    void aFileSealedByThePublisherIsValid() throws Exception {
        var verdict = trusting(publisherCertificate).verifyDetached(seal(publisher, JSON), "directory.json",
                sha256(JSON));

        assertThat(verdict.problems()).isEmpty();
        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.signer()).contains("CN=LexBridge Test Directory Publisher");
    }

    @Test
    void aChangedFileIsNotValid() throws Exception {
        byte[] changed = "{\"format\":\"lexbridge-directory/2\"}".getBytes(StandardCharsets.UTF_8);

        var verdict = trusting(publisherCertificate).verifyDetached(seal(publisher, JSON), "directory.json",
                sha256(changed));

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.problems()).isNotEmpty();
    }

    @Test
    void aSealByAnotherKeyOfTheSameCaIsNotThePublishers() throws Exception {
        var verdict = trusting(publisherCertificate).verifyDetached(seal(pki.containerKey("alice"), JSON),
                "directory.json", sha256(JSON));

        assertThat(verdict.valid()).isFalse();
        assertThat(String.join(" ", verdict.problems())).containsIgnoringCase("trust");
    }

    @Test
    void aSealOverAnotherFileNameIsNotValid() throws Exception {
        var verdict = trusting(publisherCertificate).verifyDetached(seal(publisher, JSON), "other.json",
                sha256(JSON));

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.problems()).anySatisfy(p -> assertThat(p).contains("other.json"));
    }

    @Test
    void somethingThatIsNoSignatureIsNotValid() throws Exception {
        var verdict = trusting(publisherCertificate).verifyDetached("<x/>".getBytes(StandardCharsets.UTF_8),
                "directory.json", sha256(JSON));

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.signer()).isNull();
    }
}
