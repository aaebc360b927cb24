package eu.lexbridge.trust.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.pki.TestPki;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evidence seals made by a key on a real PKCS#11 token: SoftHSM2 from Debian's packages, on a token this test
 * initialises in a directory of its own. The private key is imported once and never leaves the token again: the
 * signature is computed by SoftHSM through SunPKCS11.
 *
 * <p>SoftHSM2 finds its configuration through the environment variable {@code SOFTHSM2_CONF}, which surefire sets
 * (trust-store/pom.xml) to {@code target/softhsm2/softhsm2.conf}; this test writes that file and the token directory
 * before it loads the library. Skipped, saying why, when SoftHSM2 is not installed or the variable is not set.
 */
class Pkcs11SealingTest {

    private static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    private static final String TOKEN_LABEL = "lexbridge-test";
    /** A second token nobody logs in to: PKCS#11 login is per process, so only it can show a wrong PIN refused. */
    private static final String UNUSED_TOKEN_LABEL = "lexbridge-unused";
    private static final String PIN = "4711-user-Pin";
    private static final String SO_PIN = "0815-so-Pin";
    private static final Pattern REASSIGNED = Pattern.compile("reassigned to slot (\\d+)");

    @TempDir
    static Path pkiDir;

    private static SealingPki pki;
    private static String slot;
    private static String unusedSlot;
    /** The position of the seal token in the library's slot list, as softhsm2-util lists it. */
    private static int slotIndex;

    /** Why the tests cannot run here; null when SoftHSM2 is usable. */
    private static String skipReason;

    @BeforeAll
    static void initialiseTokenAndImportTheSealKey() throws Exception {
        // Checked per test (below) rather than aborting here: surefire reports an aborted class as no tests at all.
        String conf = System.getenv("SOFTHSM2_CONF");
        Path util = Stream.of("/usr/bin/softhsm2-util", "/usr/local/bin/softhsm2-util").map(Path::of)
                .filter(Files::isExecutable).findFirst().orElse(null);
        if (!Files.exists(LIBRARY)) {
            skipReason = "SoftHSM2 is not installed (" + LIBRARY + " is absent; apt-get install softhsm2):"
                    + " the PKCS#11 seal test is skipped";
        } else if (conf == null || conf.isBlank()) {
            skipReason = "SOFTHSM2_CONF is not set, so SoftHSM2 would use the machine's token directory: run the"
                    + " test through Maven (surefire sets it); the PKCS#11 seal test is skipped";
        } else if (util == null) {
            skipReason = "softhsm2-util is not installed: the PKCS#11 seal test is skipped";
        }
        if (skipReason != null) {
            return;
        }

        Path tokens = freshTokenDirectory(Path.of(conf));
        slot = initialiseToken(Path.of(conf), util, TOKEN_LABEL);
        unusedSlot = initialiseToken(Path.of(conf), util, UNUSED_TOKEN_LABEL);
        assertThat(tokens).isDirectoryContaining(Files::isDirectory);
        List<String> slots = new ArrayList<>();
        Matcher listed = Pattern.compile("(?m)^Slot (\\d+)").matcher(run(Path.of(conf), util, "--show-slots"));
        while (listed.find()) {
            slots.add(listed.group(1));
        }
        slotIndex = slots.indexOf(slot);
        assertThat(slotIndex).as("slot " + slot + " in " + slots).isNotNegative();
        pki = SealingPki.generate(pkiDir, "at-prosecutor");

        // Import the evidence-seal key through the PKCS#11 key store itself; from here on it lives on the token.
        KeyStore file = KeyStores.loadPkcs12(pki.files().parties().get("at-prosecutor").sealKeyStore(),
                SealingPki.PASSWORD);
        KeyStore token = KeyStores.loadPkcs11(LIBRARY, slot, PIN.toCharArray());
        token.setKeyEntry(TestPki.SEAL_ALIAS, file.getKey(TestPki.SEAL_ALIAS, SealingPki.PASSWORD),
                PIN.toCharArray(), file.getCertificateChain(TestPki.SEAL_ALIAS));
    }

    @BeforeEach
    void requireSoftHsm() {
        Assumptions.assumeTrue(skipReason == null, skipReason);
    }

    /** Writes the SoftHSM2 configuration with an empty token directory beside it. */
    private static Path freshTokenDirectory(Path conf) throws IOException {
        Path tokens = conf.toAbsolutePath().getParent().resolve("tokens");
        if (Files.exists(tokens)) {
            try (Stream<Path> old = Files.walk(tokens)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(tokens);
        Files.writeString(conf, "directories.tokendir = " + tokens.toAbsolutePath() + "\n"
                + "objectstore.backend = file\n"
                + "log.level = ERROR\n"
                + "slots.removable = false\n", StandardCharsets.UTF_8);
        return tokens;
    }

    /** Initialises a token in the first free slot; returns the slot SoftHSM gave it. */
    private static String initialiseToken(Path conf, Path util, String label) throws IOException, InterruptedException {
        String output = run(conf, util, "--init-token", "--free", "--label", label, "--pin", PIN, "--so-pin", SO_PIN);
        Matcher matcher = REASSIGNED.matcher(output);
        assertThat(matcher.find()).as("slot in: " + output).isTrue();
        return matcher.group(1);
    }

    /** Runs softhsm2-util on the test's own configuration; returns its output. */
    private static String run(Path conf, Path util, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(util.toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SOFTHSM2_CONF", conf.toAbsolutePath().toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("softhsm2-util finished").isTrue();
        assertThat(process.exitValue()).as("softhsm2-util " + arguments[0] + ": " + output).isZero();
        return output;
    }

    @Test
    void sealsAnEvidenceWithTheTokenKeyAndTheSealVerifies() throws Exception {
        KeyStore token = KeyStores.loadPkcs11(LIBRARY, slot, PIN.toCharArray());
        assertThat(token.getType()).isEqualTo("PKCS11");
        assertThat(token.getProvider().getName()).startsWith("SunPKCS11");
        assertThat(token.isKeyEntry(TestPki.SEAL_ALIAS)).isTrue();

        // The key on the token is a handle: sensitive, not extractable.
        PrivateKey onToken = (PrivateKey) token.getKey(TestPki.SEAL_ALIAS, PIN.toCharArray());
        assertThat(onToken.getEncoded()).as("encoded private key").isNull();
        assertThat(onToken).isNotInstanceOf(RSAPrivateCrtKey.class);
        if (onToken instanceof RSAPrivateKey rsa) {
            assertThatThrownBy(rsa::getPrivateExponent).isNotNull();
        }

        SealKey key = SealKey.fromKeyStore(token, TestPki.SEAL_ALIAS, PIN.toCharArray());
        assertThat(key.certificate()).isEqualTo(pki.sealCertificate("at-prosecutor"));
        assertThat(key.algorithm()).isEqualTo("RSA");
        assertThat(key.chain()).hasSize(2);

        EvidenceSealer sealer = new EvidenceSealer(key, ReferenceDigest.SHA1, Clock.systemUTC());
        EvidenceVerifier verifier = EvidenceVerifier.trusting(pki.trustStore(), Clock.systemUTC());
        for (EvidenceType type : List.of(EvidenceType.SUBMISSION_ACCEPTANCE, EvidenceType.NON_DELIVERY)) {
            byte[] sealed = sealer.seal(Evidences.unsealed(type));
            EvidenceVerification result = verifier.verify(sealed, pki.sealCertificate("at-prosecutor"));
            assertThat(result.intact()).as(result.problems().toString()).isTrue();
            assertThat(result.trusted()).as(result.problems().toString()).isTrue();
            assertThat(result.acceptable()).isTrue();
            assertThat(result.type()).isEqualTo(type);

            byte[] tampered = Evidences.text(sealed).replace("5b2a3c1e", "5b2a3c1f").getBytes(StandardCharsets.UTF_8);
            assertThat(verifier.verify(tampered, pki.sealCertificate("at-prosecutor")).acceptable()).isFalse();
        }
    }

    @Test
    void theTokenIsFoundByItsPositionInTheSlotListToo() {
        KeyStore token = KeyStores.loadPkcs11(LIBRARY, "index:" + slotIndex, PIN.toCharArray());
        SealKey key = SealKey.fromKeyStore(token, TestPki.SEAL_ALIAS, PIN.toCharArray());
        assertThat(key.certificate()).isEqualTo(pki.sealCertificate("at-prosecutor"));
        byte[] sealed = new EvidenceSealer(key, ReferenceDigest.SHA1, Clock.systemUTC())
                .seal(Evidences.unsealed(EvidenceType.DELIVERY));
        assertThat(EvidenceVerifier.trusting(pki.trustStore(), Clock.systemUTC())
                .verify(sealed, pki.sealCertificate("at-prosecutor")).acceptable()).isTrue();
    }

    @Test
    void importedKeysComeBackWithTheirChain() throws Exception {
        KeyStore token = KeyStores.loadPkcs11(LIBRARY, slot, PIN.toCharArray());
        Certificate[] chain = token.getCertificateChain(TestPki.SEAL_ALIAS);
        assertThat(chain).isNotNull();
        assertThat(chain[0]).isEqualTo(pki.sealCertificate("at-prosecutor"));
    }

    @Test
    void aWrongPinIsNamedWithoutShowingAnyPin() {
        String wrong = "9999-wrong-Pin";
        assertThatThrownBy(() -> KeyStores.loadPkcs11(LIBRARY, unusedSlot, wrong.toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(LIBRARY.toString())
                .hasMessageContaining("slot '" + unusedSlot + "'")
                .hasMessageContaining("PIN is wrong")
                .satisfies(e -> assertThat(fullText(e)).doesNotContain(wrong).doesNotContain(PIN));
    }

    @Test
    void aSlotWithoutATokenIsNamed() {
        assertThatThrownBy(() -> KeyStores.loadPkcs11(LIBRARY, "index:7", PIN.toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(LIBRARY.toString())
                .hasMessageContaining("slot 'index:7'")
                .satisfies(e -> assertThat(fullText(e)).doesNotContain(PIN));
        assertThatThrownBy(() -> KeyStores.loadPkcs11(LIBRARY, "424242", PIN.toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(LIBRARY.toString())
                .hasMessageContaining("slot '424242'")
                .satisfies(e -> assertThat(fullText(e)).doesNotContain(PIN));
    }

    static String fullText(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t).append('\n');
            for (Throwable suppressed : t.getSuppressed()) {
                text.append(suppressed).append('\n');
            }
        }
        return text.toString();
    }
}
