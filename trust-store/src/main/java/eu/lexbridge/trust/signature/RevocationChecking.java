package eu.lexbridge.trust.signature;

/**
 * Where a validator (business documents, received evidences, received containers) looks for a signer's revocation
 * status besides the revocation data a signature carries itself. Whatever is chosen, only the URLs named in the
 * certificates are fetched, only over {@code file:}, {@code http:} and {@code https:}, never through AIA (which would
 * fetch issuer certificates from the signer's choice of addresses).
 */
public enum RevocationChecking {

    /** Nothing is fetched: offline validation, every signer's status is {@link RevocationStatus#NOT_CHECKED}. */
    OFF,
    /** CRLs from the certificates' CRL distribution points. */
    CRL,
    /** OCSP from the certificates' authority information access (OCSP URL only), then CRLs as above. */
    OCSP_AND_CRL
}
