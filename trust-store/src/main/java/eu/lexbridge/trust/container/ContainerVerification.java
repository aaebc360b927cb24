package eu.lexbridge.trust.container;

import eu.lexbridge.trust.signature.RevocationStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the container signature check found. Integrity and trust are separate verdicts, as for evidences: an intact
 * seal by an unknown signer is {@code intact && !trusted}; a broken seal is never trusted.
 *
 * @param intact the one XAdES signature references the signed data object and verifies over its bytes (reference
 *     digests and signature value)
 * @param trusted the signer chains to a trust anchor, was valid at the signing time it claims, and is not known to be
 *     revoked (nor is a CA above it)
 * @param signedObject the name of the signed data object (normally SignedContent.zip)
 * @param signerSubject the signer's subject DN, or {@code null}
 * @param signingTime the claimed signing time, or {@code null}
 * @param revocation the signer's revocation status: {@link RevocationStatus#NOT_CHECKED} when the reader checks no
 *     revocation, {@link RevocationStatus#UNKNOWN} when it does but found no answer (still valid), did not get as far
 *     as a signer chaining to a trust anchor, or the signer is itself a trust anchor (an anchor's status is not looked
 *     up); {@link RevocationStatus#REVOKED} never with {@code trusted}
 * @param dssIndication DSS's verdict under its default policy, for the record, or {@code null}
 * @param problems every finding, in order
 */
public record ContainerVerification(boolean intact, boolean trusted, String signedObject, String signerSubject,
                                    Instant signingTime, RevocationStatus revocation, String dssIndication,
                                    List<ContainerProblem> problems) {

    public ContainerVerification {
        Objects.requireNonNull(revocation, "revocation");
        problems = List.copyOf(problems);
        if (trusted && !intact) {
            throw new IllegalArgumentException("A broken signature is never trusted");
        }
        if (trusted && revocation == RevocationStatus.REVOKED) {
            throw new IllegalArgumentException("A signature by a revoked certificate is never trusted");
        }
    }

    /** Intact and trusted. */
    public boolean valid() {
        return intact && trusted;
    }
}
