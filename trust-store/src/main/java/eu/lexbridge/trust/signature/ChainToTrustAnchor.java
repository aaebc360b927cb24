package eu.lexbridge.trust.signature;

import java.util.List;

/** The signer's certificate chains to one of the trust anchors (or a trusted list's service). */
public record ChainToTrustAnchor() implements SignatureCheck {

    @Override
    public List<SignatureFinding> check(SignatureView signature) {
        if (signature.signer() == null || signature.anchored()) {
            return List.of();
        }
        return List.of(new SignatureFinding(SignatureFinding.Code.SIGNER_UNTRUSTED, "the certificate of "
                + signature.signer().subject() + " does not chain to a trust anchor"));
    }
}
