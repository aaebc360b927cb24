package eu.lexbridge.trust.pki;

import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.signature.XAdESService;
import eu.europa.esig.dss.xades.tsl.TrustedListV6SignatureParametersBuilder;
import java.security.GeneralSecurityException;
import java.security.Signature;

/**
 * Signs a trusted list the way ETSI TS 119 612 v2.3.1 (clause 5.7) wants it: one enveloped XAdES-BASELINE-B
 * signature over the whole list with SigningCertificateV2, exclusive canonicalisation and the enveloped-signature
 * transform. DSS's {@link TrustedListV6SignatureParametersBuilder} knows those rules and refuses a list that breaks
 * them; the key signs through the JDK, as the CA does.
 */
final class ListSignature {

    private ListSignature() {
    }

    static byte[] sign(byte[] unsignedList, IssuedKey signer, String name) {
        try {
            DSSDocument list = new InMemoryDocument(unsignedList, name);
            XAdESSignatureParameters parameters = new TrustedListV6SignatureParametersBuilder(
                    new CertificateToken(signer.certificate()), list).build();
            XAdESService service = new XAdESService(new CommonCertificateVerifier());
            ToBeSigned toBeSigned = service.getDataToSign(list, parameters);
            SignatureAlgorithm algorithm = parameters.getSignatureAlgorithm();
            Signature signature = Signature.getInstance(algorithm.getJCEId());
            signature.initSign(signer.privateKey());
            signature.update(toBeSigned.getBytes());
            DSSDocument signed = service.signDocument(list, parameters,
                    new SignatureValue(algorithm, signature.sign()));
            return DSSUtils.toByteArray(signed);
        } catch (GeneralSecurityException | DSSException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot sign the trusted list " + name + " as "
                    + signer.certificate().getSubjectX500Principal(), e);
        }
    }
}
