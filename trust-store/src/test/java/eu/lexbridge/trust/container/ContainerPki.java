package eu.lexbridge.trust.container;

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

/** A generated test PKI; its seal key serves as the container-seal key in tests. */
final class ContainerPki {

    static final char[] PASSWORD = "container-test-Pa55".toCharArray();

    private final GeneratedPki pki;

    private ContainerPki(GeneratedPki pki) {
        this.pki = pki;
    }

    /** One CA issuing a seal key to each party: every party's container seal is trusted by the same anchor. */
    static ContainerPki generate(Path dir, String... parties) {
        return new ContainerPki(SharedTestPki.copyTo(dir, List.of(parties), PASSWORD));
    }

    /**
     * A PKI of its own: for a test that changes its CA files (deletes its CRLs), or needs one that does not chain to
     * the shared one's CA.
     */
    static ContainerPki generateOwn(Path dir, String... parties) {
        return new ContainerPki(TestPki.generate(dir, List.of(parties), PASSWORD));
    }

    SealKey containerKey(String party) {
        KeyStore store = KeyStores.loadPkcs12(pki.parties().get(party).sealKeyStore(), PASSWORD);
        return SealKey.fromKeyStore(store, TestPki.SEAL_ALIAS, PASSWORD);
    }

    /** The test PKI's key whose certificate is on its issuing CA's CRL (issued below an intermediate CA). */
    SealKey revokedKey() {
        KeyFiles revoked = pki.revokedSigner();
        return SealKey.fromKeyStore(KeyStores.loadPkcs12(revoked.keyStore(), PASSWORD), revoked.alias(), PASSWORD);
    }

    X509Certificate ca() {
        return KeyStores.readCertificate(pki.caCertificate());
    }

    GeneratedPki files() {
        return pki;
    }
}
