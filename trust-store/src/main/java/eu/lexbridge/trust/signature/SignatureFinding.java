package eu.lexbridge.trust.signature;

import java.util.Objects;

/**
 * One finding about one signature, whoever checked it: the signature-checks block ({@link SignatureChecks}) and the
 * checks evidence, container and document validation add of their own all report in this one shape. Evidence and
 * container verification pass it on as their published problem types; document validation as its sentence.
 *
 * @param code what was found
 * @param sentence a sentence for a person; names certificates, references and algorithms, never document content
 */
public record SignatureFinding(Code code, String sentence) {

    public SignatureFinding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(sentence, "sentence");
    }

    /** Which verdict a finding takes away. */
    public enum Aspect {
        /** The signature's cryptographic integrity, or that it covers what it must: the signature is not intact. */
        INTEGRITY,
        /** Whether the signer is one we trust: the signer is not trusted. */
        TRUST,
        /** Worth knowing, changes neither verdict. */
        NOTICE
    }

    public enum Code {
        /** The document carries no signature. */
        NOT_SIGNED(Aspect.INTEGRITY),
        /** Several signatures, a signature that is not a child of the root, or a reference out of the document. */
        NOT_ENVELOPED(Aspect.INTEGRITY),
        /** DSS could not read the signature, or found not the one signature expected. */
        SIGNATURE_UNREADABLE(Aspect.INTEGRITY),
        /** A reference's data is missing or does not match its digest, or the signature value does not verify. */
        SIGNATURE_BROKEN(Aspect.INTEGRITY),
        /** The signature is intact but does not cover the whole document it seals. */
        NOT_WHOLE_DOCUMENT(Aspect.INTEGRITY),
        /** The signature holds content beyond its own parts that no reference covers (signature wrapping). */
        UNSIGNED_CONTENT(Aspect.INTEGRITY),
        /** A detached signature does not reference the signed data object it is for. */
        NOT_COVERING_SIGNED_OBJECT(Aspect.INTEGRITY),
        /** The signature covers no data DSS can find. */
        NO_SIGNED_DATA(Aspect.INTEGRITY),
        /** No certificate in (or beside) the signature verifies it. */
        SIGNER_UNKNOWN(Aspect.TRUST),
        /** The signer's certificate does not chain to a trust anchor. */
        SIGNER_UNTRUSTED(Aspect.TRUST),
        /** The signer is trusted, but is not the one the signature should come from. */
        SIGNER_NOT_EXPECTED(Aspect.TRUST),
        /** The signer's certificate (or a CA above it) was not valid at the time the signature claims. */
        SIGNER_NOT_VALID_AT_SIGNING_TIME(Aspect.TRUST),
        /** The signer's certificate does not allow signing (key usage). */
        SIGNER_KEY_USAGE(Aspect.TRUST),
        /** The signature claims no signing time, or one in the future. */
        SIGNING_TIME_IMPLAUSIBLE(Aspect.TRUST),
        /** The signer's certificate (or a CA between it and the trust anchor) is revoked. */
        SIGNER_REVOKED(Aspect.TRUST),
        /** The signer's certificate is not valid now: an old signature stays what it was, a new one is suspect. */
        SIGNER_EXPIRED(Aspect.NOTICE),
        /** SHA-1 or weaker in a reference or in the signature. */
        WEAK_ALGORITHM(Aspect.NOTICE),
        /** Revocation was to be checked, but no CRL or OCSP response was reachable. */
        REVOCATION_UNKNOWN(Aspect.NOTICE),
        /** The signature claims no signing time, so the chain's validity is not checked against one. */
        SIGNING_TIME_UNCHECKED(Aspect.NOTICE),
        /** The signature covers part of what the document shows (a later revision, part of the XML). */
        PARTIAL_COVERAGE(Aspect.NOTICE),
        /** The data a detached signature signs was not given with it. */
        DETACHED_CONTENT_MISSING(Aspect.NOTICE);

        private final Aspect aspect;

        Code(Aspect aspect) {
            this.aspect = aspect;
        }

        public Aspect aspect() {
            return aspect;
        }
    }

    public Aspect aspect() {
        return code.aspect();
    }

    @Override
    public String toString() {
        return code + ": " + sentence;
    }
}
