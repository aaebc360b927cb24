package eu.lexbridge.trust.document;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.EncryptionAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.signature.AbstractSignatureParameters;
import eu.europa.esig.dss.signature.DocumentSignatureService;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.lexbridge.trust.keys.SealKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Signs test documents with DSS's services and a plain JCA key: what a signer's own software would produce. */
final class Signing {

    private Signing() {
    }

    static <P extends AbstractSignatureParameters<?>> DSSDocument sign(DocumentSignatureService<P, ?> service,
            PrivateKey key, List<X509Certificate> chain, DSSDocument document, P parameters, Instant signedAt) {
        SignatureAlgorithm algorithm = SignatureAlgorithm.getAlgorithm(
                "EC".equals(key.getAlgorithm()) ? EncryptionAlgorithm.ECDSA : EncryptionAlgorithm.RSA,
                DigestAlgorithm.SHA256);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(new CertificateToken(chain.get(0)));
        parameters.setCertificateChain(chain.stream().map(CertificateToken::new).toList());
        parameters.setCheckCertificateRevocation(false);
        parameters.bLevel().setSigningDate(Date.from(signedAt));
        ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
        try {
            Signature signature = Signature.getInstance(algorithm.getJCEId());
            signature.initSign(key);
            signature.update(toBeSigned.getBytes());
            return service.signDocument(document, parameters, new SignatureValue(algorithm, signature.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same with a {@link SealKey} of the test PKI: its certificate signs, its chain goes into the signature. */
    static <P extends AbstractSignatureParameters<?>> DSSDocument sign(DocumentSignatureService<P, ?> service,
            SealKey key, DSSDocument document, P parameters, Instant signedAt) {
        SignatureAlgorithm algorithm = SignatureAlgorithm.getAlgorithm(
                "EC".equals(key.algorithm()) ? EncryptionAlgorithm.ECDSA : EncryptionAlgorithm.RSA,
                DigestAlgorithm.SHA256);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(new CertificateToken(key.certificate()));
        parameters.setCertificateChain(key.chain().stream().map(CertificateToken::new).toList());
        parameters.setCheckCertificateRevocation(false);
        parameters.bLevel().setSigningDate(Date.from(signedAt));
        ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
        byte[] value = key.sign(toBeSigned.getBytes(), algorithm.getJCEId());
        return service.signDocument(document, parameters, new SignatureValue(algorithm, value));
    }

    /** For signing only: no AIA, nothing fetched. */
    static CommonCertificateVerifier verifier() {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setAIASource(null);
        return verifier;
    }

    static byte[] bytes(DSSDocument document) {
        try (InputStream in = document.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
