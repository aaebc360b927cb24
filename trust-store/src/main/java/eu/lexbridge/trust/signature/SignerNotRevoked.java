package eu.lexbridge.trust.signature;

import java.util.List;

/**
 * The signer's certificate is not known to be revoked. A revoked certificate withdraws trust whatever signing time
 * the signature claims: only a time-stamp could prove the signature older than the revocation. A status that could
 * not be determined is a notice, and only worth one where DSS looked (a chain it trusts); the constants are the two
 * ways the reports have always told where that is.
 */
public enum SignerNotRevoked implements SignatureCheck {

    /**
     * An unknown status is said for a signer below a trust anchor: an anchor's own status is never looked up (DSS
     * trusts it as configured), and DSS fetches nothing for a signer outside every trusted chain.
     */
    UNKNOWN_SAID_BELOW_AN_ANCHOR,
    /** An unknown status is said when the chain is otherwise trusted: anchored, valid when signed, no CA revoked. */
    UNKNOWN_SAID_WHEN_OTHERWISE_TRUSTED;

    @Override
    public List<SignatureFinding> check(SignatureView signature) {
        if (signature.signer() == null) {
            return List.of();
        }
        SignerRevocation status = signature.signer().revocation();
        boolean worthSaying = this == UNKNOWN_SAID_BELOW_AN_ANCHOR ? signature.anchor() > 0
                : otherwiseTrusted(signature);
        return status.problem(signature.signer().subject(), signature.claimedSigningTime(), worthSaying)
                .map(sentence -> List.of(new SignatureFinding(status.revoked() ? SignatureFinding.Code.SIGNER_REVOKED
                        : SignatureFinding.Code.REVOCATION_UNKNOWN, sentence)))
                .orElse(List.of());
    }

    private static boolean otherwiseTrusted(SignatureView signature) {
        return signature.anchored()
                && ValidAtSigningTime.ANCHORED_PATH.check(signature).isEmpty()
                && new IssuersNotRevoked().check(signature).isEmpty();
    }
}
