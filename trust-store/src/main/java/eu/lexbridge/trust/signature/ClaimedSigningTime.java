package eu.lexbridge.trust.signature;

import static eu.lexbridge.trust.signature.SignatureFinding.Code.SIGNING_TIME_IMPLAUSIBLE;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A seal claims a signing time, and not one in the future beyond the clock skew allowed between the partner and us:
 * the time the validity of its chain is judged at must be one the signer could have signed at.
 *
 * @param clock our time
 */
public record ClaimedSigningTime(Clock clock) implements SignatureCheck {

    /** Clock skew allowed between the partner's signing time and ours. */
    public static final Duration SKEW = Duration.ofMinutes(5);

    public ClaimedSigningTime {
        Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<SignatureFinding> check(SignatureView signature) {
        if (signature.signer() == null) {
            return List.of();
        }
        Instant signedAt = signature.claimedSigningTime();
        if (signedAt == null) {
            return List.of(new SignatureFinding(SIGNING_TIME_IMPLAUSIBLE, "the signature claims no signing time"));
        }
        if (signedAt.isAfter(clock.instant().plus(SKEW))) {
            return List.of(new SignatureFinding(SIGNING_TIME_IMPLAUSIBLE,
                    "the signature claims a signing time in the future: " + signedAt));
        }
        return List.of();
    }
}
