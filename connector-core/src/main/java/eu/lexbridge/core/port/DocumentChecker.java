package eu.lexbridge.core.port;

import eu.lexbridge.core.message.PayloadRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Validates the signatures of a business document against the configured trust anchors and trusted lists. */
public interface DocumentChecker {

    /**
     * Never throws for a bad or unsigned document: the check says what it found.
     *
     * @param document the business document
     * @param detachedSignature its detached signature, or {@code null} when the document carries its own
     */
    Check check(PayloadRef document, PayloadRef detachedSignature);

    /** The level a document reaches: the weakest of its signatures decides, a qualified one lifts it to QUALIFIED. */
    enum Level {
        /**
         * No signature, or a signature that is broken, untrusted, revoked, or does not cover the document as shown (a
         * later PDF revision changes content; an XML or CMS signature over part of the document).
         */
        NONE,
        /**
         * Every signature intact, over the whole document (up to permitted later changes), and by a trusted signer
         * whose certificate is not known to be revoked.
         */
        ADVANCED,
        /** ADVANCED, and at least one qualified electronic signature or seal according to the trusted lists. */
        QUALIFIED
    }

    /** What is known of a signer certificate's revocation. */
    enum Revocation {
        GOOD,
        REVOKED,
        /** Revocation data was wanted and could not be had (CRL or OCSP unreachable): the token says SUFFICIENT. */
        UNKNOWN,
        /** Revocation checking is switched off. */
        NOT_CHECKED
    }

    /**
     * @param level what the document reaches
     * @param finding a sentence for people: the format and what was found
     * @param signatures one summary per signature, in the validator's order
     * @param report the validator's report, written to the payload store (kind VALIDATION_REPORT), or {@code null}
     *     when the document could not be read as a signed document
     * @param refusal why the document is refused whatever the policy (it exceeds a validation limit: size, zip
     *     inflation, nesting, time), in a sentence naming the limit; {@code null} when it is not
     */
    record Check(Level level, String finding, List<SignatureSummary> signatures, PayloadRef report, String refusal) {
        public Check {
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(finding, "finding");
            signatures = List.copyOf(signatures);
            if (refusal != null && level != Level.NONE) {
                throw new IllegalArgumentException("a refused document reaches no level");
            }
        }

        /** A check whose document is not refused. */
        public Check(Level level, String finding, List<SignatureSummary> signatures, PayloadRef report) {
            this(level, finding, signatures, report, null);
        }

        /** A document refused unvalidated, because it exceeds a validation limit. */
        public static Check refused(String refusal) {
            return new Check(Level.NONE, "refused: " + Objects.requireNonNull(refusal, "refusal"), List.of(), null,
                    refusal);
        }

        /** True when every signer's revocation status is confirmed good. */
        public boolean revocationConfirmed() {
            return !signatures.isEmpty() && signatures.stream().allMatch(s -> s.revocation() == Revocation.GOOD);
        }
    }

    /**
     * One signature as the Trust OK token summarises it.
     *
     * @param format e.g. {@code PAdES_BASELINE_B}
     * @param qualification the signature's qualification by the trusted lists, e.g. {@code QESeal}, {@code AdESig};
     *     {@code null} when unknown
     * @param signer the signing certificate's subject, or {@code null}
     * @param issuer the signing certificate's issuer, or {@code null}
     * @param signingTime the claimed signing time, or {@code null}
     * @param intact every digest matches and the signature value verifies
     * @param trusted the signer chains to a trust anchor, valid at the signing time, not revoked
     * @param validAtSigningTime the signer's certificate was valid at the claimed signing time
     * @param revocation what is known of the signer certificate's revocation
     * @param problems what is wrong, in words
     * @param coversDocument the signature covers the document as shown, up to permitted later changes
     * @param coverage what was found of the signature's coverage, in words: what it leaves uncovered, or the permitted
     *     later changes; empty for a signature over exactly the document
     */
    record SignatureSummary(String format, String qualification, String signer, String issuer, Instant signingTime,
                            boolean intact, boolean trusted, boolean validAtSigningTime, Revocation revocation,
                            List<String> problems, boolean coversDocument, List<String> coverage) {
        public SignatureSummary {
            Objects.requireNonNull(revocation, "revocation");
            problems = List.copyOf(problems);
            coverage = List.copyOf(coverage);
        }
    }
}
