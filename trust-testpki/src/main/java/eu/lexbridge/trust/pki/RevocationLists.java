package eu.lexbridge.trust.pki;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The CRLs of the test PKI, DER, next update a week after generation.
 *
 * @param rootCrl the root CA's CRL ({@code crl/root.crl}); revokes nothing
 * @param issuingCrl the issuing CA's CRL ({@code crl/issuing.crl}); revokes the revoked document signer only
 * @param rootCrlLocation the URL certificates issued by the root name as CRL distribution point
 * @param issuingCrlLocation the URL certificates issued by the issuing CA name as CRL distribution point
 */
public record RevocationLists(Path rootCrl, Path issuingCrl, URI rootCrlLocation, URI issuingCrlLocation) {
    public RevocationLists {
        Objects.requireNonNull(rootCrl, "rootCrl");
        Objects.requireNonNull(issuingCrl, "issuingCrl");
        Objects.requireNonNull(rootCrlLocation, "rootCrlLocation");
        Objects.requireNonNull(issuingCrlLocation, "issuingCrlLocation");
    }

    RevocationLists relocated(Path from, Path to) {
        return new RevocationLists(GeneratedPki.relocated(rootCrl, from, to),
                GeneratedPki.relocated(issuingCrl, from, to), rootCrlLocation, issuingCrlLocation);
    }
}
