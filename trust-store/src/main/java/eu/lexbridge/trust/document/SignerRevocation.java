package eu.lexbridge.trust.document;

import eu.europa.esig.dss.diagnostic.CertificateRevocationWrapper;
import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.enumerations.CertificateStatus;
import eu.europa.esig.dss.enumerations.RevocationReason;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A certificate's revocation status as read from DSS's diagnostic data: the revocation data DSS found (in the signature
 * or fetched) whose signature verifies. One revoked answer outweighs any good one: a CRL older than the revocation can
 * still say "good".
 *
 * @param status the status
 * @param revokedAt the revocation time, for {@link RevocationStatus#REVOKED}
 * @param reason the revocation reason as RFC 5280 names it ({@code keyCompromise} ...), or {@code null}
 */
record SignerRevocation(RevocationStatus status, Instant revokedAt, String reason) {

    static SignerRevocation of(CertificateWrapper certificate, RevocationChecking checking) {
        List<CertificateRevocationWrapper> answers = certificate.getCertificateRevocationData().stream()
                .filter(CertificateRevocationWrapper::isSignatureIntact)
                .toList();
        var revoked = answers.stream()
                .filter(answer -> answer.getStatus() == CertificateStatus.REVOKED && answer.getRevocationDate() != null)
                .min(Comparator.comparing(CertificateRevocationWrapper::getRevocationDate));
        if (revoked.isPresent()) {
            RevocationReason reason = revoked.get().getReason();
            return new SignerRevocation(RevocationStatus.REVOKED, revoked.get().getRevocationDate().toInstant(),
                    reason == null || reason == RevocationReason.UNSPECIFIED ? null : reason.getShortName());
        }
        if (answers.stream().anyMatch(answer -> answer.getStatus() == CertificateStatus.GOOD)) {
            return new SignerRevocation(RevocationStatus.GOOD, null, null);
        }
        return new SignerRevocation(checking == RevocationChecking.OFF ? RevocationStatus.NOT_CHECKED
                : RevocationStatus.UNKNOWN, null, null);
    }

    /**
     * Adds the problem sentence this status calls for.
     *
     * @param chainTrusted whether the chain is trusted otherwise: only then is an unknown status worth a sentence
     *     (DSS does not look for revocation data of an untrusted chain)
     * @return false when the status makes the signature untrusted
     */
    boolean check(CertificateWrapper certificate, Instant signedAt, boolean chainTrusted, List<String> problems) {
        switch (status) {
            case REVOKED -> {
                String sentence = "the certificate of " + certificate.getCertificateDN() + " was revoked at "
                        + revokedAt + (reason == null ? "" : " (" + reason + ")");
                if (signedAt != null && signedAt.isBefore(revokedAt)) {
                    sentence += "; the claimed signing time " + signedAt + " is earlier, but no time-stamp proves it";
                }
                problems.add(sentence);
                return false;
            }
            case UNKNOWN -> {
                if (chainTrusted) {
                    problems.add("the revocation status of the certificate of " + certificate.getCertificateDN()
                            + " could not be determined: no CRL or OCSP response was reachable at the addresses it "
                            + "names");
                }
                return true;
            }
            default -> {
                return true;
            }
        }
    }
}
