package eu.lexbridge.trust.signature;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The signer's certificate is valid now. Kept apart from trust: an old signature stays what it was, but a new one
 * made with an expired key is suspect, and the caller decides what that means.
 *
 * @param clock our time
 * @param saysWhetherValidWhenSigned add, when it was, that the certificate was valid at the claimed signing time,
 *     which no time-stamp proves (as the evidence report has always said)
 */
public record SignerValidNow(Clock clock, boolean saysWhetherValidWhenSigned) implements SignatureCheck {

    public SignerValidNow {
        Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<SignatureFinding> check(SignatureView signature) {
        SignatureView.Certificate signer = signature.signer();
        if (signer == null || signer.validAt(clock.instant())) {
            return List.of();
        }
        Instant signedAt = signature.claimedSigningTime();
        boolean validWhenSigned = saysWhetherValidWhenSigned && signedAt != null && signer.validAt(signedAt);
        return List.of(new SignatureFinding(SignatureFinding.Code.SIGNER_EXPIRED, "the certificate of "
                + signer.subject() + " is not valid now (valid " + signer.notBefore() + " to " + signer.notAfter()
                + ")" + (validWhenSigned ? "; it was valid at the claimed signing time " + signedAt
                + ", which no time-stamp proves" : "")));
    }
}
