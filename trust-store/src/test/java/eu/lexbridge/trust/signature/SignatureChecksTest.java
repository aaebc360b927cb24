package eu.lexbridge.trust.signature;

import static eu.lexbridge.trust.signature.SignatureFinding.Code.REVOCATION_UNKNOWN;
import static eu.lexbridge.trust.signature.SignatureFinding.Code.SIGNATURE_BROKEN;
import static eu.lexbridge.trust.signature.SignatureFinding.Code.SIGNER_EXPIRED;
import static eu.lexbridge.trust.signature.SignatureFinding.Code.SIGNER_KEY_USAGE;
import static eu.lexbridge.trust.signature.SignatureFinding.Code.SIGNER_NOT_VALID_AT_SIGNING_TIME;
import static eu.lexbridge.trust.signature.SignatureFinding.Code.SIGNER_REVOKED;
import static eu.lexbridge.trust.signature.SignatureFinding.Code.SIGNER_UNKNOWN;
import static eu.lexbridge.trust.signature.SignatureFinding.Code.SIGNER_UNTRUSTED;
import static eu.lexbridge.trust.signature.SignatureFinding.Code.SIGNING_TIME_IMPLAUSIBLE;
import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.DigestMatcherType;
import eu.europa.esig.dss.enumerations.KeyUsageBit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checks of the signature-checks block on views made by hand: every case DSS would need a crafted signature and
 * PKI for is one line here. The sentences are the reports' own, pinned so that a check cannot reword one unnoticed.
 */
class SignatureChecksTest {

    private static final Instant NOW = Instant.parse("2030-06-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Instant SIGNED = NOW.minus(Duration.ofDays(10));

    private static final SignerRevocation NOT_CHECKED = SignerRevocation.notLookedUp(RevocationChecking.OFF);
    private static final SignerRevocation UNKNOWN = SignerRevocation.notLookedUp(RevocationChecking.CRL);
    private static final SignerRevocation GOOD = new SignerRevocation(RevocationStatus.GOOD, null, null);

    private static final SignatureView.Reference WHOLE = new SignatureView.Reference(DigestMatcherType.REFERENCE,
            "r-id-1", "", DigestAlgorithm.SHA256, true, true);

    @Test
    void theReferenceWalkReportsMissingAndChangedDataInEachReportsWords() {
        SignatureView view = signed(List.of(WHOLE,
                new SignatureView.Reference(DigestMatcherType.REFERENCE, null, "a.pdf", DigestAlgorithm.SHA1, false,
                        false),
                new SignatureView.Reference(DigestMatcherType.SIGNED_PROPERTIES, "xades-1", "#xades-1",
                        DigestAlgorithm.SHA256, true, false)), true);

        assertThat(ReferencesIntact.NAMED_AS_REFERENCES.check(view)).containsExactly(
                new SignatureFinding(SIGNATURE_BROKEN, "the data of reference REFERENCE 'a.pdf' is not found"),
                new SignatureFinding(SIGNATURE_BROKEN, "the digest of reference SIGNED_PROPERTIES 'xades-1' does not "
                        + "match: the signed content was changed"));
        assertThat(ReferencesIntact.NAMED_AS_REFERENCES_WITH_ALGORITHM.check(view)).extracting(
                SignatureFinding::sentence).startsWith("the data of reference REFERENCE 'a.pdf' is not found (or its "
                + "digest algorithm SHA1 is not supported)");
        assertThat(ReferencesIntact.NAMED_BY_TYPE_WITH_ALGORITHM.check(view)).extracting(SignatureFinding::sentence)
                .containsExactly("the data of REFERENCE 'a.pdf' is not found (or its digest algorithm SHA1 is not "
                        + "supported)", "the digest of SIGNED_PROPERTIES 'xades-1' does not match: the signed content "
                        + "was changed");
        assertThat(ReferencesIntact.NAMED_AS_REFERENCES.check(signed(List.of(WHOLE), true))).isEmpty();
    }

    @Test
    void theVerdictsFollowFromTheAspectsOfTheFindings() {
        SignatureChecks block = SignatureChecks.of(ReferencesIntact.NAMED_AS_REFERENCES, new SignatureValueIntact(),
                SignerIdentified.IN_THE_SIGNATURE, new ChainToTrustAnchor(), new SignerValidNow(CLOCK, false));

        SignatureFindings clean = block.run(signed(List.of(WHOLE), true));
        assertThat(clean.all()).isEmpty();
        assertThat(clean.intact()).isTrue();
        assertThat(clean.signerTrusted()).isTrue();

        SignatureFindings brokenValue = block.run(signed(List.of(WHOLE), false));
        assertThat(brokenValue.all()).containsExactly(new SignatureFinding(SIGNATURE_BROKEN,
                "the signature value does not verify"));
        assertThat(brokenValue.intact()).isFalse();
        assertThat(brokenValue.signerTrusted()).as("integrity is a verdict of its own").isTrue();

        SignatureView.Certificate expired = certificate("CN=Old Seal", NOW.minus(Duration.ofDays(400)),
                NOW.minus(Duration.ofDays(1)), NOT_CHECKED);
        SignatureFindings notice = block.run(view(SIGNED, List.of(WHOLE), true, expired, List.of(expired, root()),
                1));
        assertThat(notice.all()).extracting(SignatureFinding::code).containsExactly(SIGNER_EXPIRED);
        assertThat(notice.intact()).isTrue();
        assertThat(notice.signerTrusted()).as("a notice withdraws no verdict").isTrue();
    }

    @Test
    void withoutASignerOnlyItsAbsenceIsSaidOnce() {
        SignatureView unsigned = view(SIGNED, List.of(WHOLE), true, null, List.of(), -1);
        SignatureFindings findings = SignatureChecks.of(SignerIdentified.IN_OR_BESIDE_THE_SIGNATURE,
                new ChainToTrustAnchor(), new ClaimedSigningTime(CLOCK), ValidAtSigningTime.PATH_OR_SIGNER,
                SignerNotRevoked.UNKNOWN_SAID_WHEN_OTHERWISE_TRUSTED, new IssuersNotRevoked(),
                new SignerValidNow(CLOCK, true), new KeyUsageAllowsSigning()).run(unsigned);

        assertThat(findings.all()).containsExactly(new SignatureFinding(SIGNER_UNKNOWN,
                "no certificate in or beside the signature is identified as its signing certificate"));
        assertThat(unsigned.signerRevocation()).isEqualTo(NOT_CHECKED);
    }

    @Test
    void aSealClaimsASigningTimeNoLaterThanTheClockSkewAllows() {
        ClaimedSigningTime check = new ClaimedSigningTime(CLOCK);
        SignatureView.Certificate signer = certificate("CN=Seal", NOW.minus(Duration.ofDays(30)),
                NOW.plus(Duration.ofDays(30)), NOT_CHECKED);

        assertThat(check.check(view(null, List.of(WHOLE), true, signer, List.of(signer, root()), 1)))
                .containsExactly(new SignatureFinding(SIGNING_TIME_IMPLAUSIBLE, "the signature claims no signing "
                        + "time"));
        Instant withinSkew = NOW.plus(ClaimedSigningTime.SKEW).minusSeconds(1);
        assertThat(check.check(view(withinSkew, List.of(WHOLE), true, signer, List.of(signer, root()), 1)))
                .isEmpty();
        Instant beyondSkew = NOW.plus(ClaimedSigningTime.SKEW).plusSeconds(1);
        assertThat(check.check(view(beyondSkew, List.of(WHOLE), true, signer, List.of(signer, root()), 1)))
                .containsExactly(new SignatureFinding(SIGNING_TIME_IMPLAUSIBLE,
                        "the signature claims a signing time in the future: " + beyondSkew));
    }

    @Test
    void validityAtTheSigningTimeIsJudgedOverThePathOrTheLoneSigner() {
        Instant from = SIGNED.plus(Duration.ofDays(1));
        Instant to = NOW.plus(Duration.ofDays(300));
        SignatureView.Certificate notYetValid = certificate("CN=Early Seal", from, to, NOT_CHECKED);
        SignatureView unanchored = view(SIGNED, List.of(WHOLE), true, notYetValid, List.of(notYetValid), -1);
        SignatureView anchored = view(SIGNED, List.of(WHOLE), true, notYetValid, List.of(notYetValid, root()), 1);

        assertThat(ValidAtSigningTime.PATH_OR_SIGNER_NAMING_VALIDITY.check(unanchored)).containsExactly(
                new SignatureFinding(SIGNER_NOT_VALID_AT_SIGNING_TIME, "the certificate of CN=Early Seal (valid "
                        + from + " to " + to + ") was not valid at the signing time " + SIGNED));
        assertThat(ValidAtSigningTime.PATH_OR_SIGNER.check(unanchored)).containsExactly(
                new SignatureFinding(SIGNER_NOT_VALID_AT_SIGNING_TIME, "the certificate of CN=Early Seal was not "
                        + "valid at the signing time " + SIGNED));
        assertThat(ValidAtSigningTime.ANCHORED_PATH.check(unanchored)).as("an untrusted signer is that alone")
                .isEmpty();
        assertThat(ValidAtSigningTime.ANCHORED_PATH.check(anchored)).hasSize(1);
        assertThat(new ChainToTrustAnchor().check(unanchored)).containsExactly(new SignatureFinding(
                SIGNER_UNTRUSTED, "the certificate of CN=Early Seal does not chain to a trust anchor"));
    }

    @Test
    void anUnknownStatusIsSaidOnlyWhereItWasLookedFor() {
        SignatureView.Certificate anchorItself = certificate("CN=Anchored Seal", NOW.minus(Duration.ofDays(30)),
                NOW.plus(Duration.ofDays(30)), UNKNOWN);
        SignatureView signerIsAnchor = view(SIGNED, List.of(WHOLE), true, anchorItself, List.of(anchorItself), 0);

        assertThat(SignerNotRevoked.UNKNOWN_SAID_BELOW_AN_ANCHOR.check(signerIsAnchor))
                .as("an anchor's own status is never looked up").isEmpty();
        assertThat(SignerNotRevoked.UNKNOWN_SAID_WHEN_OTHERWISE_TRUSTED.check(signerIsAnchor))
                .extracting(SignatureFinding::code).containsExactly(REVOCATION_UNKNOWN);

        SignatureView.Certificate below = certificate("CN=Seal", NOW.minus(Duration.ofDays(30)),
                NOW.plus(Duration.ofDays(30)), UNKNOWN);
        assertThat(SignerNotRevoked.UNKNOWN_SAID_BELOW_AN_ANCHOR.check(view(SIGNED, List.of(WHOLE), true, below,
                List.of(below, root()), 1))).containsExactly(new SignatureFinding(REVOCATION_UNKNOWN,
                "the revocation status of the certificate of CN=Seal could not be determined: no CRL or OCSP "
                        + "response was reachable at the addresses it names"));
    }

    @Test
    void aRevokedSignerOrCaBelowTheAnchorWithdrawsTrustAndTheAnchorIsTrustedAsConfigured() {
        Instant revokedAt = SIGNED.plus(Duration.ofDays(2));
        SignerRevocation revoked = new SignerRevocation(RevocationStatus.REVOKED, revokedAt, "keyCompromise");
        SignatureView.Certificate signer = certificate("CN=Seal", NOW.minus(Duration.ofDays(30)),
                NOW.plus(Duration.ofDays(30)), revoked);
        SignatureView.Certificate ca = certificate("CN=Issuing CA", NOW.minus(Duration.ofDays(300)),
                NOW.plus(Duration.ofDays(300)), revoked);
        SignatureView.Certificate revokedAnchor = certificate("CN=Root", NOW.minus(Duration.ofDays(900)),
                NOW.plus(Duration.ofDays(900)), revoked);
        SignatureView view = view(SIGNED, List.of(WHOLE), true, signer, List.of(signer, ca, revokedAnchor), 2);

        String signerRevoked = "the certificate of CN=Seal was revoked at " + revokedAt + " (keyCompromise); the "
                + "claimed signing time " + SIGNED + " is earlier, but no time-stamp proves it";
        assertThat(SignerNotRevoked.UNKNOWN_SAID_BELOW_AN_ANCHOR.check(view)).containsExactly(
                new SignatureFinding(SIGNER_REVOKED, signerRevoked));
        assertThat(new IssuersNotRevoked().check(view)).extracting(SignatureFinding::sentence)
                .singleElement().asString().startsWith("the certificate of CN=Issuing CA was revoked at");
        SignatureFindings findings = SignatureChecks.of(SignerNotRevoked.UNKNOWN_SAID_BELOW_AN_ANCHOR,
                new IssuersNotRevoked()).run(view);
        assertThat(findings.signerTrusted()).isFalse();
        assertThat(findings.intact()).isTrue();
    }

    @Test
    void aSignerExpiredNowIsANoticeThatMaySayItWasValidWhenSigned() {
        Instant from = SIGNED.minus(Duration.ofDays(100));
        Instant to = NOW.minus(Duration.ofDays(1));
        SignatureView.Certificate expired = certificate("CN=Old Seal", from, to, GOOD);
        SignatureView view = view(SIGNED, List.of(WHOLE), true, expired, List.of(expired, root()), 1);

        String base = "the certificate of CN=Old Seal is not valid now (valid " + from + " to " + to + ")";
        assertThat(new SignerValidNow(CLOCK, false).check(view)).containsExactly(
                new SignatureFinding(SIGNER_EXPIRED, base));
        assertThat(new SignerValidNow(CLOCK, true).check(view)).containsExactly(
                new SignatureFinding(SIGNER_EXPIRED, base + "; it was valid at the claimed signing time " + SIGNED
                        + ", which no time-stamp proves"));
    }

    @Test
    void aCertificateRestrictedToCertificateSigningMayNotSeal() {
        SignatureView.Certificate caKey = new SignatureView.Certificate("C-1", "CN=CA as Seal", "CN=Root",
                NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(30)),
                List.of(KeyUsageBit.KEY_CERT_SIGN, KeyUsageBit.CRL_SIGN), NOT_CHECKED);
        assertThat(new KeyUsageAllowsSigning().check(view(SIGNED, List.of(WHOLE), true, caKey,
                List.of(caKey, root()), 1))).containsExactly(new SignatureFinding(SIGNER_KEY_USAGE,
                "the certificate of CN=CA as Seal does not allow signing: [KEY_CERT_SIGN, CRL_SIGN]"));
        SignatureView.Certificate unrestricted = certificate("CN=Seal", NOW.minus(Duration.ofDays(30)),
                NOW.plus(Duration.ofDays(30)), NOT_CHECKED);
        assertThat(new KeyUsageAllowsSigning().check(view(SIGNED, List.of(WHOLE), true, unrestricted,
                List.of(unrestricted, root()), 1))).isEmpty();
    }

    private static SignatureView signed(List<SignatureView.Reference> references, boolean valueIntact) {
        SignatureView.Certificate signer = certificate("CN=Seal", NOW.minus(Duration.ofDays(30)),
                NOW.plus(Duration.ofDays(30)), NOT_CHECKED);
        return view(SIGNED, references, valueIntact, signer, List.of(signer, root()), 1);
    }

    private static SignatureView view(Instant signedAt, List<SignatureView.Reference> references,
                                      boolean valueIntact, SignatureView.Certificate signer,
                                      List<SignatureView.Certificate> chain, int anchor) {
        return new SignatureView("S-1", "XAdES_BASELINE_B", signedAt, references, valueIntact,
                DigestAlgorithm.SHA256, null, signer, chain, anchor, RevocationChecking.OFF, null, null, null);
    }

    private static SignatureView.Certificate certificate(String subject, Instant from, Instant to,
                                                         SignerRevocation revocation) {
        return new SignatureView.Certificate("C-" + subject.hashCode(), subject, "CN=Root", from, to, List.of(),
                revocation);
    }

    private static SignatureView.Certificate root() {
        return certificate("CN=Root", NOW.minus(Duration.ofDays(3650)), NOW.plus(Duration.ofDays(3650)),
                NOT_CHECKED);
    }
}
