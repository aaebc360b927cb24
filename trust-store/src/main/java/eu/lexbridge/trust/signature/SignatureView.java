package eu.lexbridge.trust.signature;

import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.jaxb.XmlDigestMatcher;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.DigestMatcherType;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.KeyUsageBit;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureQualification;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.simplereport.SimpleReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;

/**
 * One signature as DSS saw it, read once from its diagnostic data and simple report into values the checks share:
 * no check reads DSS's (mutable, JAXB-backed) wrappers itself, and a check can be tried on a view made by hand.
 *
 * @param id DSS's id of the signature
 * @param format the signature format as DSS names it ({@code XAdES_BASELINE_B} ...), or {@code null}
 * @param claimedSigningTime the signing time the signature claims, or {@code null}
 * @param references DSS's digest matchers: the signature's references (or message digest), in its order
 * @param valueIntact the signature value verifies with the signing certificate's key
 * @param digestAlgorithm the digest the signature value is made over, or {@code null}
 * @param signatureAlgorithm the signature algorithm, or {@code null}
 * @param signer the signing certificate, or {@code null} when no certificate in or beside the signature verifies it
 * @param chain the signer's chain as DSS built it, the signer first
 * @param anchor the position of the first trust anchor in {@code chain}, or -1 when the chain reaches none (DSS builds
 *     the chain by signature; a link it could not verify ends it there)
 * @param revocationChecking what revocation data the validation could fetch
 * @param indication DSS's indication under its default policy ({@code TOTAL_PASSED} ...), or {@code null}
 * @param subIndication DSS's sub-indication, or {@code null}
 * @param qualification DSS's signature qualification, or {@code null}; meaningful only with trusted lists
 */
public record SignatureView(String id, String format, Instant claimedSigningTime, List<Reference> references,
                            boolean valueIntact, DigestAlgorithm digestAlgorithm,
                            SignatureAlgorithm signatureAlgorithm, Certificate signer, List<Certificate> chain,
                            int anchor, RevocationChecking revocationChecking, String indication,
                            String subIndication, SignatureQualification qualification) {

    public SignatureView {
        references = List.copyOf(references);
        chain = List.copyOf(chain);
        Objects.requireNonNull(revocationChecking, "revocationChecking");
        if (anchor < -1 || anchor >= chain.size()) {
            throw new IllegalArgumentException("The trust anchor " + anchor + " is not in the chain");
        }
    }

    /**
     * One reference of the signature, as DSS matched it to its data.
     *
     * @param type what DSS matched ({@code REFERENCE}, {@code SIGNED_PROPERTIES}, {@code MESSAGE_DIGEST} ...)
     * @param id the reference's id, or {@code null}
     * @param uri the reference's URI, or {@code null}
     * @param digestMethod its digest algorithm, or {@code null} when DSS does not know it
     * @param dataFound DSS found the data it refers to
     * @param dataIntact that data matches the digest
     */
    public record Reference(DigestMatcherType type, String id, String uri, DigestAlgorithm digestMethod,
                            boolean dataFound, boolean dataIntact) {

        /** The reference as people read it: its type and its id or URI. */
        public String name() {
            String named = id != null ? id : uri;
            return type + (named == null ? "" : " '" + named + "'");
        }
    }

    /**
     * One certificate of the signer's chain.
     *
     * @param dssId DSS's id of the certificate
     * @param subject its subject DN
     * @param issuer its issuer DN
     * @param notBefore start of its validity
     * @param notAfter end of its validity
     * @param keyUsages its key usages; empty when it has no key-usage extension
     * @param revocation its revocation status, from the revocation data DSS found
     */
    public record Certificate(String dssId, String subject, String issuer, Instant notBefore, Instant notAfter,
                              List<KeyUsageBit> keyUsages, SignerRevocation revocation) {

        public Certificate {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(notBefore, "notBefore");
            Objects.requireNonNull(notAfter, "notAfter");
            keyUsages = List.copyOf(keyUsages);
            Objects.requireNonNull(revocation, "revocation");
        }

        /** Within its validity period at {@code at}, both ends included. */
        public boolean validAt(Instant at) {
            return !at.isBefore(notBefore) && !at.isAfter(notAfter);
        }

        private static Certificate read(CertificateWrapper certificate, RevocationChecking checking) {
            return new Certificate(certificate.getId(), certificate.getCertificateDN(),
                    certificate.getCertificateIssuerDN(), certificate.getNotBefore().toInstant(),
                    certificate.getNotAfter().toInstant(), certificate.getKeyUsages(),
                    SignerRevocation.of(certificate, checking));
        }
    }

    /**
     * Reads one signature of a DSS validation.
     *
     * @param checking what revocation data the validation could fetch: a certificate DSS found no data for is
     *     {@link RevocationStatus#UNKNOWN} when something was to be fetched, {@link RevocationStatus#NOT_CHECKED}
     *     otherwise
     */
    public static SignatureView read(SignatureWrapper signature, SimpleReport report, RevocationChecking checking) {
        List<Reference> references = new ArrayList<>();
        for (XmlDigestMatcher matcher : signature.getDigestMatchers()) {
            references.add(new Reference(matcher.getType(), matcher.getId(), matcher.getUri(),
                    matcher.getDigestMethod(), matcher.isDataFound(), matcher.isDataIntact()));
        }
        List<CertificateWrapper> wrappers = signature.getCertificateChain();
        List<Certificate> chain = wrappers.stream().map(c -> Certificate.read(c, checking)).toList();
        CertificateWrapper signer = signature.getSigningCertificate();
        Indication indication = report.getIndication(signature.getId());
        SubIndication subIndication = report.getSubIndication(signature.getId());
        return new SignatureView(signature.getId(),
                signature.getSignatureFormat() == null ? null : signature.getSignatureFormat().name(),
                instant(signature.getClaimedSigningTime()), references, signature.isSignatureIntact(),
                signature.getDigestAlgorithm(), signature.getSignatureAlgorithm(),
                signer == null ? null : Certificate.read(signer, checking), chain, anchorIndex(wrappers), checking,
                indication == null ? null : indication.name(), subIndication == null ? null : subIndication.name(),
                report.getSignatureQualification(signature.getId()));
    }

    /** The chain reaches a trust anchor. */
    public boolean anchored() {
        return anchor >= 0;
    }

    /**
     * The certificates that must have been valid when the signature was made: the chain from the signer up to the
     * trust anchor, or the signer alone when the chain reaches none.
     */
    public List<Certificate> pathToAnchor() {
        return anchor < 0 ? List.of(signer) : chain.subList(0, anchor + 1);
    }

    /** The CAs between the signer and its trust anchor, both excluded; empty when the chain reaches none. */
    public List<Certificate> issuersBelowAnchor() {
        return anchor <= 0 ? List.of() : chain.subList(1, anchor);
    }

    /** The signer's revocation status; without a signer, what is known when nothing was looked up. */
    public SignerRevocation signerRevocation() {
        return signer == null ? SignerRevocation.notLookedUp(revocationChecking) : signer.revocation();
    }

    /** DSS's verdict as one word, e.g. {@code INDETERMINATE/NO_CERTIFICATE_CHAIN_FOUND}, or {@code null}. */
    public String dssVerdict() {
        return indication == null ? null : indication + (subIndication == null ? "" : "/" + subIndication);
    }

    private static int anchorIndex(List<CertificateWrapper> chain) {
        for (int i = 0; i < chain.size(); i++) {
            if (chain.get(i).isTrusted()) {
                return i;
            }
            if (!chain.get(i).isSignatureIntact()) {
                return -1;
            }
        }
        return -1;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
