package eu.lexbridge.trust.signature;

import eu.europa.esig.dss.alert.exception.AlertException;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.DigestDocument;
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
import java.util.function.Supplier;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import org.w3c.dom.Document;

/**
 * Seals XML with a XAdES-BASELINE-B signature laid out as the official e-CODEX connector lays out its seals: the
 * signing certificate (and any intermediate CA) in KeyInfo, xades:SigningCertificate, exclusive canonicalisation of
 * SignedInfo, KeyInfo and the signed properties, the signature over SHA-256. Evidences and the Trust OK token are
 * sealed enveloped ({@link #seal}); the container's {@code signatures.xml} is a detached signature over a digest
 * ({@link #sealDetached}). The key may live on a PKCS#11 token: only the data to sign reaches it.
 *
 * <p>Thread-safe: the DSS service holds configuration only; every call builds its own parameters.
 */
public final class XmlSealer {

    /** The official connector's reference id. One signature per document, so a fixed id does not collide. */
    private static final String REFERENCE_ID = "r-id-1";
    private static final DigestAlgorithm SIGNATURE_DIGEST = DigestAlgorithm.SHA256;

    static {
        SignatureExclusionTransform.install();
    }

    private final SealKey key;
    private final DigestAlgorithm referenceDigest;
    private final Clock clock;
    private final SignatureAlgorithm signatureAlgorithm;
    private final XAdESService service;

    /**
     * @param key the seal key
     * @param referenceDigest the digest of the references (the document and the signed properties); the official
     *     connector's evidences use SHA-1
     * @param clock gives the signing time
     * @throws IllegalArgumentException when the key is neither RSA nor EC
     */
    public XmlSealer(SealKey key, DigestAlgorithm referenceDigest, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        this.referenceDigest = Objects.requireNonNull(referenceDigest, "referenceDigest");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.signatureAlgorithm = SealingAlgorithm.of(key, SIGNATURE_DIGEST);
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
     * Seals enveloped: the ds:Signature becomes the last child of the root, with one reference to the whole document
     * (URI "") through the XPath transform {@code not(ancestor-or-self::ds:Signature)} and exclusive
     * canonicalisation.
     *
     * @param document the unsealed document
     * @param what what the document is, for the message of a refusal (e.g. {@code "the evidence"})
     * @return the sealed document
     * @throws IllegalArgumentException when the document cannot be sealed (not XML, or the seal certificate is not
     *     valid at the signing time)
     */
    public byte[] seal(byte[] document, String what) {
        Objects.requireNonNull(document, "document");
        DSSDocument unsealed = new InMemoryDocument(document, "document.xml", MimeTypeEnum.XML);
        XAdESSignatureParameters parameters = parameters(SignaturePackaging.ENVELOPED);
        // Our documents are indented, so an indented signature keeps them readable. The official connector writes
        // both without whitespace; whitespace is sealed as it is, so either layout verifies.
        parameters.setPrettyPrint(true);
        parameters.setReferences(List.of(wholeDocument(unsealed)));
        try {
            ToBeSigned toBeSigned = service.getDataToSign(unsealed, parameters);
            return bytes(service.signDocument(unsealed, parameters, signatureValue(toBeSigned)));
        } catch (IllegalInputException | DSSException | AlertException e) {
            // IllegalInputException: not XML; AlertException: the certificate is not valid at the signing time.
            throw refused(what, e);
        }
    }

    /**
     * Seals detached: one signature over the digests of {@code signedObjects}, one reference each (DSS never sees
     * their bytes), as a child of the root {@code root} makes.
     *
     * @param root makes the (empty) document the signature goes in; called once for the data to sign and once for
     *     the signature
     * @param what what is sealed, for the message of a refusal (e.g. {@code "the container"})
     * @return the document {@code root} made, with the signature in it
     * @throws IllegalArgumentException when the seal certificate is not valid at the signing time
     */
    public byte[] sealDetached(List<DigestDocument> signedObjects, Supplier<Document> root, String what) {
        if (signedObjects.isEmpty()) {
            throw new IllegalArgumentException("Cannot seal " + what + ": nothing to seal");
        }
        XAdESSignatureParameters parameters = parameters(SignaturePackaging.DETACHED);
        List<DSSDocument> documents = List.copyOf(signedObjects);
        try {
            parameters.setRootDocument(root.get());
            ToBeSigned toBeSigned = service.getDataToSign(documents, parameters);
            parameters.setRootDocument(root.get());
            return bytes(service.signDocument(documents, parameters, signatureValue(toBeSigned)));
        } catch (IllegalInputException | DSSException | AlertException e) {
            throw refused(what, e);
        }
    }

    private XAdESSignatureParameters parameters(SignaturePackaging packaging) {
        XAdESSignatureParameters parameters = new XAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.XAdES_BASELINE_B);
        parameters.setSignaturePackaging(packaging);
        // XAdES-B carries no revocation data, and there is nothing to fetch it from while sealing.
        parameters.setCheckCertificateRevocation(false);
        parameters.setDigestAlgorithm(SIGNATURE_DIGEST);
        parameters.setReferenceDigestAlgorithm(referenceDigest);
        parameters.setSigningCertificate(new CertificateToken(key.certificate()));
        // xades:SigningCertificate, the element the official connector's seals carry, rather than EN 319 132's
        // SigningCertificateV2, which verifiers built on older DSS versions (TS 103 171) do not know.
        parameters.setEn319132(false);
        parameters.setSigningCertificateDigestMethod(DigestAlgorithm.SHA256);
        parameters.setCertificateChain(intermediates());
        // Exclusive canonicalisation: the signature must not depend on the namespaces of what it is put in.
        parameters.setSignedInfoCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE);
        parameters.setSignedPropertiesCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE);
        parameters.setKeyInfoCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE);
        parameters.bLevel().setSigningDate(Date.from(clock.instant()));
        return parameters;
    }

    /** The official connector's single reference: the whole document minus the signature, exclusive c14n. */
    private DSSReference wholeDocument(DSSDocument document) {
        DSSReference reference = new DSSReference();
        reference.setId(REFERENCE_ID);
        reference.setUri("");
        reference.setContents(document);
        reference.setDigestMethodAlgorithm(referenceDigest);
        reference.setTransforms(List.of(new XPathEnvelopedSignatureTransform(),
                new CanonicalizationTransform(CanonicalizationMethod.EXCLUSIVE)));
        return reference;
    }

    private SignatureValue signatureValue(ToBeSigned toBeSigned) {
        return new SignatureValue(signatureAlgorithm, key.sign(toBeSigned.getBytes(), signatureAlgorithm.getJCEId()));
    }

    /**
     * KeyInfo carries the signing certificate and any intermediate CA, not the root: a verifier must hold the root as
     * its trust anchor anyway, and the official connector's seals carry the signing certificate alone.
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

    private IllegalArgumentException refused(String what, RuntimeException e) {
        return new IllegalArgumentException("Cannot seal " + what + " with " + key + ": " + e.getMessage(), e);
    }

    private static byte[] bytes(DSSDocument document) {
        try (InputStream in = document.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
