package eu.lexbridge.trust.signature;

import eu.europa.esig.dss.diagnostic.CertificateRevocationWrapper;
import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.enumerations.CertificateStatus;
import eu.europa.esig.dss.enumerations.RevocationReason;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A certificate's revocation status as read from DSS's diagnostic data: the revocation data DSS found (in the signature
 * or fetched) whose signature verifies. One revoked answer outweighs any good one: a CRL older than the revocation can
 * still say "good". Documents, evidences and containers read it alike, so that a revoked seal is refused with the same
 * sentence wherever it turns up.
 *
 * @param status the status
 * @param revokedAt the revocation time, for {@link RevocationStatus#REVOKED}
 * @param reason the revocation reason as RFC 5280 names it ({@code keyCompromise} ...), or {@code null}
 */
public record SignerRevocation(RevocationStatus status, Instant revokedAt, String reason) {

    public SignerRevocation {
        Objects.requireNonNull(status, "status");
        if (status == RevocationStatus.REVOKED && revokedAt == null) {
            throw new IllegalArgumentException("A revoked status names its revocation time");
        }
    }

    /** What is known when no certificate was looked at: nothing, either because nothing was to be checked or not. */
    public static SignerRevocation notLookedUp(RevocationChecking checking) {
        return new SignerRevocation(checking == RevocationChecking.OFF ? RevocationStatus.NOT_CHECKED
                : RevocationStatus.UNKNOWN, null, null);
    }

    public static SignerRevocation of(CertificateWrapper certificate, RevocationChecking checking) {
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
        return notLookedUp(checking);
    }

    /** Whether this status withdraws trust from everything the certificate signed. */
    public boolean revoked() {
        return status == RevocationStatus.REVOKED;
    }

    /**
     * The sentence this status calls for, for a person: who was revoked, when and why; or that the status could not
     * be determined.
     *
     * @param subject the subject of the certificate this status is of
     * @param signedAt the signing time the signature claims, or {@code null}
     * @param chainTrusted whether the chain is trusted otherwise: only then is an unknown status worth a sentence
     *     (DSS does not look for revocation data of an untrusted chain)
     * @return the sentence, or empty for GOOD, NOT_CHECKED, and UNKNOWN of an untrusted chain
     */
    public Optional<String> problem(String subject, Instant signedAt, boolean chainTrusted) {
        return switch (status) {
            case REVOKED -> {
                String sentence = "the certificate of " + subject + " was revoked at "
                        + revokedAt + (reason == null ? "" : " (" + reason + ")");
                if (signedAt != null && signedAt.isBefore(revokedAt)) {
                    sentence += "; the claimed signing time " + signedAt + " is earlier, but no time-stamp proves it";
                }
                yield Optional.of(sentence);
            }
            case UNKNOWN -> chainTrusted ? Optional.of("the revocation status of the certificate of "
                    + subject + " could not be determined: no CRL or OCSP response was "
                    + "reachable at the addresses it names") : Optional.empty();
            default -> Optional.empty();
        };
    }
}
