package eu.lexbridge.app.cli;

import eu.lexbridge.trust.document.DocumentValidation;
import eu.lexbridge.trust.document.DocumentValidator;
import eu.lexbridge.trust.document.SignatureResult;
import eu.lexbridge.trust.document.UnusableDocumentException;
import eu.lexbridge.trust.keys.KeyStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lexbridge document verify FILE}: the signatures of a business document, checked offline with DSS. */
@Command(name = "document", mixinStandardHelpOptions = true, description = "Signed business document tools.",
        subcommands = DocumentCommand.Verify.class)
public final class DocumentCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Verify the signatures of a signed document (XAdES, CAdES, ASiC; PAdES where supported): "
                    + "each signature's integrity and its signer's trust, reported apart.",
                    "Exit 0: signed, every signature intact and trusted; 1: unsigned, not intact or not trusted; "
                            + "2: unusable input."})
    static final class Verify implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "FILE", description = "The signed document")
        Path file;

        @Option(names = "--trust", paramLabel = "CERT", description = "A trusted certificate (PEM or DER); repeatable")
        List<Path> trust = new ArrayList<>();

        @Override
        public Integer call() {
            List<X509Certificate> anchors = new ArrayList<>();
            try {
                trust.forEach(t -> anchors.add(KeyStores.readCertificate(t)));
                if (!Files.isRegularFile(file)) {
                    System.err.println(file + " is not a readable file");
                    return 2;
                }
            } catch (IllegalArgumentException e) {
                System.err.println("cannot read a trust anchor: " + e.getMessage());
                return 2;
            }
            try {
                DocumentValidation validation = new DocumentValidator(anchors, Clock.systemUTC()).validate(file);
                System.out.println("document     " + file.getFileName() + " (" + validation.format() + ")");
                if (validation.signatures().isEmpty()) {
                    System.out.println("result       NOT SIGNED");
                    return 1;
                }
                boolean allValid = true;
                for (SignatureResult s : validation.signatures()) {
                    System.out.println("signature    " + s.signatureId() + " " + s.format());
                    System.out.println("  signer     " + (s.signerSubject() == null ? "-" : s.signerSubject())
                            + (s.signingTime() == null ? "" : ", signed " + s.signingTime()));
                    System.out.println("  integrity  " + (s.intact() ? "INTACT" : "NOT INTACT"));
                    System.out.println("  trust      " + (s.trusted() ? "TRUSTED" : "NOT TRUSTED"));
                    System.out.println("  DSS        " + s.dssIndication()
                            + (s.dssSubIndication() == null ? "" : "/" + s.dssSubIndication()));
                    s.problems().forEach(p -> System.out.println("  - " + p));
                    allValid &= s.intact() && s.trusted();
                }
                System.out.println("result       " + (allValid ? "VALID" : "NOT VALID"));
                return allValid ? 0 : 1;
            } catch (UnusableDocumentException e) {
                System.err.println(file + " cannot be validated: " + e.getMessage());
                return 2;
            }
        }
    }
}
