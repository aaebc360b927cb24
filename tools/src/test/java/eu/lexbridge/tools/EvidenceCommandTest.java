package eu.lexbridge.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.message.BusinessService;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.trust.evidence.EvidenceSealer;
import eu.lexbridge.trust.evidence.ReferenceDigest;
import eu.lexbridge.trust.evidence.RemEvidenceFactory;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.SharedTestPki;
import eu.lexbridge.trust.pki.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `lexbridge evidence verify`: what it prints and its exit codes, on our evidences and the official connector's. */
class EvidenceCommandTest {

    private static final char[] PASSWORD = "test-only".toCharArray();

    @TempDir
    static Path dir;

    static GeneratedPki pki;
    static Path sealed;
    static Path sealedByRevokedKey;

    @BeforeAll
    static void sealOne() throws Exception {
        pki = SharedTestPki.copyTo(dir.resolve("pki"), List.of("de-court"), PASSWORD);
        var sealer = new EvidenceSealer(SealKey.fromKeyStore(KeyStores.loadPkcs12(
                pki.parties().get("de-court").sealKeyStore(), PASSWORD), TestPki.SEAL_ALIAS, PASSWORD),
                ReferenceDigest.SHA1, Clock.systemUTC());
        Party at = new Party("at-prosecutor", "urn:oasis:names:tc:ebcore:partyid-type:unregistered", "GW");
        Party de = new Party("de-court", "urn:oasis:names:tc:ebcore:partyid-type:unregistered", "GW");
        var message = ConnectorMessage.builder().direction(Direction.INBOUND).ebmsMessageId("m-1@at.test")
                .conversationId("c").service(new BusinessService("EEvidence", "")).action("EPOC").from(at).to(de)
                .originalSender("AT/x").finalRecipient("DE/y").createdAt(Instant.now()).build();
        byte[] document = new RemEvidenceFactory("de-court", "de-court", ZoneOffset.UTC)
                .create(EvidenceType.DELIVERY, UUID.randomUUID(), message, Instant.now(), null);
        sealed = dir.resolve("delivery.xml");
        Files.write(sealed, sealer.seal(document));
        var revoked = new EvidenceSealer(SealKey.fromKeyStore(KeyStores.loadPkcs12(pki.revokedSigner().keyStore(),
                PASSWORD), pki.revokedSigner().alias(), PASSWORD), ReferenceDigest.SHA1, Clock.systemUTC());
        sealedByRevokedKey = dir.resolve("delivery-revoked.xml");
        Files.write(sealedByRevokedKey, revoked.seal(document));
    }

    @Test
    void aSealByARevokedCertificateIsNotValid() {
        var run = CliRun.of("evidence", "verify", sealedByRevokedKey.toString(), "--trust",
                pki.caCertificate().toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("integrity    INTACT").contains("revocation   REVOKED")
                .contains("was revoked at").contains("result       NOT VALID");
        var unchecked = CliRun.of("evidence", "verify", sealedByRevokedKey.toString(), "--trust",
                pki.caCertificate().toString(), "--revocation", "OFF");
        assertThat(unchecked.exit()).isZero();
        assertThat(unchecked.out()).contains("revocation   NOT_CHECKED");
    }

    @Test
    void anIntactEvidenceFromATrustedSignerIsValid() {
        var run = CliRun.of("evidence", "verify", sealed.toString(), "--trust", pki.caCertificate().toString(),
                "--signer", pki.parties().get("de-court").sealCertificate().toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("DELIVERY").contains("integrity    INTACT").contains("trust        TRUSTED")
                .contains("m-1@at.test").contains("result       VALID")
                .contains("schema       VALID against ETSI TS 102 640 v2");
    }

    @Test
    void withoutATrustAnchorItIsIntactButNotTrusted() {
        var run = CliRun.of("evidence", "verify", sealed.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("integrity    INTACT").contains("NOT TRUSTED").contains("NOT VALID");
    }

    @Test
    void aChangedEvidenceIsNotIntact() throws Exception {
        Path tampered = dir.resolve("tampered.xml");
        Files.writeString(tampered, Files.readString(sealed).replace("m-1@at.test", "m-2@at.test"));
        var run = CliRun.of("evidence", "verify", tampered.toString(), "--trust", pki.caCertificate().toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("NOT INTACT");
    }

    @Test
    void somethingThatIsNotAnEvidenceIsUnusableInput() throws Exception {
        Path xxe = dir.resolve("xxe.xml");
        Files.writeString(xxe, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");
        assertThat(CliRun.of("evidence", "verify", xxe.toString()).exit()).isEqualTo(2);
        assertThat(CliRun.of("evidence", "verify", dir.resolve("missing.xml").toString()).exit()).isEqualTo(2);
    }

    @Test
    void readsTheOfficialConnectorsEvidence() {
        Path official = interop().resolve("official-connector-msg1").resolve("SUBMISSION_ACCEPTANCE.xml");
        assumeTrue(Files.exists(official), "shared/interop is not beside this checkout; interop vector skipped");
        var run = CliRun.of("evidence", "verify", official.toString());
        // As stored, the file was re-indented after it was signed: its seal no longer matches.
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("SUBMISSION_ACCEPTANCE").contains("NOT INTACT").contains("NOT TRUSTED")
                .contains("schema       NOT VALID against ETSI TS 102 640 v2").contains("MessageSubject");
    }

    private static Path interop() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            if (Files.isDirectory(p.resolve("shared").resolve("interop"))) {
                return p.resolve("shared").resolve("interop");
            }
            p = p.getParent();
        }
        return Path.of("shared", "interop");
    }
}
