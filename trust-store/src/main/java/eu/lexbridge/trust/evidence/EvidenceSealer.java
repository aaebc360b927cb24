package eu.lexbridge.trust.evidence;

import eu.europa.esig.dss.alert.exception.AlertException;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.EncryptionAlgorithm;
import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.exception.IllegalInputException;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonCertificateSource;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.reference.CanonicalizationTransform;
import eu.europa.esig.dss.xades.reference.DSSReference;
import eu.europa.esig.dss.xades.reference.XPathEnvelopedSignatureTransform;
import eu.europa.esig.dss.xades.signature.XAdESService;
import eu.lexbridge.trust.keys.SealKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import javax.xml.crypto.dsig.CanonicalizationMethod;

/**
 * Seals an ETSI-REM evidence document with an enveloped XAdES-BASELINE-B signature, laid out as the official e-CODEX
 * connector lays it out: the ds:Signature is the last child of the root, one reference to the whole document
 * (URI "") through the XPath transform {@code not(ancestor-or-self::ds:Signature)} and exclusive canonicalisation,
 * the signing certificate in KeyInfo, exclusive canonicalisation of SignedInfo and of the signed properties.
 *
 * <p>The reference digest is SHA-1 by default, as the official connector hard-codes it; the signature is RSA (or
 * ECDSA) over SHA-256. The key is the evidence-seal key, not the AS4 or TLS key (Annex I 5.3).
 *
 * <p>Thread-safe: the DSS service holds configuration only; every call builds its own parameters.
 */
public final class EvidenceSealer {

    /** The official connector's reference id. One signature per evidence, so a fixed id does not collide. */
    private static final String REFERENCE_ID = "r-id-1";
    private static final DigestAlgorithm SIGNATURE_DIGEST = DigestAlgorithm.SHA256;

    private final SealKey key;
    private final ReferenceDigest referenceDigest;
    private final Clock clock;
    private final SignatureAlgorithm signatureAlgorithm;
    private final XAdESService service;

    /**
     * @param key the evidence-seal key
     * @param referenceDigest {@link ReferenceDigest#SHA1} for the official connector's layout
     * @param clock gives the signing time
     * @throws IllegalArgumentException when the key is neither RSA nor EC
     */
    public EvidenceSealer(SealKey key, ReferenceDigest referenceDigest, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        this.referenceDigest = Objects.requireNonNull(referenceDigest, "referenceDigest");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.signatureAlgorithm = SignatureAlgorithm.getAlgorithm(encryptionAlgorithm(key), SIGNATURE_DIGEST);
        // DSS checks the seal certificate before it signs: give it the key's own chain, and nothing to fetch.
        CommonCertificateSource chain = new CommonCertificateSource();
        key.chain().forEach(certificate -> chain.addCertificate(new CertificateToken(certificate)));
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setAdjunctCertSources(chain);
        verifier.setAIASource(null);
        this.service = new XAdESService(verifier);
    }

    /** The seal as a timeline reads it: the signature form and who seals. */
    public String description() {
        return "sealed XAdES-BASELINE-B (" + signatureAlgorithm + ") by "
                + key.certificate().getSubjectX500Principal().getName();
    }

    /**
     * @param evidence an unsigned evidence document, as {@link RemEvidenceFactory} writes it
     * @return the same document with the seal as last child of its root
     * @throws IllegalArgumentException when the document cannot be sealed (not XML, or the seal certificate is not
     *     valid at the signing time)
     */
    public byte[] seal(byte[] evidence) {
        Objects.requireNonNull(evidence, "evidence");
        DSSDocument document = new InMemoryDocument(evidence, "evidence.xml", MimeTypeEnum.XML);
        XAdESSignatureParameters parameters = parameters(document);
        try {
            ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
            byte[] value = key.sign(toBeSigned.getBytes(), signatureAlgorithm.getJCEId());
            DSSDocument sealed = service.signDocument(document, parameters,
                    new SignatureValue(signatureAlgorithm, value));
            try (InputStream in = sealed.openStream()) {
                return in.readAllBytes();
            }
        } catch (IllegalInputException | DSSException | AlertException e) {
            // IllegalInputException: not XML; AlertException: the certificate is not valid at the signing time.
            throw new IllegalArgumentException("Cannot seal the evidence with " + key + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private XAdESSignatureParameters parameters(DSSDocument document) {
        XAdESSignatureParameters parameters = new XAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.XAdES_BASELINE_B);
        parameters.setSignaturePackaging(SignaturePackaging.ENVELOPED);
        // XAdES-B carries no revocation data, and there is nothing to fetch it from while sealing.
        parameters.setCheckCertificateRevocation(false);
        parameters.setDigestAlgorithm(SIGNATURE_DIGEST);
        parameters.setReferenceDigestAlgorithm(referenceDigest.dss());
        parameters.setSigningCertificate(new CertificateToken(key.certificate()));
        // xades:SigningCertificate, the element the official connector's evidences carry, rather than EN 319 132's
        // SigningCertificateV2, which verifiers built on older DSS versions (TS 103 171) do not know.
        parameters.setEn319132(false);
        parameters.setSigningCertificateDigestMethod(DigestAlgorithm.SHA256);
        parameters.setCertificateChain(intermediates());
        parameters.setSignedInfoCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE);
        parameters.setSignedPropertiesCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE);
        parameters.setKeyInfoCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE);
        // Our evidences are indented, so an indented signature keeps them readable. The official connector writes
        // both without whitespace; whitespace is sealed as it is, so either layout verifies.
        parameters.setPrettyPrint(true);
        parameters.bLevel().setSigningDate(Date.from(clock.instant()));
        parameters.setReferences(List.of(wholeDocument(document)));
        return parameters;
    }

    /** The official connector's single reference: the whole document minus the signature, exclusive c14n. */
    private DSSReference wholeDocument(DSSDocument document) {
        DSSReference reference = new DSSReference();
        reference.setId(REFERENCE_ID);
        reference.setUri("");
        reference.setContents(document);
        reference.setDigestMethodAlgorithm(referenceDigest.dss());
        reference.setTransforms(List.of(new XPathEnvelopedSignatureTransform(),
                new CanonicalizationTransform(CanonicalizationMethod.EXCLUSIVE)));
        return reference;
    }

    /**
     * KeyInfo carries the signing certificate and any intermediate CA, not the root: a verifier must hold the root as
     * its trust anchor anyway, and the official connector's evidences carry the signing certificate alone.
     */
    private List<CertificateToken> intermediates() {
        return key.chain().stream().skip(1)
                .filter(certificate -> !isSelfIssued(certificate))
                .map(CertificateToken::new)
                .toList();
    }

    private static boolean isSelfIssued(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }

    private static EncryptionAlgorithm encryptionAlgorithm(SealKey key) {
        return switch (key.algorithm()) {
            case "RSA" -> EncryptionAlgorithm.RSA;
            case "EC" -> EncryptionAlgorithm.ECDSA;
            default -> throw new IllegalArgumentException(
                    "The seal key of " + key + " is " + key.algorithm() + "; an RSA or EC key is needed");
        };
    }
}
