package eu.lexbridge.trust.port;

import eu.lexbridge.core.port.DocumentChecker;
import eu.lexbridge.core.port.DocumentChecker.Revocation;
import eu.lexbridge.core.port.DocumentChecker.SignatureSummary;
import eu.lexbridge.trust.container.TrustOkToken;
import eu.lexbridge.trust.container.TrustOkToken.SignatureData;
import eu.lexbridge.trust.container.TrustOkToken.TechnicalTrustLevel;
import java.time.Instant;

/**
 * The signature-based Trust OK token from a document check, with the official connector's colours
 * (ecodex-wire.md §5.2): SUCCESSFUL when every signature is intact, trusted, covers the document as shown and is
 * confirmed not revoked; SUFFICIENT when it would be but revocation could not be confirmed; FAIL otherwise (no
 * signature, broken, untrusted, revoked, or a signature that does not cover what is shown).
 */
final class TrustOkTokens {

    private TrustOkTokens() {
    }

    static TrustOkToken signatureBased(String serviceProvider, String country, TrustOkToken.Document document,
                                       DocumentChecker.Check check, String report, Instant now) {
        SignatureData first = check.signatures().isEmpty() ? null : data(check.signatures().get(0), check);
        return TrustOkToken.signatureBased(serviceProvider, country, document, first, level(check),
                check.finding(), report, now);
    }

    static TechnicalTrustLevel level(DocumentChecker.Check check) {
        if (check.level() == DocumentChecker.Level.NONE) {
            return TechnicalTrustLevel.FAIL;
        }
        return check.revocationConfirmed() ? TechnicalTrustLevel.SUCCESSFUL : TechnicalTrustLevel.SUFFICIENT;
    }

    private static SignatureData data(SignatureSummary s, DocumentChecker.Check check) {
        TechnicalTrustLevel level = !s.intact() || !s.trusted() || !s.coversDocument() ? TechnicalTrustLevel.FAIL
                : s.revocation() == Revocation.GOOD ? TechnicalTrustLevel.SUCCESSFUL : TechnicalTrustLevel.SUFFICIENT;
        // the problems name a coverage that falls short; permitted later changes are named after the verdict
        String comments = (s.problems().isEmpty() ? "intact, trusted, covers the document, revocation "
                + s.revocation() : String.join("; ", s.problems()))
                + (s.coversDocument() && !s.coverage().isEmpty() ? "; " + String.join("; ", s.coverage()) : "");
        return new SignatureData(s.signingTime(), s.intact(), true, s.format(),
                s.qualification() != null ? s.qualification() : check.level().name(), s.signer(), s.issuer(),
                s.trusted(), s.validAtSigningTime(), level, comments);
    }
}
