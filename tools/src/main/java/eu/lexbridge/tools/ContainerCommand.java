package eu.lexbridge.tools;

import eu.lexbridge.trust.container.ContainerNotice;
import eu.lexbridge.trust.container.ContainerProblem;
import eu.lexbridge.trust.container.ContainerRejectedException;
import eu.lexbridge.trust.container.ContainerVerification;
import eu.lexbridge.trust.container.EcodexContainerReader;
import eu.lexbridge.trust.container.OpenedContainer;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.signature.RevocationChecking;
import eu.lexbridge.trust.signature.RevocationSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

/** {@code lexbridge container verify FILE}: checks an e-CODEX ASiC-S container, streaming, without trusting it. */
@Command(name = "container", mixinStandardHelpOptions = true, description = "e-CODEX container tools.",
        subcommands = ContainerCommand.Verify.class)
public final class ContainerCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Verify an e-CODEX ASiC-S container: its structure, its seal's integrity and its signer's "
                    + "trust, reported apart.",
                    "Exit 0: intact and trusted; 1: not intact or not trusted; 2: unusable or refused input "
                            + "(not a container, zip bomb, path traversal, ...).",
                    "Format deviations that do not make the container unsafe (mimetype not first, compressed or "
                            + "missing, an odd zip comment) are printed as notices and do not change the exit code."})
    static final class Verify implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "FILE", description = "The container (ASiC-S)")
        Path file;

        @Option(names = "--trust", paramLabel = "CERT", description = "A trusted certificate (PEM or DER); repeatable")
        List<Path> trust = new ArrayList<>();

        @Option(names = "--revocation", paramLabel = "MODE", defaultValue = "CRL",
                description = "OFF, CRL (default: the CRL distribution points of the seal's certificates) or "
                        + "OCSP_AND_CRL")
        RevocationChecking revocation;

        @Option(names = "--extract", paramLabel = "DIR",
                description = "Extract the signed content into this new directory when the container is valid")
        Path extract;

        @Override
        public Integer call() {
            List<X509Certificate> anchors = new ArrayList<>();
            try {
                trust.forEach(t -> anchors.add(KeyStores.readCertificate(t)));
            } catch (IllegalArgumentException e) {
                System.err.println("cannot read a trust anchor: " + e.getMessage());
                return 2;
            }
            var reader = new EcodexContainerReader(anchors, RevocationSettings.of(revocation), Clock.systemUTC());
            try (InputStream in = Files.newInputStream(file)) {
                OpenedContainer opened = reader.open(in, extract);
                print(opened.verification(), opened.notices());
                if (opened.directory() != null) {
                    System.out.println("extracted    " + opened.entries().size() + " entries to " + opened.directory());
                }
                return opened.verification().valid() ? 0 : 1;
            } catch (ContainerRejectedException e) {
                System.err.println(file + " is refused (" + e.reason() + "): " + e.getMessage());
                return 2;
            } catch (IOException | UncheckedIOException e) {
                System.err.println("cannot read " + file + ": " + e.getMessage());
                return 2;
            }
        }

        private static void print(ContainerVerification v, List<ContainerNotice> notices) {
            System.out.println("signed data  " + v.signedObject());
            System.out.println("signer       " + (v.signerSubject() == null ? "-" : v.signerSubject())
                    + (v.signingTime() == null ? "" : ", signed " + v.signingTime()));
            System.out.println("integrity    " + (v.intact() ? "INTACT: the seal matches the signed content"
                    : "NOT INTACT: the signed content or its seal was changed"));
            System.out.println("trust        " + (v.trusted() ? "TRUSTED" : "NOT TRUSTED"));
            System.out.println("revocation   " + v.revocation());
            for (ContainerProblem problem : v.problems()) {
                System.out.println("  - " + problem.code() + ": " + problem.detail());
            }
            for (ContainerNotice notice : notices) {
                System.out.println("notice       " + notice.code() + ": " + notice.detail());
            }
            System.out.println("result       " + (v.valid() ? "VALID" : "NOT VALID"));
        }
    }
}
