package eu.lexbridge.trust.pki;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link TestPki#generate} wrote.
 *
 * @param directory the directory everything was written under
 * @param caCertificate the root CA certificate, PEM ({@code ca.crt})
 * @param trustStore the PKCS#12 trust store holding the root CA under alias {@code ca}
 * @param parties the keys of each party, in the order the parties were given
 * @param issuingCaCertificate the issuing CA certificate, PEM ({@code issuing-ca.crt}): issued by the root, issuer
 *     of the document-signing certificates, and the CA/QC service on the trusted list
 * @param revocationLists the CRL of each CA and where certificates say to fetch them
 * @param trustedLists the signed trusted list, the list of trusted lists, their signers and locations
 * @param advancedSigner a document-signing key of an advanced, not qualified, certificate from the issuing CA
 *     ({@code advanced/document-signer.p12}): what a validator must rate below QUALIFIED
 * @param revokedSigner a document-signing key whose certificate is on the issuing CA's CRL
 *     ({@code revoked/document-signer.p12})
 * @param directoryPublisher the seal key of a directory publisher ({@code directory/publisher.p12}): it seals
 *     directory snapshots
 */
public record GeneratedPki(Path directory, Path caCertificate, Path trustStore, Map<String, PartyKeys> parties,
                           Path issuingCaCertificate, RevocationLists revocationLists, TrustedLists trustedLists,
                           KeyFiles advancedSigner, KeyFiles revokedSigner, KeyFiles directoryPublisher) {
    public GeneratedPki {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(caCertificate, "caCertificate");
        Objects.requireNonNull(trustStore, "trustStore");
        Objects.requireNonNull(parties, "parties");
        Objects.requireNonNull(issuingCaCertificate, "issuingCaCertificate");
        Objects.requireNonNull(revocationLists, "revocationLists");
        Objects.requireNonNull(trustedLists, "trustedLists");
        Objects.requireNonNull(advancedSigner, "advancedSigner");
        Objects.requireNonNull(revokedSigner, "revokedSigner");
        Objects.requireNonNull(directoryPublisher, "directoryPublisher");
        // Keep the caller's party order: the demo prints it.
        parties = Collections.unmodifiableMap(new LinkedHashMap<>(parties));
    }

    /**
     * This PKI as copied, file for file, under {@code to}: every file's path re-rooted there. The CRL and trusted-list
     * locations stay: the certificates and lists carry them.
     */
    public GeneratedPki relocatedTo(Path to) {
        Map<String, PartyKeys> moved = new LinkedHashMap<>();
        parties.forEach((name, keys) -> moved.put(name, keys.relocated(directory, to)));
        return new GeneratedPki(to, relocate(caCertificate, to), relocate(trustStore, to), moved,
                relocate(issuingCaCertificate, to), revocationLists.relocated(directory, to),
                trustedLists.relocated(directory, to), advancedSigner.relocated(directory, to),
                revokedSigner.relocated(directory, to), directoryPublisher.relocated(directory, to));
    }

    private Path relocate(Path file, Path to) {
        return relocated(file, directory, to);
    }

    /** {@code file}, a path under {@code from}, at the same place under {@code to}. */
    static Path relocated(Path file, Path from, Path to) {
        return to.resolve(from.relativize(file).toString());
    }
}
