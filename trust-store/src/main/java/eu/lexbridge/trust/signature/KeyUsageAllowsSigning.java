package eu.lexbridge.trust.signature;

import eu.europa.esig.dss.enumerations.KeyUsageBit;
import java.util.List;

/** The signer's certificate allows signing: digitalSignature or nonRepudiation, when it restricts its key usage. */
public record KeyUsageAllowsSigning() implements SignatureCheck {

    @Override
    public List<SignatureFinding> check(SignatureView signature) {
        SignatureView.Certificate signer = signature.signer();
        if (signer == null || signer.keyUsages().isEmpty() || signer.keyUsages().contains(KeyUsageBit.DIGITAL_SIGNATURE)
                || signer.keyUsages().contains(KeyUsageBit.NON_REPUDIATION)) {
            return List.of();
        }
        return List.of(new SignatureFinding(SignatureFinding.Code.SIGNER_KEY_USAGE, "the certificate of "
                + signer.subject() + " does not allow signing: " + signer.keyUsages()));
    }
}
