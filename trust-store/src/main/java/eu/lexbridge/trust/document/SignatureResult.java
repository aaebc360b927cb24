package eu.lexbridge.trust.document;

import java.time.Instant;
import java.util.List;

/**
 * One signature of a validated document. Integrity and trust are separate verdicts: a signature can be intact and
 * made by an unknown signer, or made by a trusted signer over content changed since.
 *
 * @param signatureId DSS's id of the signature
 * @param format the signature's format as DSS names it, e.g. {@code XAdES_BASELINE_B}
 * @param intact the cryptographic integrity: every reference (or message) digest matches its data, and the signature
 *     value verifies with the signing certificate's key
 * @param trusted the signing certificate chains to one of the trust anchors, and the chain's certificates were valid
 *     at the claimed signing time (no revocation check: no online sources are consulted)
 * @param signerSubject the signing certificate's subject, or {@code null} when no certificate verifies the signature
 * @param signingTime the claimed signing time, or {@code null}
 * @param dssIndication DSS's indication under its default policy (e.g. {@code TOTAL_PASSED}, {@code INDETERMINATE})
 * @param dssSubIndication DSS's sub-indication, or {@code null}
 * @param problems what is wrong, in words; empty when nothing is
 */
public record SignatureResult(String signatureId, String format, boolean intact, boolean trusted, String signerSubject,
                              Instant signingTime, String dssIndication, String dssSubIndication,
                              List<String> problems) {

    public SignatureResult {
        problems = List.copyOf(problems);
    }
}
