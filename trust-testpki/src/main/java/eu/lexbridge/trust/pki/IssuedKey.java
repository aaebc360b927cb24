package eu.lexbridge.trust.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** A private key with its certificate chain, leaf first, root last. */
record IssuedKey(PrivateKey privateKey, List<X509Certificate> chain) {
    IssuedKey {
        chain = List.copyOf(chain);
    }

    X509Certificate certificate() {
        return chain.get(0);
    }
}
