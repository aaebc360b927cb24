package eu.lexbridge.trust.signature;

import java.time.Duration;
import java.util.Objects;

/**
 * Whether and how evidence and container seals are checked for revocation: one value, so that the verifiers'
 * constructors stay short and the default (offline, as before revocation checking existed) is explicit.
 *
 * @param checking what revocation data is fetched
 * @param fetchTimeout connection and read timeout for each fetch; short, because an unreachable CRL only makes the
 *     status UNKNOWN and should not hold the message
 */
public record RevocationSettings(RevocationChecking checking, Duration fetchTimeout) {

    /** Five seconds: a CRL distribution point answers within that or is treated as unreachable. */
    public static final Duration DEFAULT_FETCH_TIMEOUT = Duration.ofSeconds(5);

    /** Nothing is fetched; every seal's revocation status is {@link RevocationStatus#NOT_CHECKED}. */
    public static final RevocationSettings OFF = new RevocationSettings(RevocationChecking.OFF, DEFAULT_FETCH_TIMEOUT);

    public RevocationSettings {
        Objects.requireNonNull(checking, "checking");
        Objects.requireNonNull(fetchTimeout, "fetchTimeout");
        if (fetchTimeout.isNegative() || fetchTimeout.isZero()) {
            throw new IllegalArgumentException("fetchTimeout must be positive: " + fetchTimeout);
        }
    }

    /** {@code checking} with {@link #DEFAULT_FETCH_TIMEOUT}. */
    public static RevocationSettings of(RevocationChecking checking) {
        return new RevocationSettings(checking, DEFAULT_FETCH_TIMEOUT);
    }

    /** The same checking, with another timeout for each fetch. */
    public RevocationSettings withFetchTimeout(Duration timeout) {
        return new RevocationSettings(checking, timeout);
    }
}
