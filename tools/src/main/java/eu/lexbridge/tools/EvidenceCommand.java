package eu.lexbridge.tools;

import eu.lexbridge.trust.evidence.EvidenceProblem;
import eu.lexbridge.trust.evidence.EvidenceVerification;
import eu.lexbridge.trust.evidence.EvidenceVerifier;
import eu.lexbridge.trust.evidence.RemEvidenceSchema;
import eu.lexbridge.trust.evidence.SchemaProblem;
import eu.lexbridge.trust.evidence.UnreadableEvidenceException;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.signature.RevocationChecking;
import eu.lexbridge.trust.signature.RevocationSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code lexbridge evidence verify FILE}: checks an ETSI-REM evidence, ours or the official connector's. */
@Command(name = "evidence", mixinStandardHelpOptions = true, description = "ETSI-REM evidence tools.",
        subcommands = EvidenceCommand.Verify.class)
public final class EvidenceCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Verify an evidence's seal: integrity and the signer's trust are reported separately.",
                    "Exit 0: intact and trusted; 1: not intact, not trusted or expired; 2: not a readable evidence."})
    static final class Verify implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "FILE", description = "The evidence XML")
        Path file;

        @Option(names = "--revocation", paramLabel = "MODE", defaultValue = "CRL",
                description = "OFF, CRL (default: the CRL distribution points of the seal's certificates) or "
                        + "OCSP_AND_CRL")
        RevocationChecking revocation;

        @Option(names = "--trust", paramLabel = "CERT", description = "A trusted certificate (PEM or DER): a CA or the "
                + "signer itself; repeatable")
        List<Path> trust = new ArrayList<>();

        @Option(names = "--signer", paramLabel = "CERT",
                description = "Require the seal to be made with this certificate (or its renewal)")
        Path signer;

        @Override
        public Integer call() {
            byte[] document;
            List<X509Certificate> anchors = new ArrayList<>();
            X509Certificate expected;
            try {
                document = Files.readAllBytes(file);
                trust.forEach(t -> anchors.add(KeyStores.readCertificate(t)));
                expected = signer == null ? null : KeyStores.readCertificate(signer);
            } catch (IOException | IllegalArgumentException e) {
                System.err.println("cannot read the input: " + e.getMessage());
                return 2;
            }
            try {
                EvidenceVerification v = new EvidenceVerifier(anchors, RevocationSettings.of(revocation),
                        Clock.systemUTC()).verify(document, expected);
                print(v);
                printSchema(document);
                return v.acceptable() ? 0 : 1;
            } catch (UnreadableEvidenceException e) {
                System.err.println(file + " is not a readable ETSI-REM evidence: " + e.getMessage());
                return 2;
            }
        }

        private void print(EvidenceVerification v) {
            System.out.println("evidence     " + v.type() + " (" + v.evidenceId() + ")");
            System.out.println("about        ebMS id " + orDash(v.remmdMessageIdentifier()) + ", back-end id "
                    + orDash(v.uaMessageIdentifier()));
            System.out.println("signer       " + orDash(v.signerSubject()) + (v.signingTime() == null ? ""
                    : ", signed " + v.signingTime()));
            System.out.println("integrity    " + (v.intact() ? "INTACT: the seal matches the document"
                    : "NOT INTACT: the document or its seal was changed, or it has no seal"));
            System.out.println("trust        " + (v.trusted() ? "TRUSTED" : "NOT TRUSTED")
                    + (v.signerExpired() ? "; the signer's certificate is not valid now" : ""));
            System.out.println("revocation   " + v.revocation());
            for (EvidenceProblem problem : v.problems()) {
                System.out.println("  - " + problem);
            }
            System.out.println("result       " + (v.acceptable() ? "VALID" : "NOT VALID"));
        }

        /**
         * Schema validity is reported, not judged: the official connector's own evidences are not schema-valid
         * (TS 102 640 v2), and it reads them anyway.
         */
        private static void printSchema(byte[] document) {
            List<SchemaProblem> problems = RemEvidenceSchema.instance().validate(document);
            System.out.println("schema       " + (problems.isEmpty() ? "VALID against ETSI TS 102 640 v2"
                    : "NOT VALID against ETSI TS 102 640 v2 (reported only; it does not change the result)"));
            for (SchemaProblem problem : problems) {
                System.out.println("  - " + problem);
            }
        }

        private static String orDash(String value) {
            return value == null ? "-" : value;
        }
    }
}
