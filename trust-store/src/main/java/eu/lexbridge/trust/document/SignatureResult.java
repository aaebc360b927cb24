package eu.lexbridge.trust.document;

import eu.europa.esig.dss.enumerations.SignatureQualification;
import eu.lexbridge.trust.signature.RevocationStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One signature of a validated document. Integrity and trust are separate verdicts: a signature can be intact and
 * made by an unknown signer, or made by a trusted signer over content changed since.
 *
 * @param signatureId DSS's id of the signature
 * @param format the signature's format as DSS names it, e.g. {@code XAdES_BASELINE_B}
 * @param intact the cryptographic integrity: every reference (or message) digest matches its data, and the signature
 *     value verifies with the signing certificate's key
 * @param trusted the signing certificate chains to one of the trust anchors (or a trusted list's service), the chain's
 *     certificates were valid at the claimed signing time, and none of them is known to be revoked
 * @param signerSubject the signing certificate's subject, or {@code null} when no certificate verifies the signature
 * @param signerIssuer the signing certificate's issuer, or {@code null}
 * @param signingTime the claimed signing time, or {@code null}
 * @param validAtSigningTime the signing certificate was within its validity period at the claimed signing time
 * @param dssIndication DSS's indication under its default policy (e.g. {@code TOTAL_PASSED}, {@code INDETERMINATE})
 * @param dssSubIndication DSS's sub-indication, or {@code null}
 * @param revocation the signer's revocation status; {@link RevocationStatus#UNKNOWN} leaves {@code trusted} as it is
 *     (e-CODEX "SUFFICIENT", yellow), {@link RevocationStatus#REVOKED} makes it false
 * @param revokedAt when the signer's certificate was revoked, for {@link RevocationStatus#REVOKED}; otherwise
 *     {@code null}
 * @param qualification DSS's signature qualification as ETSI writes it ({@code QESig}, {@code QESeal},
 *     {@code AdESig}, {@code Indeterminate QESig}, {@code N/A} ...), or {@code null} when DSS gave none; meaningful
 *     only with trusted lists
 * @param qualified a qualified electronic signature or seal ({@code QESig} or {@code QESeal}), which needs trusted
 *     lists: always false without them
 * @param problems what is wrong, in words (a signature that does not cover the whole document says so here too);
 *     empty when nothing is
 * @param coverage what the signature covers of the document as shown, with permitted later changes named
 */
public record SignatureResult(String signatureId, String format, boolean intact, boolean trusted, String signerSubject,
                              String signerIssuer, Instant signingTime, boolean validAtSigningTime,
                              String dssIndication, String dssSubIndication,
                              RevocationStatus revocation, Instant revokedAt, String qualification, boolean qualified,
                              List<String> problems, Coverage coverage) {

    public SignatureResult {
        Objects.requireNonNull(revocation, "revocation");
        if ((revocation == RevocationStatus.REVOKED) != (revokedAt != null)) {
            throw new IllegalArgumentException("revokedAt is given exactly for a REVOKED signer");
        }
        problems = List.copyOf(problems);
        Objects.requireNonNull(coverage, "coverage");
    }

    /** True for the qualification DSS calls a qualified electronic signature or seal; 6.4 has no such method. */
    static boolean isQualified(SignatureQualification qualification) {
        return qualification == SignatureQualification.QESIG || qualification == SignatureQualification.QESEAL;
    }
}
