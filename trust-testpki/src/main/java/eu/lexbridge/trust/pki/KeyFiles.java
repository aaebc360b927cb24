package eu.lexbridge.trust.pki;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One key of the test PKI as files.
 *
 * @param keyStore PKCS#12 with the key and its chain (leaf, issuing CA, root) under {@code alias}
 * @param certificate the leaf certificate, PEM
 * @param alias the key store alias
 */
public record KeyFiles(Path keyStore, Path certificate, String alias) {
    public KeyFiles {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(alias, "alias");
    }

    KeyFiles relocated(Path from, Path to) {
        return new KeyFiles(GeneratedPki.relocated(keyStore, from, to), GeneratedPki.relocated(certificate, from, to),
                alias);
    }
}
