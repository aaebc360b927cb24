package eu.lexbridge.trust.signature;

/**
 * What is known about a signer's certificate being revoked. The values follow the e-CODEX colours of a technical
 * result: {@link #GOOD} can be green, {@link #UNKNOWN} is at best yellow ("SUFFICIENT": the status could not be
 * determined), {@link #REVOKED} is red.
 */
public enum RevocationStatus {

    /** A CRL (or OCSP response) signed by the issuer says the certificate is not revoked. */
    GOOD,
    /** A CRL (or OCSP response) signed by the issuer says the certificate is revoked: the signature is not trusted. */
    REVOKED,
    /**
     * Revocation was to be checked but no usable CRL or OCSP response was found (unreachable, not published, a scheme
     * that is not fetched), or the signer does not chain to a trust anchor (DSS fetches nothing for an unknown signer).
     */
    UNKNOWN,
    /** Revocation checking is off and the signature carries no revocation data of its own. */
    NOT_CHECKED
}
