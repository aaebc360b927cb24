package eu.lexbridge.tools;

import eu.lexbridge.trust.document.DocumentValidation;
import eu.lexbridge.trust.document.DocumentValidator;
import eu.lexbridge.trust.document.SignatureResult;
import eu.lexbridge.trust.document.UnusableDocumentException;
import eu.lexbridge.trust.document.ValidationSources;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.lists.TrustedListsLoader;
import eu.lexbridge.trust.lists.TrustedListsSummary;
import eu.lexbridge.trust.signature.RevocationChecking;
import eu.lexbridge.trust.signature.RevocationStatus;
import java.io.IOException;
import java.io.InputStream;
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

/**
 * {@code lexbridge document verify FILE}: the signatures of a business document, checked with DSS;
 * {@code lexbridge document sign FILE}: a document sealed with a party's qualified seal of the test PKI.
 */
@Command(name = "document", mixinStandardHelpOptions = true, description = "Signed business document tools.",
        subcommands = {DocumentCommand.Verify.class, DocumentSignCommand.class})
public final class DocumentCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Verify the signatures of a signed document (PAdES, XAdES, CAdES, ASiC-S/ASiC-E with XAdES "
                    + "or CAdES, detached XAdES/CAdES): each signature's integrity, its signer's trust, revocation and "
                    + "qualification, reported apart.",
                    "Each signature's coverage is reported too: a PDF revision after the signed one that changes what "
                            + "is shown, or an XML signature over part of its document, makes it NOT VALID; permitted "
                            + "later changes (another signature, a timestamp, an allowed form fill) are named.",
                    "Exit 0: signed, every signature intact, covering the document, trusted and not revoked; 1: "
                            + "unsigned, not intact, partly covered, not trusted or revoked; 2: unusable input, or a "
                            + "document beyond the validation limits (size, zip inflation, nesting, time)."})
    static final class Verify implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "FILE", description = "The signed document, or a detached signature")
        Path file;

        @Option(names = "--trust", paramLabel = "CERT_OR_TL", description = "A trust anchor: a certificate (PEM or "
                + "DER), or a list of trusted lists (ETSI TS 119 612 XML, file or URL) whose signer is given with "
                + "--list-signer; with a list, qualified status is decided. Repeatable")
        List<String> trust = new ArrayList<>();

        @Option(names = "--list-signer", paramLabel = "CERT",
                description = "A certificate allowed to sign the list of trusted lists given with --trust; repeatable")
        List<Path> listSigners = new ArrayList<>();

        @Option(names = "--detached", paramLabel = "FILE",
                description = "A file the detached signature FILE signs; repeatable")
        List<Path> detached = new ArrayList<>();

        @Option(names = "--revocation", paramLabel = "MODE", defaultValue = "CRL",
                description = "OFF, CRL (default: the CRL distribution points of the certificates) or OCSP_AND_CRL")
        RevocationChecking revocation;

        @Override
        public Integer call() {
            List<X509Certificate> anchors = new ArrayList<>();
            TrustedListsLoader lists = null;
            try {
                for (String t : trust) {
                    if (isList(t)) {
                        if (lists != null) {
                            System.err.println("only one list of trusted lists can be given");
                            return 2;
                        }
                        lists = lists(t);
                    } else {
                        anchors.add(KeyStores.readCertificate(Path.of(t)));
                    }
                }
                for (Path p : detached) {
                    if (!Files.isRegularFile(p)) {
                        System.err.println(p + " is not a readable file");
                        return 2;
                    }
                }
                if (!Files.isRegularFile(file)) {
                    System.err.println(file + " is not a readable file");
                    return 2;
                }
            } catch (IllegalArgumentException e) {
                System.err.println("cannot read a trust anchor: " + e.getMessage());
                return 2;
            }
            ValidationSources sources = ValidationSources.offline(anchors).withRevocation(revocation);
            if (lists != null) {
                TrustedListsSummary summary = lists.refresh();
                printLists(summary);
                if (!summary.accepted()) {
                    return 2;
                }
                sources = sources.withTrustedLists(lists.certificateSource());
            }
            try {
                DocumentValidator validator = new DocumentValidator(sources, Clock.systemUTC());
                DocumentValidation validation = detached.isEmpty() ? validator.validate(file)
                        : validator.validate(file, detached);
                return print(validation);
            } catch (UnusableDocumentException e) {
                System.err.println(file + " cannot be validated: " + e.getMessage());
                return 2;
            }
        }

        private int print(DocumentValidation validation) {
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
                System.out.println("  coverage   "
                        + (s.coverage().whole() ? "WHOLE DOCUMENT" : "NOT THE WHOLE DOCUMENT"));
                s.coverage().findings().forEach(f -> System.out.println("    " + f));
                System.out.println("  trust      " + (s.trusted() ? "TRUSTED" : "NOT TRUSTED"));
                System.out.println("  revocation " + s.revocation()
                        + (s.revokedAt() == null ? "" : " at " + s.revokedAt()));
                System.out.println("  qualified  " + (s.qualified() ? "QUALIFIED" : "NOT QUALIFIED")
                        + (s.qualification() == null ? "" : " (" + s.qualification() + ")")
                        + (trustsAList() ? "" : ", no trusted list given"));
                System.out.println("  DSS        " + s.dssIndication()
                        + (s.dssSubIndication() == null ? "" : "/" + s.dssSubIndication()));
                s.problems().stream().filter(p -> !s.coverage().findings().contains(p))
                        .forEach(p -> System.out.println("  - " + p));
                allValid &= s.intact() && s.trusted() && s.revocation() != RevocationStatus.REVOKED
                        && s.coverage().whole();
            }
            System.out.println("result       " + (allValid ? "VALID" : "NOT VALID"));
            return allValid ? 0 : 1;
        }

        private boolean trustsAList() {
            return trust.stream().anyMatch(Verify::isList);
        }

        private TrustedListsLoader lists(String location) {
            if (listSigners.isEmpty()) {
                throw new IllegalArgumentException("the list of trusted lists " + location + " needs --list-signer "
                        + "CERT: a list is trusted only when signed by a certificate announced for it");
            }
            List<X509Certificate> signers = listSigners.stream().map(KeyStores::readCertificate).toList();
            java.net.URI uri = location.matches("(?i)(https?|file):.*") ? java.net.URI.create(location)
                    : Path.of(location).toAbsolutePath().toUri();
            return TrustedListsLoader.create(uri, signers, null);
        }

        private static void printLists(TrustedListsSummary summary) {
            System.out.println("lists        " + summary.lotlLocation() + ": " + (summary.accepted() ? "LOADED"
                    : "NOT LOADED"));
            summary.lists().forEach(l -> System.out.println("  " + (l.listOfTrustedLists() ? "LOTL " : "TL   ")
                    + l.territory() + " " + l.location() + ": signature " + (l.signatureValid() ? "VALID"
                    : "NOT VALID (" + l.signatureIndication() + ")") + ", " + l.trustServices() + " service(s)"
                    + (l.used() ? "" : ", NOT USED")));
            summary.problems().forEach(p -> System.out.println("  - " + p));
        }

        /** A URL, or a file that starts like XML: a list; anything else is read as a certificate. */
        private static boolean isList(String trust) {
            if (trust.matches("(?i)(https?|file):.*")) {
                return true;
            }
            Path path = Path.of(trust);
            if (!Files.isRegularFile(path)) {
                return false;
            }
            try (InputStream in = Files.newInputStream(path)) {
                byte[] head = in.readNBytes(64);
                String text = new String(head, java.nio.charset.StandardCharsets.UTF_8).stripLeading();
                return text.startsWith("<") || text.startsWith("\uFEFF<");
            } catch (IOException e) {
                return false;
            }
        }
    }
}
