package eu.lexbridge.trust.container;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.trust.container.ContainerProblem.Code;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.signature.RevocationChecking;
import eu.lexbridge.trust.signature.RevocationSettings;
import eu.lexbridge.trust.signature.RevocationStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * Container seals checked for revocation against the real CRLs of the generated test PKI ({@code file:}
 * distribution points): a container sealed with the revoked key is not valid and nothing of it is extracted. No mocks.
 */
class EcodexContainerRevocationTest {

    private static final String PARTY = "at-court";

    @TempDir
    static Path shared;

    private static ContainerPki pki;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() {
        pki = ContainerPki.generate(shared, PARTY);
    }

    @Test
    void aContainerSealedWithARevokedCertificateIsNotValidAndNotExtracted() throws Exception {
        byte[] container = sealedBy(pki.revokedKey());

        OpenedContainer opened = reader(pki.ca(), RevocationChecking.CRL)
                .open(new ByteArrayInputStream(container), dir.resolve("out"));

        ContainerVerification verification = opened.verification();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.trusted()).isFalse();
        assertThat(verification.valid()).isFalse();
        assertThat(verification.revocation()).isEqualTo(RevocationStatus.REVOKED);
        assertThat(opened.extracted()).isFalse();
        assertThat(dir.resolve("out")).doesNotExist();
        Instant revokedAt = revocationTime(pki.files().revocationLists().issuingCrl(),
                KeyStores.readCertificate(pki.files().revokedSigner().certificate()));
        assertThat(verification.problems()).filteredOn(p -> p.code() == Code.SIGNER_REVOKED).singleElement()
                .satisfies(p -> assertThat(p.detail()).contains("Revoked Document Signer")
                        .contains("was revoked at " + revokedAt).contains("keyCompromise"));
    }

    @Test
    void aContainerSealedWithAGoodCertificateIsValid() throws IOException {
        OpenedContainer opened = reader(pki.ca(), RevocationChecking.CRL)
                .open(new ByteArrayInputStream(sealedBy(pki.containerKey(PARTY))), dir.resolve("out"));

        assertThat(opened.verification().problems()).isEmpty();
        assertThat(opened.verification().valid()).isTrue();
        assertThat(opened.verification().revocation()).isEqualTo(RevocationStatus.GOOD);
        assertThat(opened.extracted()).isTrue();
    }

    @Test
    void withRevocationOffTheRevokedSealIsNotChecked() {
        byte[] container = sealedBy(pki.revokedKey());

        ContainerVerification off = reader(pki.ca(), RevocationChecking.OFF)
                .verify(new ByteArrayInputStream(container));
        ContainerVerification asBefore = new EcodexContainerReader(List.of(pki.ca()), Clock.systemUTC())
                .verify(new ByteArrayInputStream(container));

        for (ContainerVerification verification : List.of(off, asBefore)) {
            assertThat(verification.valid()).as(verification.problems().toString()).isTrue();
            assertThat(verification.revocation()).isEqualTo(RevocationStatus.NOT_CHECKED);
            assertThat(verification.problems()).isEmpty();
        }
    }

    @Test
    void anUnreachableCrlLeavesTheStatusUnknownAndTheContainerValid(@TempDir Path elsewhere) throws IOException {
        ContainerPki withoutCrls = ContainerPki.generateOwn(elsewhere, PARTY);
        Files.delete(withoutCrls.files().revocationLists().rootCrl());
        Files.delete(withoutCrls.files().revocationLists().issuingCrl());

        ContainerVerification verification = reader(withoutCrls.ca(), RevocationChecking.CRL)
                .verify(new ByteArrayInputStream(sealedBy(withoutCrls.containerKey(PARTY))));

        assertThat(verification.valid()).as(verification.problems().toString()).isTrue();
        assertThat(verification.revocation()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(verification.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(Code.REVOCATION_UNKNOWN);
            assertThat(p.detail()).contains("could not be determined");
        });
    }

    private static EcodexContainerReader reader(X509Certificate anchor, RevocationChecking checking) {
        return new EcodexContainerReader(List.of(anchor),
                RevocationSettings.of(checking).withFetchTimeout(Duration.ofSeconds(2)), Clock.systemUTC());
    }

    private static byte[] sealedBy(SealKey key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new EcodexContainerBuilder(key, Clock.systemUTC()).build(new ContainerContent(
                ContainerPart.ofBytes("mainDocument.pdf", "application/pdf", "%PDF-1.4 small".getBytes()),
                null, List.of()), Payloads.authenticationBased(), out);
        return out.toByteArray();
    }

    private static Instant revocationTime(Path crlFile, X509Certificate certificate) throws Exception {
        try (InputStream in = Files.newInputStream(crlFile)) {
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
            return crl.getRevokedCertificate(certificate).getRevocationDate().toInstant();
        }
    }
}
