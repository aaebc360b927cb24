package eu.lexbridge.trust.signature;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The signer's certificate and every CA up to the trust anchor were valid at the signing time the signature claims.
 * Nothing is judged without a claimed time ({@link ClaimedSigningTime} says so for seals). The constants are the
 * three ways the reports have always done it, kept so that no message changes.
 */
public enum ValidAtSigningTime implements SignatureCheck {

    /** Judges the signer alone when the chain reaches no anchor; names each certificate's validity period. */
    PATH_OR_SIGNER_NAMING_VALIDITY(true, true),
    /** Judges the signer alone when the chain reaches no anchor. */
    PATH_OR_SIGNER(true, false),
    /** Judges only a chain that reaches an anchor: an untrusted signer is reported as that alone. */
    ANCHORED_PATH(false, false);

    private final boolean signerWithoutAnchor;
    private final boolean namesValidity;

    ValidAtSigningTime(boolean signerWithoutAnchor, boolean namesValidity) {
        this.signerWithoutAnchor = signerWithoutAnchor;
        this.namesValidity = namesValidity;
    }

    @Override
    public List<SignatureFinding> check(SignatureView signature) {
        Instant signedAt = signature.claimedSigningTime();
        if (signature.signer() == null || signedAt == null || !signature.anchored() && !signerWithoutAnchor) {
            return List.of();
        }
        List<SignatureFinding> found = new ArrayList<>();
        for (SignatureView.Certificate certificate : signature.pathToAnchor()) {
            if (!certificate.validAt(signedAt)) {
                found.add(new SignatureFinding(SignatureFinding.Code.SIGNER_NOT_VALID_AT_SIGNING_TIME,
                        "the certificate of " + certificate.subject() + (namesValidity ? " (valid "
                                + certificate.notBefore() + " to " + certificate.notAfter() + ")" : "")
                                + " was not valid at the signing time " + signedAt));
            }
        }
        return found;
    }
}
