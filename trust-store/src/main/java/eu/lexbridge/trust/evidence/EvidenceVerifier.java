package eu.lexbridge.trust.evidence;

import static eu.lexbridge.trust.signature.SignatureFinding.Code.NOT_WHOLE_DOCUMENT;
import static eu.lexbridge.trust.signature.SignatureFinding.Code.SIGNATURE_UNREADABLE;
import static eu.lexbridge.trust.signature.SignatureFinding.Code.WEAK_ALGORITHM;

import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.DigestMatcherType;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.validation.reports.Reports;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.signature.ChainToTrustAnchor;
import eu.lexbridge.trust.signature.ClaimedSigningTime;
import eu.lexbridge.trust.signature.DssValidation;
import eu.lexbridge.trust.signature.ExpectedSigner;
import eu.lexbridge.trust.signature.IssuersNotRevoked;
import eu.lexbridge.trust.signature.KeyUsageAllowsSigning;
import eu.lexbridge.trust.signature.ReferencesIntact;
import eu.lexbridge.trust.signature.RevocationChecking;
import eu.lexbridge.trust.signature.RevocationSettings;
import eu.lexbridge.trust.signature.RevocationStatus;
import eu.lexbridge.trust.signature.SignatureCheck;
import eu.lexbridge.trust.signature.SignatureChecks;
import eu.lexbridge.trust.signature.SignatureFinding;
import eu.lexbridge.trust.signature.SignatureFindings;
import eu.lexbridge.trust.signature.SignatureValueIntact;
import eu.lexbridge.trust.signature.SignatureView;
import eu.lexbridge.trust.signature.SignerIdentified;
import eu.lexbridge.trust.signature.SignerNotRevoked;
import eu.lexbridge.trust.signature.SignerRevocation;
import eu.lexbridge.trust.signature.SignerValidNow;
import eu.lexbridge.trust.signature.ValidAtSigningTime;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies a received ETSI-REM evidence: parsed closed to XML attacks, sealed with one enveloped signature over the
 * whole document, cryptographically intact (DSS), and signed by a certificate that chains to one of our trust anchors,
 * belongs to the expected partner, allows signing and was valid at the signing time. Integrity and trust are
 * reported apart, with every finding; a bad evidence is a result, never an exception.
 *
 * <p>The seal is put through the signature-checks block ({@link SignatureChecks}) that containers and documents go
 * through as well; what is the evidence's own is its shape (one enveloped signature, before DSS resolves anything),
 * the whole-document reference, and the notice of SHA-1 references.
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

    private static final Set<DigestAlgorithm> WEAK = Set.of(DigestAlgorithm.SHA1, DigestAlgorithm.MD5,
            DigestAlgorithm.MD2, DigestAlgorithm.RIPEMD160);

    private final RemEvidenceReader reader = new RemEvidenceReader();
    private final KnownSealers sealers = new KnownSealers();
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
        this.certificateVerifier = DssValidation.verifier(trustAnchors, revocation);
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
        var refusal = EnvelopedSignatureShape.of(document).refusal();
        if (refusal.isPresent()) {
            return unread(summary, refusal.get());
        }
        Instant now = clock.instant();
        var seal = sealers.read(document);
        var quick = seal.flatMap(read -> sealers.recheck(read, expectedSigner, now));
        if (quick.isPresent()) {
            SignatureFindings findings = checks(expectedSigner).run(quick.get().view());
            if (codes(findings).equals(quick.get().expectedFindings())) {
                return verdict(summary, quick.get().view(), findings);
            }
        }
        Reports reports;
        try {
            reports = DssValidation.validateSeal(new InMemoryDocument(document, "evidence.xml"), List.of(),
                    certificateVerifier, now);
        } catch (RuntimeException e) {
            return unread(summary, new SignatureFinding(SIGNATURE_UNREADABLE,
                    "DSS cannot read the signature: " + e.getMessage()));
        }
        List<SignatureWrapper> signatures = reports.getDiagnosticData().getSignatures();
        if (signatures.size() != 1) {
            return unread(summary, new SignatureFinding(SIGNATURE_UNREADABLE,
                    "DSS found " + signatures.size() + " signatures"));
        }
        SignatureView view = SignatureView.read(signatures.get(0), reports.getSimpleReport(), revocation);
        SignatureFindings findings = checks(expectedSigner).run(view);
        EvidenceVerification verification = verdict(summary, view, findings);
        if (verification.acceptable() && verification.revocation() != RevocationStatus.UNKNOWN && seal.isPresent()) {
            sealers.remember(seal.get(), expectedSigner, view, codes(findings), now);
        }
        return verification;
    }

    private EvidenceVerification verdict(RemEvidenceSummary summary, SignatureView seal, SignatureFindings findings) {
        boolean intact = findings.intact();
        return result(summary, intact, intact && findings.signerTrusted(),
                findings.has(SignatureFinding.Code.SIGNER_EXPIRED), seal, findings.all());
    }

    private static List<SignatureFinding.Code> codes(SignatureFindings findings) {
        return findings.all().stream().map(SignatureFinding::code).toList();
    }

    /** How many seals were checked by their cryptography against a signer validated in full before. */
    int quickChecks() {
        return sealers.quickChecks();
    }

    /** The evidence seal's checks, in the order the report has always listed their findings. */
    private SignatureChecks checks(X509Certificate expectedSigner) {
        List<SignatureCheck> checks = new ArrayList<>(List.of(EvidenceVerifier::weakAlgorithms,
                ReferencesIntact.NAMED_AS_REFERENCES, new SignatureValueIntact(), EvidenceVerifier::wholeDocument,
                SignerIdentified.IN_THE_SIGNATURE, new SignerValidNow(clock, true), new ChainToTrustAnchor()));
        if (expectedSigner != null) {
            checks.add(new ExpectedSigner(expectedSigner));
        }
        checks.addAll(List.of(new KeyUsageAllowsSigning(), new ClaimedSigningTime(clock),
                ValidAtSigningTime.PATH_OR_SIGNER_NAMING_VALIDITY, SignerNotRevoked.UNKNOWN_SAID_BELOW_AN_ANCHOR,
                new IssuersNotRevoked()));
        return new SignatureChecks(checks);
    }

    /** An evidence whose seal could not be read as one: neither intact nor trusted. */
    private EvidenceVerification unread(RemEvidenceSummary summary, SignatureFinding finding) {
        return result(summary, false, false, false, null, List.of(finding));
    }

    private EvidenceVerification result(RemEvidenceSummary summary, boolean intact, boolean trusted,
                                        boolean signerExpired, SignatureView seal, List<SignatureFinding> findings) {
        SignerRevocation status = seal == null ? SignerRevocation.notLookedUp(revocation) : seal.signerRevocation();
        return new EvidenceVerification(intact, trusted, signerExpired,
                seal == null || seal.signer() == null ? null : seal.signer().subject(),
                seal == null ? null : seal.claimedSigningTime(), status.status(), summary.type(),
                summary.evidenceId(), summary.remmdMessageIdentifier(), summary.uaMessageIdentifier(),
                seal == null ? null : seal.dssVerdict(), findings.stream().map(EvidenceProblem::of).toList());
    }

    /** The evidence's own integrity check: a reference covers the whole evidence. */
    private static List<SignatureFinding> wholeDocument(SignatureView seal) {
        boolean wholeDocument = seal.references().stream().anyMatch(reference ->
                reference.type() == DigestMatcherType.REFERENCE && "".equals(reference.uri()));
        return wholeDocument ? List.of() : List.of(new SignatureFinding(NOT_WHOLE_DOCUMENT,
                "no reference covers the whole evidence (URI \"\")"));
    }

    /** SHA-1 or weaker, reported and let pass: the official e-CODEX connector uses SHA-1 references. */
    private static List<SignatureFinding> weakAlgorithms(SignatureView seal) {
        List<SignatureFinding> found = new ArrayList<>();
        if (seal.digestAlgorithm() != null && WEAK.contains(seal.digestAlgorithm())) {
            found.add(new SignatureFinding(WEAK_ALGORITHM, "the signature is " + seal.signatureAlgorithm()));
        }
        List<String> weakReferences = seal.references().stream()
                .filter(reference -> reference.digestMethod() != null && WEAK.contains(reference.digestMethod()))
                .map(reference -> reference.name() + " " + reference.digestMethod())
                .toList();
        if (!weakReferences.isEmpty()) {
            found.add(new SignatureFinding(WEAK_ALGORITHM, "weak reference digests (the official e-CODEX connector "
                    + "uses SHA-1 on purpose): " + weakReferences));
        }
        return found;
    }
}
