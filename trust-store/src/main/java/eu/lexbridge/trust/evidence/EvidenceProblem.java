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

    public enum Code {
        NOT_SIGNED,
        /** Several signatures, a signature that is not a child of the root, or a reference out of the document. */
        NOT_ENVELOPED,
        /** DSS could not read the signature. */
        SIGNATURE_UNREADABLE,
        /** A reference digest or the signature value does not match. */
        SIGNATURE_BROKEN,
        /** The signature is intact but does not cover the whole evidence. */
        NOT_WHOLE_DOCUMENT,
        /**
         * The ds:Signature holds content beyond its own parts that no reference covers (e.g. a second evidence body in
         * a ds:Object: signature wrapping); the evidence is refused rather than read past it.
         */
        UNSIGNED_CONTENT,
        /** No certificate in the signature verifies it. */
        SIGNER_UNKNOWN,
        /** The signer's certificate does not chain to a trust anchor. */
        SIGNER_UNTRUSTED,
        /** The signer is trusted, but is not the partner the evidence should come from. */
        SIGNER_NOT_EXPECTED,
        /** The signer's certificate (or a CA above it) was not valid at the time the signature claims. */
        SIGNER_NOT_VALID_AT_SIGNING_TIME,
        /** The signer's certificate does not allow signing (key usage). */
        SIGNER_KEY_USAGE,
        /** The signature claims no signing time, or one in the future. */
        SIGNING_TIME_IMPLAUSIBLE,
        /**
         * The signer's certificate (or a CA between it and the trust anchor) is revoked, as a CRL or OCSP response of
         * its issuer says; only found when revocation is checked. The seal's key may have been compromised, so the
         * evidence proves nothing whatever signing time it claims (no time-stamp proves it earlier).
         */
        SIGNER_REVOKED,
        /**
         * The signer's certificate has expired (or is not yet valid) now. Kept apart from trust: an old evidence
         * stays what it was, but a new one signed with an expired key is suspect.
         */
        SIGNER_EXPIRED,
        /** SHA-1 or weaker in a reference or in the signature. */
        WEAK_ALGORITHM,
        /**
         * Revocation was to be checked, but no CRL or OCSP response was reachable: the evidence is still acceptable
         * (e-CODEX "SUFFICIENT"), the status is reported as unknown.
         */
        REVOCATION_UNKNOWN;

        /**
         * The verdict a finding of this code takes away: {@link SignatureFinding.Aspect#INTEGRITY} (the evidence is
         * not intact), {@link SignatureFinding.Aspect#TRUST} (the signer is not trusted), or none
         * ({@link SignatureFinding.Aspect#NOTICE}, e.g. SHA-1 references, which e-CODEX uses on purpose); the
         * signature-checks block's, under the same name.
         */
        public SignatureFinding.Aspect aspect() {
            return SignatureFinding.Code.valueOf(name()).aspect();
        }
    }

    @Override
    public String toString() {
        return code + ": " + detail;
    }
}
