package eu.lexbridge.trust.signature;

import eu.europa.esig.dss.alert.SilentOnStatusAlert;
import eu.europa.esig.dss.alert.exception.AlertException;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.lexbridge.trust.keys.SealKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Date;
import java.util.Objects;

/**
 * Seals a PDF with a PAdES-BASELINE-B signature: the official connector signs its {@code TrustOkToken.pdf} so, and a
 * back-end seals a business document so before submitting it under a signature-based policy. The key may live on a
 * PKCS#11 token: only the digest to sign reaches it.
 */
public final class PdfSealer {

    private final SealKey key;
    private final Clock clock;
    private final PAdESService service;
    private final SignatureAlgorithm algorithm;

    public PdfSealer(SealKey key, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setAIASource(null);
        // Sealing needs no revocation data (PAdES-B carries none); DSS would otherwise warn on every seal.
        verifier.setAlertOnMissingRevocationData(new SilentOnStatusAlert());
        this.service = new PAdESService(verifier);
        this.algorithm = SealingAlgorithm.of(key, DigestAlgorithm.SHA256);
    }

    /**
     * @param pdf the PDF, whole (tokens and business documents are small enough; the container around them streams)
     * @param name the document's name, for DSS's messages
     * @return the PDF with the signature appended as an incremental update
     * @throws IllegalArgumentException when the bytes are not a PDF or the certificate is not valid now
     */
    public byte[] seal(byte[] pdf, String name) {
        Objects.requireNonNull(pdf, "pdf");
        DSSDocument document = new InMemoryDocument(pdf, name);
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.PAdES_BASELINE_B);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setCheckCertificateRevocation(false);
        parameters.setSigningCertificate(new CertificateToken(key.certificate()));
        parameters.setCertificateChain(key.chain().stream().skip(1).map(CertificateToken::new).toList());
        parameters.bLevel().setSigningDate(Date.from(clock.instant()));
        try {
            ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
            byte[] value = key.sign(toBeSigned.getBytes(), algorithm.getJCEId());
            DSSDocument signed = service.signDocument(document, parameters, new SignatureValue(algorithm, value));
            try (InputStream in = signed.openStream()) {
                return in.readAllBytes();
            }
        } catch (DSSException | AlertException | IllegalStateException e) {
            throw new IllegalArgumentException("Cannot seal the PDF '" + name + "' with " + key + ": "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
