package eu.lexbridge.trust.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedTestPkiTest {

    private static final char[] PASSWORD = "shared-test".toCharArray();

    @TempDir
    Path work;

    @Test
    void aSecondCopyHoldsTheSameCaAndKeysInItsOwnFiles() throws Exception {
        GeneratedPki first = SharedTestPki.copyTo(work.resolve("first"), List.of("alpha"), PASSWORD);
        // a test changing its copy changes nobody else's
        Files.writeString(first.caCertificate(), "changed by a test");
        GeneratedPki second = SharedTestPki.copyTo(work.resolve("second"), List.of("alpha"), PASSWORD);

        assertEquals(work.resolve("second"), second.directory());
        assertEquals(work.resolve("second/alpha/seal.p12"), second.parties().get("alpha").sealKeyStore());
        assertEquals(List.of("alpha"), List.copyOf(second.parties().keySet()));
        X509Certificate ca = certificate(second.caCertificate());
        KeyStore seal = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(second.parties().get("alpha").sealKeyStore())) {
            seal.load(in, PASSWORD);
        }
        X509Certificate sealCertificate = (X509Certificate) seal.getCertificate(TestPki.SEAL_ALIAS);
        sealCertificate.verify(ca.getPublicKey());
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(second.parties().get("alpha").sealKeyStore())));
        assertArrayEquals(Files.readAllBytes(second.parties().get("alpha").as4Certificate()),
                Files.readAllBytes(first.parties().get("alpha").as4Certificate()));
        // the locations the certificates name are the first PKI's, holding the same CRL
        assertEquals(first.revocationLists().issuingCrlLocation(), second.revocationLists().issuingCrlLocation());
        assertArrayEquals(Files.readAllBytes(Path.of(second.revocationLists().issuingCrlLocation())),
                Files.readAllBytes(second.revocationLists().issuingCrl()));
        assertTrue(Files.isRegularFile(second.trustedLists().listOfTrustedLists()));
    }

    @Test
    void otherPartiesGetAPkiOfTheirOwn() throws Exception {
        GeneratedPki alpha = SharedTestPki.copyTo(work.resolve("alpha"), List.of("alpha"), PASSWORD);
        GeneratedPki beta = SharedTestPki.copyTo(work.resolve("beta"), List.of("beta"), PASSWORD);

        assertFalse(Arrays.equals(Files.readAllBytes(alpha.caCertificate()), Files.readAllBytes(beta.caCertificate())));
    }

    private static X509Certificate certificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /**
     * What another JVM of the build sees: the PKI kept under the directory, not generated again, and described as
     * {@link TestPki#generate} described it; one older than {@link SharedTestPki#KEPT_FOR} is generated again.
     */
    @Test
    void aKeptPkiIsTakenAsItIsUntilItIsOld() throws Exception {
        Path kept = work.resolve("kept");
        var key = new SharedTestPki.Key(List.of("gamma"), "kept-test", TestPki.Options.defaults());
        GeneratedPki made = SharedTestPki.kept(kept, key);
        byte[] ca = Files.readAllBytes(made.caCertificate());

        GeneratedPki again = SharedTestPki.kept(kept, key);
        assertEquals(made, again);
        assertArrayEquals(ca, Files.readAllBytes(again.caCertificate()));
        assertTrue(made.directory().startsWith(kept));

        Path complete = kept.resolve(made.directory().getFileName() + ".complete");
        Files.setLastModifiedTime(complete, FileTime.from(Instant.now().minus(SharedTestPki.KEPT_FOR).minusSeconds(60)));
        GeneratedPki renewed = SharedTestPki.kept(kept, key);
        assertEquals(made, renewed);
        assertFalse(Arrays.equals(ca, Files.readAllBytes(renewed.caCertificate())), "a new CA");
        assertTrue(Files.getLastModifiedTime(complete).toInstant().isAfter(Instant.now().minusSeconds(60)));
    }

    /** The description of a PKI kept from an earlier JVM is what generating it returned, path for path. */
    @Test
    void theLayoutIsWhatGenerateReturns() {
        TestPki.Options options = TestPki.Options.defaults()
                .withListBaseUri(java.net.URI.create("http://127.0.0.1:9/tl/"));
        GeneratedPki generated = TestPki.generate(work.resolve("laid-out"), List.of("delta", "epsilon"), PASSWORD,
                options);
        assertEquals(generated, TestPki.layout(work.resolve("laid-out"), List.of("delta", "epsilon"), options));
    }
}
