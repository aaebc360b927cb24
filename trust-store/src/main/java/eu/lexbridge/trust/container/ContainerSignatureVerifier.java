package eu.lexbridge.trust.container;

import static eu.lexbridge.trust.signature.SignatureFinding.Code.NOT_COVERING_SIGNED_OBJECT;
import static eu.lexbridge.trust.signature.SignatureFinding.Code.SIGNATURE_UNREADABLE;

import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.DigestMatcherType;
import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.model.DigestDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.validation.reports.Reports;
import eu.lexbridge.trust.signature.ChainToTrustAnchor;
import eu.lexbridge.trust.signature.ClaimedSigningTime;
import eu.lexbridge.trust.signature.DssValidation;
import eu.lexbridge.trust.signature.ExpectedSigner;
import eu.lexbridge.trust.signature.IssuersNotRevoked;
import eu.lexbridge.trust.signature.ReferencesIntact;
import eu.lexbridge.trust.signature.RevocationChecking;
import eu.lexbridge.trust.signature.RevocationSettings;
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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Checks the detached XAdES signature of an ASiC-S container against the digests of its signed data object. DSS sees
 * the signed object only as a {@link DigestDocument}: its bytes were digested while they streamed past.
 *
 * <p>The seal is put through the signature-checks block ({@link SignatureChecks}) that evidences and documents go
 * through as well; what is the container's own is that the seal references the signed data object and nothing else.
 *
 * <p>Revocation is checked as {@link RevocationSettings} say, with the certificate verifier documents and evidences
 * use ({@link DssValidation#verifier}): a revoked container-seal certificate makes the container untrusted, so its
 * content is not extracted.
 */
final class ContainerSignatureVerifier {

    private final CommonCertificateVerifier certificateVerifier;
    private final RevocationChecking revocation;
    private final Clock clock;
    private final List<SignatureCheck> checks;

    ContainerSignatureVerifier(Collection<X509Certificate> trustAnchors, RevocationSettings revocation, Clock clock) {
        this.clock = clock;
        this.revocation = revocation.checking();
        this.certificateVerifier = DssValidation.verifier(trustAnchors, revocation);
        this.checks = List.of(ReferencesIntact.NAMED_AS_REFERENCES_WITH_ALGORITHM,
                new SignatureValueIntact(), SignerIdentified.IN_THE_SIGNATURE, new ChainToTrustAnchor(),
                new ClaimedSigningTime(clock), ValidAtSigningTime.PATH_OR_SIGNER,
                SignerNotRevoked.UNKNOWN_SAID_BELOW_AN_ANCHOR, new IssuersNotRevoked(),
                new SignerValidNow(clock, false));
    }

    /**
     * @param signaturesXml META-INF/signatures.xml
     * @param signedObject the signed data object's name
     * @param digests its digests, by algorithm
     * @param expectedSigner the certificate the seal must be by (or a renewal of it: same subject and issuer), as
     *     {@link ExpectedSigner} holds it for evidences; {@code null} for any signer chaining to a trust anchor
     */
    ContainerVerification verify(byte[] signaturesXml, String signedObject, Map<DigestAlgorithm, byte[]> digests,
                                 X509Certificate expectedSigner) {
        Reports reports;
        try {
            DigestDocument detached = new DigestDocument();
            detached.setName(signedObject);
            detached.setMimeType(MimeTypeEnum.ZIP);
            digests.forEach(detached::addDigest);
            reports = DssValidation.validateSeal(new InMemoryDocument(signaturesXml, "signatures.xml",
                    MimeTypeEnum.XML), List.of(detached), certificateVerifier, clock.instant());
        } catch (RuntimeException e) {
            return unread(signedObject, "DSS cannot read the signature: " + e.getMessage());
        }
        List<SignatureWrapper> signatures = reports.getDiagnosticData().getSignatures();
        if (signatures.size() != 1) {
            return unread(signedObject, "signatures.xml holds " + signatures.size()
                    + " signatures; a sealed container has exactly one");
        }
        SignatureView seal = SignatureView.read(signatures.get(0), reports.getSimpleReport(), revocation);
        // The container's own check first: what the seal covers, then what the block finds of it.
        SignatureFindings findings = new SignatureFindings(coversSignedObject(seal, signedObject))
                .then(checks(expectedSigner).run(seal).all());
        boolean intact = findings.intact();
        return new ContainerVerification(intact, intact && findings.signerTrusted(), signedObject,
                seal.signer() == null ? null : seal.signer().subject(), seal.claimedSigningTime(),
                seal.signerRevocation().status(), seal.dssVerdict(), problems(findings.all()));
    }

    private SignatureChecks checks(X509Certificate expectedSigner) {
        if (expectedSigner == null) {
            return new SignatureChecks(checks);
        }
        List<SignatureCheck> pinned = new ArrayList<>(checks);
        pinned.add(new ExpectedSigner(expectedSigner));
        return new SignatureChecks(pinned);
    }

    /** A container whose seal could not be read as one: neither intact nor trusted. */
    private ContainerVerification unread(String signedObject, String sentence) {
        return new ContainerVerification(false, false, signedObject, null, null,
                SignerRevocation.notLookedUp(revocation).status(), null,
                problems(List.of(new SignatureFinding(SIGNATURE_UNREADABLE, sentence))));
    }

    /** Every reference of the seal names the signed data object, and one does. */
    private static List<SignatureFinding> coversSignedObject(SignatureView seal, String signedObject) {
        List<SignatureFinding> found = new ArrayList<>();
        boolean coversObject = false;
        for (SignatureView.Reference reference : seal.references()) {
            if (reference.type() != DigestMatcherType.REFERENCE) {
                continue;
            }
            String uri = reference.uri() == null ? "" : URLDecoder.decode(reference.uri(), StandardCharsets.UTF_8);
            if (uri.equals(signedObject)) {
                coversObject = true;
            } else {
                found.add(new SignatureFinding(NOT_COVERING_SIGNED_OBJECT, "a reference points to '" + uri
                        + "', not to the signed object '" + signedObject + "'"));
            }
        }
        if (!coversObject) {
            found.add(new SignatureFinding(NOT_COVERING_SIGNED_OBJECT, "no reference covers '" + signedObject + "'"));
        }
        return found;
    }

    private static List<ContainerProblem> problems(List<SignatureFinding> findings) {
        return findings.stream().map(ContainerProblem::of).toList();
    }
}
