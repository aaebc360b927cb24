package eu.lexbridge.trust.signature;

import java.util.List;

/**
 * A certificate is identified as the signer's; the checks of the signer find nothing without one, so this is where
 * its absence is said, once. The constants are the two ways the reports have always worded it.
 */
public enum SignerIdentified implements SignatureCheck {

    /** A seal carries its certificate in KeyInfo. */
    IN_THE_SIGNATURE("no certificate in the signature verifies it"),
    /** A document's signing certificate may also be given beside the signature. */
    IN_OR_BESIDE_THE_SIGNATURE("no certificate in or beside the signature is identified as its signing certificate");

    private final String sentence;

    SignerIdentified(String sentence) {
        this.sentence = sentence;
    }

    @Override
    public List<SignatureFinding> check(SignatureView signature) {
        return signature.signer() != null ? List.of()
                : List.of(new SignatureFinding(SignatureFinding.Code.SIGNER_UNKNOWN, sentence));
    }
}
