package eu.lexbridge.trust.signature;

import java.util.List;

/** The signature value verifies with the signing certificate's key (DSS's {@code SignatureIntactCheck}). */
public record SignatureValueIntact() implements SignatureCheck {

    @Override
    public List<SignatureFinding> check(SignatureView signature) {
        return signature.valueIntact() ? List.of() : List.of(new SignatureFinding(
                SignatureFinding.Code.SIGNATURE_BROKEN, "the signature value does not verify"));
    }
}
