package eu.lexbridge.trust.document;

import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.jaxb.XmlDigestMatcher;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import eu.lexbridge.trust.signature.DssVerdicts;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Objects;

/**
 * Validates a signed document of any format DSS recognises on trust-store's class path: XAdES (enveloped, enveloping,
 * detached XML), CAdES (CMS), PAdES (PDF) and ASiC-S / ASiC-E containers with XAdES signatures. ASiC with CAdES is
 * not supported (dss-asic-cades is not on the class path): such a container is reported as unusable.
 *
 * <p>Each signature gets two separate verdicts: <em>intact</em> (every reference digest matches and the signature
 * value verifies) and <em>trusted</em> (the signing certificate chains to one of the given trust anchors and the
 * chain was valid at the claimed signing time). DSS's own indication under its default policy is reported beside
 * them, never instead of them. No online source is used: no AIA, OCSP or CRL fetching; qualified status through trusted
 * lists is not evaluated.
 *
 * <p>Thread-safe: the certificate verifier is configured once and only read; every call builds its own validator.
 */
public final class DocumentValidator {

    private final CommonCertificateVerifier certificateVerifier;
    private final Clock clock;

    /**
     * @param trustAnchors the certificates a signer's chain must reach to be trusted
     * @param clock gives the validation time
     */
    public DocumentValidator(Collection<X509Certificate> trustAnchors, Clock clock) {
        Objects.requireNonNull(trustAnchors, "trustAnchors");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.certificateVerifier = DssVerdicts.offlineVerifier(trustAnchors);
    }

    /**
     * @param signedDocument the document to validate
     * @throws UnusableDocumentException when DSS does not recognise the document, cannot read it, or it is XML with a
     *     DOCTYPE
     */
    public DocumentValidation validate(Path signedDocument) {
        Objects.requireNonNull(signedDocument, "signedDocument");
        try (InputStream in = new BufferedInputStream(Files.newInputStream(signedDocument))) {
            rejectDoctype(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return validate(new FileDocument(signedDocument.toFile()));
    }

    /**
     * @param signedDocument the document's bytes; read to the end, not closed
     * @param name the document's file name (DSS uses it for nothing but reports; may be {@code null})
     * @throws UnusableDocumentException as {@link #validate(Path)}
     */
    public DocumentValidation validate(InputStream signedDocument, String name) {
        Objects.requireNonNull(signedDocument, "signedDocument");
        byte[] bytes;
        try {
            bytes = signedDocument.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
            rejectDoctype(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return validate(new InMemoryDocument(bytes, name));
    }

    private DocumentValidation validate(DSSDocument document) {
        SignedDocumentValidator validator;
        try {
            validator = SignedDocumentValidator.fromDocument(document);
        } catch (RuntimeException e) {
            throw new UnusableDocumentException("Not a signed document DSS recognises ('" + document.getName()
                    + "'): " + e.getMessage(), e);
        }
        Reports reports;
        try {
            validator.setCertificateVerifier(certificateVerifier);
            validator.setValidationTime(Date.from(clock.instant()));
            validator.setEnableEtsiValidationReport(false);
            reports = validator.validateDocument(DssVerdicts.defaultPolicy());
        } catch (RuntimeException e) {
            throw new UnusableDocumentException("DSS cannot read the document '" + document.getName() + "': "
                    + e.getMessage(), e);
        }
        DiagnosticData diagnostic = reports.getDiagnosticData();
        List<SignatureResult> results = new ArrayList<>();
        for (SignatureWrapper signature : diagnostic.getSignatures()) {
            results.add(result(signature, reports.getSimpleReport()));
        }
        return new DocumentValidation(format(diagnostic, validator, results), results);
    }

    private static String format(DiagnosticData diagnostic, SignedDocumentValidator validator,
                                 List<SignatureResult> signatures) {
        if (diagnostic.getContainerType() != null) {
            return diagnostic.getContainerType().name().replace('_', '-');
        }
        if (!signatures.isEmpty() && signatures.get(0).format() != null) {
            return signatures.get(0).format();
        }
        String kind = validator.getClass().getSimpleName();
        if (kind.startsWith("XML")) {
            return "XML";
        }
        if (kind.startsWith("PDF")) {
            return "PDF";
        }
        if (kind.startsWith("CMS")) {
            return "CMS";
        }
        return kind.replace("DocumentValidator", "");
    }

    private SignatureResult result(SignatureWrapper signature, SimpleReport simple) {
        List<String> problems = new ArrayList<>();
        boolean intact = integrity(signature, problems);
        Instant signingTime = signature.getClaimedSigningTime() == null ? null
                : signature.getClaimedSigningTime().toInstant();
        CertificateWrapper signer = signature.getSigningCertificate();
        boolean trusted = false;
        if (signer == null) {
            problems.add("no certificate in or beside the signature is identified as its signing certificate");
        } else {
            trusted = trust(signature, signer, signingTime, problems);
        }
        var indication = simple.getIndication(signature.getId());
        var subIndication = simple.getSubIndication(signature.getId());
        return new SignatureResult(signature.getId(),
                signature.getSignatureFormat() == null ? null : signature.getSignatureFormat().name(),
                intact, trusted, signer == null ? null : signer.getCertificateDN(), signingTime,
                indication == null ? null : indication.name(), subIndication == null ? null : subIndication.name(),
                problems);
    }

    private static boolean integrity(SignatureWrapper signature, List<String> problems) {
        boolean intact = true;
        List<XmlDigestMatcher> references = signature.getDigestMatchers();
        if (references.isEmpty()) {
            intact = false;
            problems.add("the signature covers no data DSS can find");
        }
        for (XmlDigestMatcher reference : references) {
            if (!reference.isDataFound()) {
                intact = false;
                problems.add("the data of " + DssVerdicts.referenceName(reference) + " is not found (or its digest "
                        + "algorithm " + reference.getDigestMethod() + " is not supported)");
            } else if (!reference.isDataIntact()) {
                intact = false;
                problems.add("the digest of " + DssVerdicts.referenceName(reference)
                        + " does not match: the signed content was changed");
            }
        }
        if (!signature.isSignatureIntact()) {
            intact = false;
            problems.add("the signature value does not verify");
        }
        return intact;
    }

    private static boolean trust(SignatureWrapper signature, CertificateWrapper signer, Instant signedAt,
                                 List<String> problems) {
        List<CertificateWrapper> chain = signature.getCertificateChain();
        int anchor = DssVerdicts.trustAnchorIndex(chain);
        if (anchor < 0) {
            problems.add("the certificate of " + signer.getCertificateDN() + " does not chain to a trust anchor");
            return false;
        }
        boolean trusted = true;
        if (signedAt == null) {
            problems.add("the signature claims no signing time: the chain's validity is not checked against it");
        } else {
            for (CertificateWrapper certificate : chain.subList(0, anchor + 1)) {
                if (signedAt.isBefore(certificate.getNotBefore().toInstant())
                        || signedAt.isAfter(certificate.getNotAfter().toInstant())) {
                    trusted = false;
                    problems.add("the certificate of " + certificate.getCertificateDN()
                            + " was not valid at the signing time " + signedAt);
                }
            }
        }
        return trusted;
    }

    /**
     * Rejects XML whose prolog holds a DOCTYPE (entity expansion, external entities). DSS's parser refuses DOCTYPEs as
     * well; this check makes the refusal explicit and independent of DSS's parser settings. Input that does not start
     * like XML passes unread beyond its first bytes.
     */
    private static void rejectDoctype(InputStream in) throws IOException {
        int c = in.read();
        if (c == 0xEF) { // UTF-8 byte order mark
            in.read();
            in.read();
            c = in.read();
        }
        while (true) {
            while (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                c = in.read();
            }
            if (c != '<') {
                return;
            }
            int next = in.read();
            if (next == '?') {
                if (!skipPast(in, "?>")) {
                    return;
                }
            } else if (next == '!') {
                byte[] head = in.readNBytes(7);
                String word = new String(head, java.nio.charset.StandardCharsets.US_ASCII);
                if (word.startsWith("--")) {
                    if (!skipPast(in, "-->")) {
                        return;
                    }
                } else if (word.equalsIgnoreCase("DOCTYPE")) {
                    throw new UnusableDocumentException("XML with a DOCTYPE is refused (entities, external DTDs)");
                } else {
                    return;
                }
            } else {
                return; // the root element: the prolog is over
            }
            c = in.read();
        }
    }

    private static boolean skipPast(InputStream in, String end) throws IOException {
        int matched = 0;
        int c;
        while ((c = in.read()) != -1) {
            if (c == end.charAt(matched)) {
                matched++;
                if (matched == end.length()) {
                    return true;
                }
            } else {
                matched = c == end.charAt(0) ? 1 : 0;
            }
        }
        return false;
    }
}
