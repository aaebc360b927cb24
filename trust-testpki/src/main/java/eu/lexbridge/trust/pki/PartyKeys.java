package eu.lexbridge.trust.pki;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The files of one party of the test PKI.
 *
 * @param party the party name, e.g. {@code at-prosecutor}
 * @param as4KeyStore PKCS#12 with the AS4 signing/encryption key and chain under alias {@code as4}
 * @param as4Certificate the AS4 leaf certificate, PEM
 * @param tlsKeyStore PKCS#12 with the TLS key and chain under alias {@code tls}
 * @param sealKeyStore PKCS#12 with the evidence-seal key and chain under alias {@code seal}
 * @param sealCertificate the evidence-seal leaf certificate, PEM: what partners pin to verify our evidences
 * @param containerKeyStore PKCS#12 with the container-seal key and chain under alias {@code container}: a key of its
 *     own, apart from the evidence seal (Annex I 5.3)
 * @param containerCertificate the container-seal leaf certificate, PEM
 * @param documentSealKeyStore PKCS#12 with the business-document seal key under alias {@code document-seal}: a
 *     qualified certificate for an electronic seal of a legal person (EN 319 412-5 QcCompliance, QcType eseal,
 *     QcSSCD; policy QCP-l-qscd) from the issuing CA; chain leaf, issuing CA, root
 * @param documentSealCertificate the document-seal leaf certificate, PEM
 *
 * <p>The eDelivery AS4 2.0 keys lie next to {@code as4.p12}, in {@link #as4Edelivery2KeyStore()}.
 */
public record PartyKeys(String party, Path as4KeyStore, Path as4Certificate, Path tlsKeyStore, Path sealKeyStore,
                        Path sealCertificate, Path containerKeyStore, Path containerCertificate,
                        Path documentSealKeyStore, Path documentSealCertificate) {
    public PartyKeys {
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(as4KeyStore, "as4KeyStore");
        Objects.requireNonNull(as4Certificate, "as4Certificate");
        Objects.requireNonNull(tlsKeyStore, "tlsKeyStore");
        Objects.requireNonNull(sealKeyStore, "sealKeyStore");
        Objects.requireNonNull(sealCertificate, "sealCertificate");
        Objects.requireNonNull(containerKeyStore, "containerKeyStore");
        Objects.requireNonNull(containerCertificate, "containerCertificate");
        Objects.requireNonNull(documentSealKeyStore, "documentSealKeyStore");
        Objects.requireNonNull(documentSealCertificate, "documentSealCertificate");
    }

    PartyKeys relocated(Path from, Path to) {
        return new PartyKeys(party, GeneratedPki.relocated(as4KeyStore, from, to),
                GeneratedPki.relocated(as4Certificate, from, to), GeneratedPki.relocated(tlsKeyStore, from, to),
                GeneratedPki.relocated(sealKeyStore, from, to), GeneratedPki.relocated(sealCertificate, from, to),
                GeneratedPki.relocated(containerKeyStore, from, to),
                GeneratedPki.relocated(containerCertificate, from, to),
                GeneratedPki.relocated(documentSealKeyStore, from, to),
                GeneratedPki.relocated(documentSealCertificate, from, to));
    }

    /**
     * PKCS#12 with the party's eDelivery AS4 2.0 keys, each with its chain: {@link TestPki#AS4_SIGN_ALIAS} (Ed25519)
     * and {@link TestPki#AS4_DECRYPT_ALIAS} (X25519) for the Common Usage Profile, {@link TestPki#AS4_EC_SIGN_ALIAS}
     * and {@link TestPki#AS4_EC_DECRYPT_ALIAS} (P-256) for its EC option. A 2.0 party has two certificates: an X25519
     * key cannot sign.
     */
    public Path as4Edelivery2KeyStore() {
        return as4KeyStore.resolveSibling("as4-edelivery2.p12");
    }

    /** The PEM leaf certificate of one key of {@link #as4Edelivery2KeyStore()}: {@code <alias>.crt}. */
    public Path as4Edelivery2Certificate(String alias) {
        if (!TestPki.AS4_SIGN_ALIAS.equals(alias) && !TestPki.AS4_DECRYPT_ALIAS.equals(alias)
                && !TestPki.AS4_EC_SIGN_ALIAS.equals(alias) && !TestPki.AS4_EC_DECRYPT_ALIAS.equals(alias)) {
            throw new IllegalArgumentException("no eDelivery AS4 2.0 key has the alias '" + alias + "'");
        }
        return as4KeyStore.resolveSibling(alias + ".crt");
    }
}
