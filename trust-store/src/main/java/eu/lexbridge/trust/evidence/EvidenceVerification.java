package eu.lexbridge.trust.evidence;

import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.trust.signature.RevocationStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@link EvidenceVerifier} found. Integrity and trust are separate verdicts: an intact seal by an unknown signer
 * is {@code intact && !trusted}; a broken seal is never trusted.
 *
 * @param intact the evidence is sealed with one enveloped signature covering the whole document, and that signature
 *     is cryptographically correct (reference digests and signature value)
 * @param trusted the signer's certificate chains to a trust anchor, is the expected partner's when one was given,
 *     allows signing, was valid at the signing time the signature claims, and is not known to be revoked (nor is a
 *     CA above it)
 * @param signerExpired the signer's certificate is outside its validity period at verification time (reported apart
 *     from {@code trusted})
 * @param signerSubject the subject DN of the signing certificate, or {@code null} when none was identified
 * @param signingTime the signing time the signature claims, or {@code null}
 * @param revocation the signer's revocation status: {@link RevocationStatus#NOT_CHECKED} when the verifier checks no
 *     revocation, {@link RevocationStatus#UNKNOWN} when it does but found no answer (still acceptable), did not get
 *     as far as a signer chaining to a trust anchor, or the signer is itself a trust anchor (an anchor's status is
 *     not looked up); {@link RevocationStatus#REVOKED} never with {@code trusted}
 * @param type the evidence type
 * @param evidenceId the EvidenceIdentifier
 * @param remmdMessageIdentifier the ebMS message id the evidence is about (MessageIdentifierByREMMD), or {@code null}
 * @param uaMessageIdentifier the back-end message id the evidence is about (UAMessageIdentifier), or {@code null}
 * @param dssIndication DSS's own verdict under its default policy (e.g. {@code TOTAL_PASSED},
 *     {@code INDETERMINATE/NO_CERTIFICATE_CHAIN_FOUND}), for the record; {@code null} when DSS was not asked
 * @param problems every finding, in the order found
 */
public record EvidenceVerification(boolean intact, boolean trusted, boolean signerExpired, String signerSubject,
                                   Instant signingTime, RevocationStatus revocation, EvidenceType type,
                                   String evidenceId, String remmdMessageIdentifier, String uaMessageIdentifier,
                                   String dssIndication, List<EvidenceProblem> problems) {

    public EvidenceVerification {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(evidenceId, "evidenceId");
        Objects.requireNonNull(revocation, "revocation");
        problems = List.copyOf(problems);
        if (trusted && !intact) {
            throw new IllegalArgumentException("A signature that is not intact cannot be trusted");
        }
        if (trusted && revocation == RevocationStatus.REVOKED) {
            throw new IllegalArgumentException("A signature by a revoked certificate cannot be trusted");
        }
    }

    /** What a newly received evidence must be before it may change a message's state. */
    public boolean acceptable() {
        return intact && trusted && !signerExpired;
    }

    public boolean has(EvidenceProblem.Code code) {
        return problems.stream().anyMatch(problem -> problem.code() == code);
    }
}
