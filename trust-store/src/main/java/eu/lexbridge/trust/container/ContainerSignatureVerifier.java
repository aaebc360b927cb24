package eu.lexbridge.trust.container;

import static eu.lexbridge.trust.container.ContainerProblem.Code.NOT_COVERING_SIGNED_OBJECT;
import static eu.lexbridge.trust.container.ContainerProblem.Code.REVOCATION_UNKNOWN;
import static eu.lexbridge.trust.container.ContainerProblem.Code.SIGNATURE_BROKEN;
import static eu.lexbridge.trust.container.ContainerProblem.Code.SIGNATURE_UNREADABLE;
import static eu.lexbridge.trust.container.ContainerProblem.Code.SIGNER_EXPIRED;
import static eu.lexbridge.trust.container.ContainerProblem.Code.SIGNER_NOT_VALID_AT_SIGNING_TIME;
import static eu.lexbridge.trust.container.ContainerProblem.Code.SIGNER_REVOKED;
import static eu.lexbridge.trust.container.ContainerProblem.Code.SIGNER_UNKNOWN;
import static eu.lexbridge.trust.container.ContainerProblem.Code.SIGNER_UNTRUSTED;
import static eu.lexbridge.trust.container.ContainerProblem.Code.SIGNING_TIME_IMPLAUSIBLE;

import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.jaxb.XmlDigestMatcher;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.DigestMatcherType;
import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.enumerations.ValidationLevel;
import eu.europa.esig.dss.model.DigestDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.validation.reports.Reports;
import eu.europa.esig.dss.xades.validation.XMLDocumentValidator;
import eu.lexbridge.trust.signature.DssVerdicts;
import eu.lexbridge.trust.signature.RevocationChecking;
import eu.lexbridge.trust.signature.RevocationSettings;
import eu.lexbridge.trust.signature.RevocationStatus;
import eu.lexbridge.trust.signature.SignerRevocation;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Checks the detached XAdES signature of an ASiC-S container against the digests of its signed data object. DSS sees
 * the signed object only as a {@link DigestDocument}: its bytes were digested while they streamed past.
 *
 * <p>Revocation is checked as {@link RevocationSettings} say, with the certificate verifier documents and evidences
 * use ({@link DssVerdicts#verifier}): a revoked container-seal certificate makes the container untrusted, so its
 * content is not extracted.
 */
final class ContainerSignatureVerifier {

    private static final Duration SKEW = Duration.ofMinutes(5);

    private final CommonCertificateVerifier certificateVerifier;
    private final RevocationChecking revocation;
    private final Clock clock;

    ContainerSignatureVerifier(Collection<X509Certificate> trustAnchors, RevocationSettings revocation, Clock clock) {
        this.clock = clock;
        this.revocation = revocation.checking();
        this.certificateVerifier = DssVerdicts.verifier(trustAnchors, revocation);
    }

    /**
     * @param signaturesXml META-INF/signatures.xml
     * @param signedObject the signed data object's name
     * @param digests its digests, by algorithm
     */
    ContainerVerification verify(byte[] signaturesXml, String signedObject, Map<DigestAlgorithm, byte[]> digests) {
        List<ContainerProblem> problems = new ArrayList<>();
        RevocationStatus notLookedUp = SignerRevocation.notLookedUp(revocation).status();
        Reports reports;
        try {
            DigestDocument detached = new DigestDocument();
            detached.setName(signedObject);
            detached.setMimeType(MimeTypeEnum.ZIP);
            digests.forEach(detached::addDigest);
            XMLDocumentValidator validator = new XMLDocumentValidator(
                    new InMemoryDocument(signaturesXml, "signatures.xml", MimeTypeEnum.XML));
            validator.setDetachedContents(List.of(detached));
            validator.setCertificateVerifier(certificateVerifier);
            validator.setValidationTime(Date.from(clock.instant()));
            validator.setValidationLevel(ValidationLevel.BASIC_SIGNATURES);
            validator.setEnableEtsiValidationReport(false);
            reports = validator.validateDocument(DssVerdicts.defaultPolicy());
        } catch (RuntimeException e) {
            problems.add(new ContainerProblem(SIGNATURE_UNREADABLE, "DSS cannot read the signature: " + e.getMessage()));
            return new ContainerVerification(false, false, signedObject, null, null, notLookedUp, null, problems);
        }
        List<SignatureWrapper> signatures = reports.getDiagnosticData().getSignatures();
        if (signatures.size() != 1) {
            problems.add(new ContainerProblem(SIGNATURE_UNREADABLE, "signatures.xml holds " + signatures.size()
                    + " signatures; an e-CODEX container has exactly one"));
            return new ContainerVerification(false, false, signedObject, null, null, notLookedUp, null, problems);
        }
        SignatureWrapper signature = signatures.get(0);
        String indication = DssVerdicts.indication(reports, signature.getId());
        Instant signingTime = signature.getClaimedSigningTime() == null ? null
                : signature.getClaimedSigningTime().toInstant();
        boolean intact = integrity(signature, signedObject, problems);
        CertificateWrapper signer = signature.getSigningCertificate();
        if (signer == null) {
            problems.add(new ContainerProblem(SIGNER_UNKNOWN, "no certificate in the signature verifies it"));
            return new ContainerVerification(intact, false, signedObject, null, signingTime, notLookedUp, indication,
                    problems);
        }
        boolean trusted = intact & trust(signature, signer, signingTime, problems);
        SignerRevocation status = SignerRevocation.of(signer, revocation);
        trusted &= revocation(signature, signer, status, signingTime, problems);
        Instant now = clock.instant();
        if (!validAt(signer, now)) {
            problems.add(new ContainerProblem(SIGNER_EXPIRED, "the certificate of " + signer.getCertificateDN()
                    + " is not valid now (valid " + signer.getNotBefore().toInstant() + " to "
                    + signer.getNotAfter().toInstant() + ")"));
        }
        return new ContainerVerification(intact, trusted, signedObject, signer.getCertificateDN(), signingTime,
                status.status(), indication, problems);
    }

    private static boolean integrity(SignatureWrapper signature, String signedObject, List<ContainerProblem> problems) {
        boolean intact = true;
        boolean coversObject = false;
        for (XmlDigestMatcher reference : signature.getDigestMatchers()) {
            if (reference.getType() == DigestMatcherType.REFERENCE) {
                String uri = reference.getUri() == null ? "" : URLDecoder.decode(reference.getUri(),
                        StandardCharsets.UTF_8);
                if (uri.equals(signedObject)) {
                    coversObject = true;
                } else {
                    intact = false;
                    problems.add(new ContainerProblem(NOT_COVERING_SIGNED_OBJECT, "a reference points to '" + uri
                            + "', not to the signed object '" + signedObject + "'"));
                }
            }
            if (!reference.isDataFound()) {
                intact = false;
                problems.add(new ContainerProblem(SIGNATURE_BROKEN, "the data of reference "
                        + DssVerdicts.referenceName(reference) + " is not found (or its digest algorithm " + reference.getDigestMethod()
                        + " is not supported)"));
            } else if (!reference.isDataIntact()) {
                intact = false;
                problems.add(new ContainerProblem(SIGNATURE_BROKEN, "the digest of reference "
                        + DssVerdicts.referenceName(reference) + " does not match: the signed content was changed"));
            }
        }
        if (!coversObject) {
            intact = false;
            problems.add(new ContainerProblem(NOT_COVERING_SIGNED_OBJECT, "no reference covers '" + signedObject
                    + "'"));
        }
        if (!signature.isSignatureIntact()) {
            intact = false;
            problems.add(new ContainerProblem(SIGNATURE_BROKEN, "the signature value does not verify"));
        }
        return intact;
    }

    private boolean trust(SignatureWrapper signature, CertificateWrapper signer, Instant signedAt,
                          List<ContainerProblem> problems) {
        boolean trusted = true;
        List<CertificateWrapper> chain = signature.getCertificateChain();
        int anchor = DssVerdicts.trustAnchorIndex(chain);
        if (anchor < 0) {
            trusted = false;
            problems.add(new ContainerProblem(SIGNER_UNTRUSTED, "the certificate of " + signer.getCertificateDN()
                    + " does not chain to a trust anchor"));
        }
        if (signedAt == null) {
            trusted = false;
            problems.add(new ContainerProblem(SIGNING_TIME_IMPLAUSIBLE, "the signature claims no signing time"));
            return trusted;
        }
        if (signedAt.isAfter(clock.instant().plus(SKEW))) {
            trusted = false;
            problems.add(new ContainerProblem(SIGNING_TIME_IMPLAUSIBLE, "the signature claims a signing time in the "
                    + "future: " + signedAt));
        }
        List<CertificateWrapper> path = anchor < 0 ? List.of(signer) : chain.subList(0, anchor + 1);
        for (CertificateWrapper certificate : path) {
            if (!validAt(certificate, signedAt)) {
                trusted = false;
                problems.add(new ContainerProblem(SIGNER_NOT_VALID_AT_SIGNING_TIME, "the certificate of "
                        + certificate.getCertificateDN() + " was not valid at the signing time " + signedAt));
            }
        }
        return trusted;
    }

    /**
     * Reports the signer's revocation status and any revoked CA up to the trust anchor. A revoked certificate anywhere
     * in the chain withdraws trust whatever signing time the seal claims: only a time-stamp could prove the seal older
     * than the revocation, and a container seal carries none.
     *
     * @return false when a certificate of the chain is revoked
     */
    private boolean revocation(SignatureWrapper signature, CertificateWrapper signer, SignerRevocation status,
                               Instant signedAt, List<ContainerProblem> problems) {
        List<CertificateWrapper> chain = signature.getCertificateChain();
        int anchor = DssVerdicts.trustAnchorIndex(chain);
        // An anchor's own status is never looked up: no sentence for a signer that is itself the anchor, nor for one
        // outside every trusted chain (DSS fetches nothing for it).
        status.problem(signer, signedAt, anchor > 0).ifPresent(sentence -> problems.add(
                new ContainerProblem(status.revoked() ? SIGNER_REVOKED : REVOCATION_UNKNOWN, sentence)));
        List<String> revokedIssuers = SignerRevocation.revokedIssuers(chain, anchor, signedAt, revocation);
        revokedIssuers.forEach(sentence -> problems.add(new ContainerProblem(SIGNER_REVOKED, sentence)));
        return !status.revoked() && revokedIssuers.isEmpty();
    }

    private static boolean validAt(CertificateWrapper certificate, Instant at) {
        return !at.isBefore(certificate.getNotBefore().toInstant())
                && !at.isAfter(certificate.getNotAfter().toInstant());
    }

}
