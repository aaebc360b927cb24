package eu.lexbridge.trust.evidence;

import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.KeyFiles;
import eu.lexbridge.trust.pki.SharedTestPki;
import eu.lexbridge.trust.pki.TestPki;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;

/** A generated test PKI with the seal keys of its parties, for sealing and verifying evidences in tests. */
final class SealingPki {

    static final char[] PASSWORD = "seal-test-Pa55".toCharArray();

    private final GeneratedPki pki;

    private SealingPki(GeneratedPki pki) {
        this.pki = pki;
    }

    static SealingPki generate(Path dir, String... parties) {
        return new SealingPki(SharedTestPki.copyTo(dir, List.of(parties), PASSWORD));
    }

    /**
     * A PKI of its own: for a test that changes its CA files (deletes its CRLs), or needs one that does not chain to
     * the shared one's CA.
     */
    static SealingPki generateOwn(Path dir, String... parties) {
        return new SealingPki(TestPki.generate(dir, List.of(parties), PASSWORD));
    }

    SealKey sealKey(String party) {
        KeyStore store = KeyStores.loadPkcs12(pki.parties().get(party).sealKeyStore(), PASSWORD);
        return SealKey.fromKeyStore(store, TestPki.SEAL_ALIAS, PASSWORD);
    }

    /** The test PKI's key whose certificate is on its issuing CA's CRL (issued below an intermediate CA). */
    SealKey revokedKey() {
        KeyFiles revoked = pki.revokedSigner();
        return SealKey.fromKeyStore(KeyStores.loadPkcs12(revoked.keyStore(), PASSWORD), revoked.alias(), PASSWORD);
    }

    X509Certificate sealCertificate(String party) {
        return KeyStores.readCertificate(pki.parties().get(party).sealCertificate());
    }

    KeyStore trustStore() {
        return KeyStores.loadPkcs12(pki.trustStore(), PASSWORD);
    }

    GeneratedPki files() {
        return pki;
    }
}
