package eu.lexbridge.trust.container;

import eu.lexbridge.trust.signature.SignatureFinding;
import java.util.Objects;

/**
 * One finding of a container signature check: a {@link SignatureFinding} under the name container callers have always
 * used, its code one of the container's.
 */
public record ContainerProblem(Code code, String detail) {

    public enum Code {
        /** DSS cannot read signatures.xml, or it holds not exactly one signature. */
        SIGNATURE_UNREADABLE,
        /** The signature does not reference the signed data object. */
        NOT_COVERING_SIGNED_OBJECT,
        /** A reference digest or the signature value does not verify: the content was changed. */
        SIGNATURE_BROKEN,
        /** No certificate in the signature verifies it. */
        SIGNER_UNKNOWN,
        /** The signer does not chain to a trust anchor. */
        SIGNER_UNTRUSTED,
        /**
         * The signer chains to a trust anchor but is not the sending partner's pinned container-seal certificate (nor a
         * renewal of it: same subject, same issuer): another partner's trusted key sealed it.
         */
        SIGNER_NOT_EXPECTED,
        /** The signer (or a CA above it) was not valid at the claimed signing time. */
        SIGNER_NOT_VALID_AT_SIGNING_TIME,
        /** No signing time, or one in the future. */
        SIGNING_TIME_IMPLAUSIBLE,
        /** The signer's certificate is not valid now (reported, not a trust failure by itself). */
        SIGNER_EXPIRED,
        /**
         * The signer's certificate (or a CA between it and the trust anchor) is revoked, as a CRL or OCSP response of
         * its issuer says; only found when revocation is checked. A trust failure: a revoked seal key may be in
         * anyone's hands, whatever signing time the signature claims.
         */
        SIGNER_REVOKED,
        /** Revocation was to be checked but no CRL or OCSP response was reachable (reported, not a trust failure). */
        REVOCATION_UNKNOWN
    }

    public ContainerProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
    }

    /** @throws IllegalArgumentException for a finding no container check makes */
    static ContainerProblem of(SignatureFinding finding) {
        return new ContainerProblem(Code.valueOf(finding.code().name()), finding.sentence());
    }
}
