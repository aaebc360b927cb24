package eu.lexbridge.trust.signature;

import eu.europa.esig.dss.model.x509.CertificateToken;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;

/**
 * The signer is the one the signature should come from: that very certificate, or one issued to the same subject by
 * the same issuer (a renewed certificate of the same partner from the same CA).
 *
 * @param expected the partner's certificate
 */
public record ExpectedSigner(X509Certificate expected) implements SignatureCheck {

    public ExpectedSigner {
        Objects.requireNonNull(expected, "expected");
    }

    @Override
    public List<SignatureFinding> check(SignatureView signature) {
        SignatureView.Certificate signer = signature.signer();
        if (signer == null || isExpected(signer)) {
            return List.of();
        }
        return List.of(new SignatureFinding(SignatureFinding.Code.SIGNER_NOT_EXPECTED, "signed by "
                + signer.subject() + ", not by the partner's " + expected.getSubjectX500Principal().getName()));
    }

    private boolean isExpected(SignatureView.Certificate signer) {
        if (new CertificateToken(expected).getDSSIdAsString().equals(signer.dssId())) {
            return true;
        }
        return new X500Principal(signer.subject()).equals(expected.getSubjectX500Principal())
                && new X500Principal(signer.issuer()).equals(expected.getIssuerX500Principal());
    }
}
