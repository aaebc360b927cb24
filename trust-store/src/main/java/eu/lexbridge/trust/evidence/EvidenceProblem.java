package eu.lexbridge.trust.evidence;

import eu.lexbridge.trust.signature.SignatureFinding;
import java.util.Objects;

/**
 * One finding of an evidence verification: a {@link SignatureFinding} under the name evidence callers have always
 * used, its code one of the evidence's.
 *
 * @param code what was found
 * @param detail a sentence for a person; names certificates and algorithms, never document content
 */
public record EvidenceProblem(Code code, String detail) {

    public EvidenceProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
    }

    /** @throws IllegalArgumentException for a finding no evidence check makes */
    static EvidenceProblem of(SignatureFinding finding) {
        return new EvidenceProblem(Code.valueOf(finding.code().name()), finding.sentence());
    }

    /** What a finding says something about. */
    public enum Aspect {
        /** The signature's cryptographic integrity: a finding of this kind means the evidence is not intact. */
        INTEGRITY,
        /** Whether the signer is one we trust: a finding of this kind means the signer is not trusted. */
        TRUST,
        /** Worth knowing, changes neither verdict (e.g. SHA-1 references, which e-CODEX uses on purpose). */
        NOTICE
    }

    public enum Code {
        NOT_SIGNED(Aspect.INTEGRITY),
        /** Several signatures, a signature that is not a child of the root, or a reference out of the document. */
        NOT_ENVELOPED(Aspect.INTEGRITY),
        /** DSS could not read the signature. */
        SIGNATURE_UNREADABLE(Aspect.INTEGRITY),
        /** A reference digest or the signature value does not match. */
        SIGNATURE_BROKEN(Aspect.INTEGRITY),
        /** The signature is intact but does not cover the whole evidence. */
        NOT_WHOLE_DOCUMENT(Aspect.INTEGRITY),
        /**
         * The ds:Signature holds content beyond its own parts that no reference covers (e.g. a second evidence body in
         * a ds:Object: signature wrapping); the evidence is refused rather than read past it.
         */
        UNSIGNED_CONTENT(Aspect.INTEGRITY),
        /** No certificate in the signature verifies it. */
        SIGNER_UNKNOWN(Aspect.TRUST),
        /** The signer's certificate does not chain to a trust anchor. */
        SIGNER_UNTRUSTED(Aspect.TRUST),
        /** The signer is trusted, but is not the partner the evidence should come from. */
        SIGNER_NOT_EXPECTED(Aspect.TRUST),
        /** The signer's certificate (or a CA above it) was not valid at the time the signature claims. */
        SIGNER_NOT_VALID_AT_SIGNING_TIME(Aspect.TRUST),
        /** The signer's certificate does not allow signing (key usage). */
        SIGNER_KEY_USAGE(Aspect.TRUST),
        /** The signature claims no signing time, or one in the future. */
        SIGNING_TIME_IMPLAUSIBLE(Aspect.TRUST),
        /**
         * The signer's certificate (or a CA between it and the trust anchor) is revoked, as a CRL or OCSP response of
         * its issuer says; only found when revocation is checked. The seal's key may have been compromised, so the
         * evidence proves nothing whatever signing time it claims (no time-stamp proves it earlier).
         */
        SIGNER_REVOKED(Aspect.TRUST),
        /**
         * The signer's certificate has expired (or is not yet valid) now. Kept apart from trust: an old evidence
         * stays what it was, but a new one signed with an expired key is suspect.
         */
        SIGNER_EXPIRED(Aspect.NOTICE),
        /** SHA-1 or weaker in a reference or in the signature. */
        WEAK_ALGORITHM(Aspect.NOTICE),
        /**
         * Revocation was to be checked, but no CRL or OCSP response was reachable: the evidence is still acceptable
         * (e-CODEX "SUFFICIENT"), the status is reported as unknown.
         */
        REVOCATION_UNKNOWN(Aspect.NOTICE);

        private final Aspect aspect;

        Code(Aspect aspect) {
            this.aspect = aspect;
        }

        public Aspect aspect() {
            return aspect;
        }
    }

    @Override
    public String toString() {
        return code + ": " + detail;
    }
}
