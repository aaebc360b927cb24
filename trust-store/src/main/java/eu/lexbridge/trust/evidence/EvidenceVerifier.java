package eu.lexbridge.trust.evidence;

import static eu.lexbridge.trust.evidence.EvidenceProblem.Code.NOT_ENVELOPED;
import static eu.lexbridge.trust.evidence.EvidenceProblem.Code.NOT_SIGNED;
import static eu.lexbridge.trust.evidence.EvidenceProblem.Code.NOT_WHOLE_DOCUMENT;
import static eu.lexbridge.trust.evidence.EvidenceProblem.Code.REVOCATION_UNKNOWN;
import static eu.lexbridge.trust.evidence.EvidenceProblem.Code.SIGNATURE_BROKEN;
import static eu.lexbridge.trust.evidence.EvidenceProblem.Code.SIGNATURE_UNREADABLE;
import static eu.lexbridge.trust.evidence.EvidenceProblem.Code.SIGNER_EXPIRED;
import static eu.lexbridge.trust.evidence.EvidenceProblem.Code.SIGNER_KEY_USAGE;
import static eu.lexbridge.trust.evidence.EvidenceProblem.Code.SIGNER_NOT_EXPECTED;
import static eu.lexbridge.trust.evidence.EvidenceProblem.Code.SIGNER_NOT_VALID_AT_SIGNING_TIME;
import static eu.lexbridge.trust.evidence.EvidenceProblem.Code.SIGNER_REVOKED;
import static eu.lexbridge.trust.evidence.EvidenceProblem.Code.SIGNER_UNKNOWN;
import static eu.lexbridge.trust.evidence.EvidenceProblem.Code.SIGNER_UNTRUSTED;
import static eu.lexbridge.trust.evidence.EvidenceProblem.Code.SIGNING_TIME_IMPLAUSIBLE;
import static eu.lexbridge.trust.evidence.EvidenceProblem.Code.UNSIGNED_CONTENT;
import static eu.lexbridge.trust.evidence.EvidenceProblem.Code.WEAK_ALGORITHM;

import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.jaxb.XmlDigestMatcher;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.DigestMatcherType;
import eu.europa.esig.dss.enumerations.KeyUsageBit;
import eu.europa.esig.dss.enumerations.ValidationLevel;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.validation.reports.Reports;
import eu.europa.esig.dss.xades.validation.XMLDocumentValidator;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.signature.DssVerdicts;
import eu.lexbridge.trust.signature.RevocationChecking;
import eu.lexbridge.trust.signature.RevocationSettings;
import eu.lexbridge.trust.signature.SignerRevocation;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * Verifies a received ETSI-REM evidence: parsed closed to XML attacks, sealed with one enveloped signature over the
 * whole document, cryptographically intact (DSS), and signed by a certificate that chains to one of our trust anchors,
 * belongs to the expected partner, allows signing and was valid at the signing time. Integrity and trust are
 * reported apart, with every finding; a bad evidence is a result, never an exception.
 *
 * <p>By default nothing is fetched while verifying: no AIA, OCSP or CRL, no external reference, and revocation is not
 * checked (the evidence seal is XAdES-B, with no revocation data of its own). Built with {@link RevocationSettings}
 * it fetches CRLs (and OCSP) from the URLs the seal certificates name, as business-document validation does: a seal
 * by a revoked certificate is then refused ({@link EvidenceProblem.Code#SIGNER_REVOKED}), since a revoked seal key
 * may be in anyone's hands; an unreachable CRL leaves the evidence acceptable with its status
 * {@link eu.lexbridge.trust.signature.RevocationStatus#UNKNOWN}. Never AIA.
 *
 * <p>Thread-safe.
 */
public final class EvidenceVerifier {

    /** Clock skew allowed between the partner's signing time and ours. */
    private static final Duration SKEW = Duration.ofMinutes(5);
    private static final Set<DigestAlgorithm> WEAK = Set.of(DigestAlgorithm.SHA1, DigestAlgorithm.MD5,
            DigestAlgorithm.MD2, DigestAlgorithm.RIPEMD160);

    private final RemEvidenceReader reader = new RemEvidenceReader();
    private final CommonCertificateVerifier certificateVerifier;
    private final RevocationChecking revocation;
    private final Clock clock;

    /**
     * An offline verifier: {@code new EvidenceVerifier(trustAnchors, RevocationSettings.OFF, clock)}.
     *
     * @param trustAnchors the certificates trusted to issue (or be) evidence signers: partners' CAs or seal
     *     certificates
     */
    public EvidenceVerifier(Collection<X509Certificate> trustAnchors, Clock clock) {
        this(trustAnchors, RevocationSettings.OFF, clock);
    }

    /**
     * @param trustAnchors the certificates trusted to issue (or be) evidence signers: partners' CAs or seal
     *     certificates
     * @param revocation whether the seal certificates' revocation status is fetched, and how long a fetch may take
     */
    public EvidenceVerifier(Collection<X509Certificate> trustAnchors, RevocationSettings revocation, Clock clock) {
        Objects.requireNonNull(trustAnchors, "trustAnchors");
        Objects.requireNonNull(revocation, "revocation");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.revocation = revocation.checking();
        this.certificateVerifier = DssVerdicts.verifier(trustAnchors, revocation);
    }

    /** Trusts every certificate of {@code trustStore}: its certificate entries and the certificates of key entries. */
    public static EvidenceVerifier trusting(KeyStore trustStore, Clock clock) {
        return new EvidenceVerifier(KeyStores.certificates(trustStore), RevocationSettings.OFF, clock);
    }

    /**
     * Verifies against the trust anchors alone.
     *
     * @throws UnreadableEvidenceException when the document is not a readable ETSI-REM evidence (not well-formed, a
     *     DOCTYPE, not TS 102 640, incomplete); a readable evidence with a bad or missing seal is a result
     */
    public EvidenceVerification verify(byte[] document) {
        return verify(document, null);
    }

    /**
     * Verifies, and requires the signer to be {@code expectedSigner}, or a certificate issued to the same subject by
     * the same issuer (a renewed seal certificate of the same partner).
     *
     * @param expectedSigner the partner's evidence-seal certificate, or {@code null} to accept any trusted signer
     * @throws UnreadableEvidenceException as {@link #verify(byte[])}
     */
    public EvidenceVerification verify(byte[] document, X509Certificate expectedSigner) {
        Objects.requireNonNull(document, "document");
        RemEvidenceSummary summary = reader.read(document);
        EnvelopedSignatureShape shape = EnvelopedSignatureShape.of(document);
        Findings findings = new Findings(summary, SignerRevocation.notLookedUp(revocation));
        if (!shape.signed()) {
            return findings.add(NOT_SIGNED, "the evidence carries no XML signature").untrusted();
        }
        if (!shape.enveloped()) {
            return findings.add(NOT_ENVELOPED, shape.signatures() + " signature(s); an evidence seal is exactly one "
                    + "ds:Signature, a child of the root element").untrusted();
        }
        if (!shape.referencesStayInside()) {
            return findings.add(NOT_ENVELOPED, "a signature reference points outside the evidence: "
                    + shape.referenceUris()).untrusted();
        }
        if (!shape.coversWholeDocument()) {
            return findings.add(NOT_WHOLE_DOCUMENT, shape.referenceUris().contains("")
                    ? "the whole-document reference filters content out: " + shape.unexpectedTransforms()
                    : "no reference covers the whole evidence (URI \"\")").untrusted();
        }
        if (!shape.holdsOnlySignedContent()) {
            // What a reader finds there (a second evidence body, say) is covered by no digest: signature wrapping.
            return findings.add(UNSIGNED_CONTENT, "the signature holds content no reference covers: "
                    + shape.unsignedContent()).untrusted();
        }
        Reports reports;
        try {
            reports = validate(document);
        } catch (RuntimeException e) {
            return findings.add(SIGNATURE_UNREADABLE, "DSS cannot read the signature: " + e.getMessage())
                    .untrusted();
        }
        List<SignatureWrapper> signatures = reports.getDiagnosticData().getSignatures();
        if (signatures.size() != 1) {
            return findings.add(SIGNATURE_UNREADABLE, "DSS found " + signatures.size() + " signatures").untrusted();
        }
        SignatureWrapper signature = signatures.get(0);
        findings.dssIndication = DssVerdicts.indication(reports, signature.getId());
        findings.signingTime = signature.getClaimedSigningTime() == null ? null
                : signature.getClaimedSigningTime().toInstant();
        weakAlgorithms(signature, findings);
        boolean intact = checkIntegrity(signature, findings);
        CertificateWrapper signer = signature.getSigningCertificate();
        if (signer == null) {
            findings.add(SIGNER_UNKNOWN, "no certificate in the signature verifies it");
            return findings.result(intact, false, false);
        }
        findings.signerSubject = signer.getCertificateDN();
        boolean expired = checkExpiredNow(signer, findings);
        boolean trusted = intact & checkTrust(signature, signer, expectedSigner, findings);
        trusted &= checkRevocation(signature, signer, findings);
        return findings.result(intact, trusted, expired);
    }

    private Reports validate(byte[] document) {
        XMLDocumentValidator validator = new XMLDocumentValidator(new InMemoryDocument(document, "evidence.xml"));
        validator.setCertificateVerifier(certificateVerifier);
        validator.setValidationTime(Date.from(clock.instant()));
        validator.setValidationLevel(ValidationLevel.BASIC_SIGNATURES);
        validator.setEnableEtsiValidationReport(false);
        return validator.validateDocument(DssVerdicts.defaultPolicy());
    }

    /** The document reference and the signed properties both match, the signature value too, over the whole. */
    private static boolean checkIntegrity(SignatureWrapper signature, Findings findings) {
        boolean intact = true;
        List<XmlDigestMatcher> references = signature.getDigestMatchers();
        for (XmlDigestMatcher reference : references) {
            if (!reference.isDataFound()) {
                intact = false;
                findings.add(SIGNATURE_BROKEN, "the data of reference " + DssVerdicts.referenceName(reference)
                        + " is not found");
            } else if (!reference.isDataIntact()) {
                intact = false;
                findings.add(SIGNATURE_BROKEN, "the digest of reference " + DssVerdicts.referenceName(reference)
                        + " does not match: the signed content was changed");
            }
        }
        if (!signature.isSignatureIntact()) {
            intact = false;
            findings.add(SIGNATURE_BROKEN, "the signature value does not verify");
        }
        boolean wholeDocument = references.stream().anyMatch(reference ->
                reference.getType() == DigestMatcherType.REFERENCE && "".equals(reference.getUri()));
        if (!wholeDocument) {
            intact = false;
            findings.add(NOT_WHOLE_DOCUMENT, "no reference covers the whole evidence (URI \"\")");
        }
        return intact;
    }

    private boolean checkTrust(SignatureWrapper signature, CertificateWrapper signer,
                               X509Certificate expectedSigner, Findings findings) {
        boolean trusted = true;
        List<CertificateWrapper> chain = signature.getCertificateChain();
        int anchor = DssVerdicts.trustAnchorIndex(chain);
        if (anchor < 0) {
            trusted = false;
            findings.add(SIGNER_UNTRUSTED, "the certificate of " + signer.getCertificateDN()
                    + " does not chain to a trust anchor");
        }
        if (expectedSigner != null && !isExpected(signer, expectedSigner)) {
            trusted = false;
            findings.add(SIGNER_NOT_EXPECTED, "signed by " + signer.getCertificateDN() + ", not by the partner's "
                    + expectedSigner.getSubjectX500Principal().getName());
        }
        if (!signer.getKeyUsages().isEmpty() && !signer.getKeyUsages().contains(KeyUsageBit.DIGITAL_SIGNATURE)
                && !signer.getKeyUsages().contains(KeyUsageBit.NON_REPUDIATION)) {
            trusted = false;
            findings.add(SIGNER_KEY_USAGE, "the certificate of " + signer.getCertificateDN()
                    + " does not allow signing: " + signer.getKeyUsages());
        }
        Instant signedAt = findings.signingTime;
        if (signedAt == null) {
            trusted = false;
            findings.add(SIGNING_TIME_IMPLAUSIBLE, "the signature claims no signing time");
        } else {
            if (signedAt.isAfter(clock.instant().plus(SKEW))) {
                trusted = false;
                findings.add(SIGNING_TIME_IMPLAUSIBLE, "the signature claims a signing time in the future: "
                        + signedAt);
            }
            // The signer and every CA up to the trust anchor must have been valid when the signature was made.
            List<CertificateWrapper> path = anchor < 0 ? List.of(signer) : chain.subList(0, anchor + 1);
            for (CertificateWrapper certificate : path) {
                if (!validAt(certificate, signedAt)) {
                    trusted = false;
                    findings.add(SIGNER_NOT_VALID_AT_SIGNING_TIME, "the certificate of "
                            + certificate.getCertificateDN() + " (valid " + certificate.getNotBefore().toInstant()
                            + " to " + certificate.getNotAfter().toInstant() + ") was not valid at the signing time "
                            + signedAt);
                }
            }
        }
        return trusted;
    }

    /**
     * Reads the signer's revocation status, and that of the CAs up to the trust anchor, from what DSS fetched. A
     * revoked certificate anywhere in the chain withdraws trust whatever signing time the seal claims: only a
     * time-stamp could prove the seal older than the revocation, and an evidence seal carries none.
     *
     * @return false when a certificate of the chain is revoked
     */
    private boolean checkRevocation(SignatureWrapper signature, CertificateWrapper signer, Findings findings) {
        List<CertificateWrapper> chain = signature.getCertificateChain();
        int anchor = DssVerdicts.trustAnchorIndex(chain);
        SignerRevocation status = SignerRevocation.of(signer, revocation);
        findings.revocation = status;
        // An anchor's own status is never looked up (DSS trusts it as configured): no sentence for a signer that is
        // itself the anchor, nor for one outside every trusted chain.
        status.problem(signer, findings.signingTime, anchor > 0)
                .ifPresent(sentence -> findings.add(status.revoked() ? SIGNER_REVOKED : REVOCATION_UNKNOWN,
                        sentence));
        List<String> revokedIssuers = SignerRevocation.revokedIssuers(chain, anchor, findings.signingTime,
                revocation);
        revokedIssuers.forEach(sentence -> findings.add(SIGNER_REVOKED, sentence));
        return !status.revoked() && revokedIssuers.isEmpty();
    }

    private static boolean isExpected(CertificateWrapper signer, X509Certificate expected) {
        if (new CertificateToken(expected).getDSSIdAsString().equals(signer.getId())) {
            return true;
        }
        // A renewed certificate of the same partner from the same CA: same subject, same issuer.
        return new X500Principal(signer.getCertificateDN()).equals(expected.getSubjectX500Principal())
                && new X500Principal(signer.getCertificateIssuerDN()).equals(expected.getIssuerX500Principal());
    }

    private boolean checkExpiredNow(CertificateWrapper signer, Findings findings) {
        Instant now = clock.instant();
        if (validAt(signer, now)) {
            return false;
        }
        String validity = signer.getNotBefore().toInstant() + " to " + signer.getNotAfter().toInstant();
        boolean validWhenSigned = findings.signingTime != null && validAt(signer, findings.signingTime);
        findings.add(SIGNER_EXPIRED, "the certificate of " + signer.getCertificateDN() + " is not valid now (valid "
                + validity + ")" + (validWhenSigned ? "; it was valid at the claimed signing time "
                + findings.signingTime + ", which no time-stamp proves" : ""));
        return true;
    }

    private static boolean validAt(CertificateWrapper certificate, Instant at) {
        return !at.isBefore(certificate.getNotBefore().toInstant())
                && !at.isAfter(certificate.getNotAfter().toInstant());
    }

    private static void weakAlgorithms(SignatureWrapper signature, Findings findings) {
        if (signature.getDigestAlgorithm() != null && WEAK.contains(signature.getDigestAlgorithm())) {
            findings.add(WEAK_ALGORITHM, "the signature is " + signature.getSignatureAlgorithm());
        }
        List<String> weakReferences = signature.getDigestMatchers().stream()
                .filter(reference -> reference.getDigestMethod() != null && WEAK.contains(reference.getDigestMethod()))
                .map(reference -> DssVerdicts.referenceName(reference) + " " + reference.getDigestMethod())
                .toList();
        if (!weakReferences.isEmpty()) {
            findings.add(WEAK_ALGORITHM, "weak reference digests (the official e-CODEX connector uses SHA-1 on "
                    + "purpose): " + weakReferences);
        }
    }

    /** Collects what one verification found. */
    private static final class Findings {
        private final RemEvidenceSummary summary;
        private final List<EvidenceProblem> problems = new ArrayList<>();
        private String signerSubject;
        private Instant signingTime;
        private String dssIndication;
        private SignerRevocation revocation;

        Findings(RemEvidenceSummary summary, SignerRevocation revocation) {
            this.summary = summary;
            this.revocation = revocation;
        }

        Findings add(EvidenceProblem.Code code, String detail) {
            problems.add(new EvidenceProblem(code, detail));
            return this;
        }

        EvidenceVerification untrusted() {
            return result(false, false, false);
        }

        EvidenceVerification result(boolean intact, boolean trusted, boolean signerExpired) {
            EvidenceType type = summary.type();
            return new EvidenceVerification(intact, trusted, signerExpired, signerSubject, signingTime,
                    revocation.status(), type, summary.evidenceId(), summary.remmdMessageIdentifier(),
                    summary.uaMessageIdentifier(), dssIndication, problems);
        }
    }
}
