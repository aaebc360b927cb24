package eu.lexbridge.trust.document;

import eu.europa.esig.dss.spi.tsl.TrustedListsCertificateSource;
import eu.lexbridge.trust.signature.RevocationChecking;
import eu.lexbridge.trust.signature.RevocationSettings;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link DocumentValidator} trusts and where it may look: trust anchors, optionally the certificates of
 * trusted lists, and whether revocation data is fetched. Start from {@link #offline(Collection)} and change one
 * thing at a time:
 *
 * <pre>{@code
 * ValidationSources.offline(anchors).withTrustedLists(tlSource).withRevocation(RevocationChecking.CRL)
 * }</pre>
 *
 * @param trustAnchors certificates a signer's chain must reach to be trusted (besides the trusted lists' ones)
 * @param trustedLists the trust services of trusted lists (EU LOTL or national TLs), or {@code null}; only with them
 *     does DSS determine a signature's qualification (QES). DSS fills this source when it loads the lists, so it is
 *     shared, not copied: a refresh is seen by the validator.
 * @param revocation what revocation data is fetched
 * @param fetchTimeout connection and read timeout for each revocation fetch; short, because an unreachable CRL only
 *     makes the status UNKNOWN and should not hold the message
 */
public record ValidationSources(List<X509Certificate> trustAnchors, TrustedListsCertificateSource trustedLists,
                                RevocationChecking revocation, Duration fetchTimeout) {

    /** Five seconds: a CRL distribution point answers within that or is treated as unreachable. */
    public static final Duration DEFAULT_FETCH_TIMEOUT = RevocationSettings.DEFAULT_FETCH_TIMEOUT;

    public ValidationSources {
        trustAnchors = List.copyOf(Objects.requireNonNull(trustAnchors, "trustAnchors"));
        Objects.requireNonNull(revocation, "revocation");
        Objects.requireNonNull(fetchTimeout, "fetchTimeout");
        if (fetchTimeout.isNegative() || fetchTimeout.isZero()) {
            throw new IllegalArgumentException("fetchTimeout must be positive: " + fetchTimeout);
        }
    }

    /** Trust exactly these anchors, fetch nothing: the behaviour of {@code new DocumentValidator(anchors, clock)}. */
    public static ValidationSources offline(Collection<X509Certificate> trustAnchors) {
        return new ValidationSources(List.copyOf(trustAnchors), null, RevocationChecking.OFF, DEFAULT_FETCH_TIMEOUT);
    }

    /** The same sources, with trusted lists as well (or none, with {@code null}). */
    public ValidationSources withTrustedLists(TrustedListsCertificateSource lists) {
        return new ValidationSources(trustAnchors, lists, revocation, fetchTimeout);
    }

    /** The same sources, with another revocation checking. */
    public ValidationSources withRevocation(RevocationChecking checking) {
        return new ValidationSources(trustAnchors, trustedLists, checking, fetchTimeout);
    }

    /** The same sources, with another timeout for each revocation fetch. */
    public ValidationSources withFetchTimeout(Duration timeout) {
        return new ValidationSources(trustAnchors, trustedLists, revocation, timeout);
    }
}
