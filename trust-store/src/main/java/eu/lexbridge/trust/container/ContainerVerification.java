package eu.lexbridge.trust.container;

import java.time.Instant;
import java.util.List;

/**
 * What the container signature check found. Integrity and trust are separate verdicts, as for evidences: an intact
 * seal by an unknown signer is {@code intact && !trusted}; a broken seal is never trusted.
 *
 * @param intact the one XAdES signature references the signed data object and verifies over its bytes (reference
 *     digests and signature value)
 * @param trusted the signer chains to a trust anchor and was valid at the signing time it claims
 * @param signedObject the name of the signed data object (normally SignedContent.zip)
 * @param signerSubject the signer's subject DN, or {@code null}
 * @param signingTime the claimed signing time, or {@code null}
 * @param dssIndication DSS's verdict under its default policy, for the record, or {@code null}
 * @param problems every finding, in order
 */
public record ContainerVerification(boolean intact, boolean trusted, String signedObject, String signerSubject,
                                    Instant signingTime, String dssIndication, List<ContainerProblem> problems) {

    public ContainerVerification {
        problems = List.copyOf(problems);
        if (trusted && !intact) {
            throw new IllegalArgumentException("A broken signature is never trusted");
        }
    }

    /** Intact and trusted. */
    public boolean valid() {
        return intact && trusted;
    }
}
