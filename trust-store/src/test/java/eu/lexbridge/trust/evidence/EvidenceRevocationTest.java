package eu.lexbridge.trust.evidence;

import static eu.lexbridge.trust.evidence.EvidenceProblem.Code.REVOCATION_UNKNOWN;
import static eu.lexbridge.trust.evidence.EvidenceProblem.Code.SIGNER_REVOKED;
import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.signature.RevocationChecking;
import eu.lexbridge.trust.signature.RevocationSettings;
import eu.lexbridge.trust.signature.RevocationStatus;
import eu.lexbridge.trust.signature.SignatureFinding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Evidence seals checked for revocation against the real CRLs the generated test PKI publishes at {@code file:}
 * distribution points: the revoked key is on the issuing CA's CRL, the party's seal key on none. No mocks.
 */
class EvidenceRevocationTest {

    private static final String PARTY = "at-prosecutor";

    @TempDir
    static Path dir;

    private static SealingPki pki;
    private static List<X509Certificate> anchors;

    @BeforeAll
    static void generate() {
        pki = SealingPki.generate(dir, PARTY);
        anchors = KeyStores.certificates(pki.trustStore());
    }

    @ParameterizedTest
    @EnumSource(value = RevocationChecking.class, names = {"CRL", "OCSP_AND_CRL"})
    void aSealByARevokedCertificateIsRefused(RevocationChecking checking) throws Exception {
        EvidenceVerification result = verifier(anchors, checking).verify(sealedBy(pki.revokedKey()));

        assertThat(result.intact()).isTrue(); // the maths are fine; the key may not seal any more
        assertThat(result.trusted()).isFalse();
        assertThat(result.acceptable()).isFalse();
        assertThat(result.revocation()).isEqualTo(RevocationStatus.REVOKED);
        assertThat(result.has(SIGNER_REVOKED)).isTrue();
        Instant revokedAt = revocationTime(pki.files().revocationLists().issuingCrl(),
                KeyStores.readCertificate(pki.files().revokedSigner().certificate()));
        assertThat(result.problems()).filteredOn(p -> p.code() == SIGNER_REVOKED).singleElement()
                .satisfies(p -> assertThat(p.detail()).contains("Revoked Document Signer")
                        .contains("was revoked at " + revokedAt).contains("keyCompromise"));
    }

    @Test
    void aSealByACertificateOnNoCrlIsGood() {
        EvidenceVerification result = verifier(anchors, RevocationChecking.CRL).verify(sealedBy(pki.sealKey(PARTY)),
                pki.sealCertificate(PARTY));

        assertThat(result.acceptable()).as(result.problems().toString()).isTrue();
        assertThat(result.revocation()).isEqualTo(RevocationStatus.GOOD);
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void withRevocationOffNothingIsCheckedAndTheRevokedSealPasses() {
        byte[] sealed = sealedBy(pki.revokedKey());

        EvidenceVerification off = verifier(anchors, RevocationChecking.OFF).verify(sealed);
        EvidenceVerification asBefore = new EvidenceVerifier(anchors, Clock.systemUTC()).verify(sealed);

        for (EvidenceVerification result : List.of(off, asBefore)) {
            assertThat(result.acceptable()).as(result.problems().toString()).isTrue();
            assertThat(result.revocation()).isEqualTo(RevocationStatus.NOT_CHECKED);
            assertThat(result.problems()).isEmpty();
        }
    }

    @Test
    void anUnreachableCrlLeavesTheStatusUnknownAndTheEvidenceAcceptable(@TempDir Path elsewhere) throws IOException {
        SealingPki withoutCrls = SealingPki.generateOwn(elsewhere, PARTY);
        Files.delete(withoutCrls.files().revocationLists().rootCrl());
        Files.delete(withoutCrls.files().revocationLists().issuingCrl());
        EvidenceVerifier verifier = verifier(KeyStores.certificates(withoutCrls.trustStore()), RevocationChecking.CRL);

        EvidenceVerification result = verifier.verify(sealedBy(withoutCrls.sealKey(PARTY)));

        assertThat(result.acceptable()).as(result.problems().toString()).isTrue();
        assertThat(result.revocation()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(REVOCATION_UNKNOWN);
            assertThat(p.code().aspect()).isEqualTo(SignatureFinding.Aspect.NOTICE);
            assertThat(p.detail()).contains(PARTY + " Evidence Seal").contains("could not be determined");
        });
    }

    @Test
    void anUnsealedEvidenceHasNoRevocationToSpeakOf() {
        EvidenceVerification result = verifier(anchors, RevocationChecking.CRL)
                .verify(Evidences.unsealed(EvidenceType.DELIVERY));

        assertThat(result.acceptable()).isFalse();
        assertThat(result.revocation()).isEqualTo(RevocationStatus.UNKNOWN);
    }

    private static EvidenceVerifier verifier(List<X509Certificate> trustAnchors, RevocationChecking checking) {
        return new EvidenceVerifier(trustAnchors,
                RevocationSettings.of(checking).withFetchTimeout(Duration.ofSeconds(2)), Clock.systemUTC());
    }

    private static byte[] sealedBy(SealKey key) {
        return new EvidenceSealer(key, ReferenceDigest.SHA256, Clock.systemUTC())
                .seal(Evidences.unsealed(EvidenceType.DELIVERY));
    }

    /** The revocation time the CRL file itself states for {@code certificate}. */
    static Instant revocationTime(Path crlFile, X509Certificate certificate) throws IOException,
            GeneralSecurityException {
        try (InputStream in = Files.newInputStream(crlFile)) {
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
            return crl.getRevokedCertificate(certificate).getRevocationDate().toInstant();
        }
    }
}
