package eu.lexbridge.tools;

import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.TestPki;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lexbridge pki init}: a test PKI for a set of parties. */
@Command(name = "pki", mixinStandardHelpOptions = true, description = "Test PKI tools.",
        subcommands = PkiCommand.Init.class)
public final class PkiCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Generate a test PKI (never for production): a root and an issuing CA with CRLs, a signed "
                    + "trusted list and list of trusted lists that mark the issuing CA qualified, an advanced and a "
                    + "revoked document signer, and per party an AS4 key (eDelivery AS4 1.x, RSA), the eDelivery AS4 "
                    + "2.0 keys (Ed25519 signing and X25519 decryption, and P-256 ones for the profile's EC option, "
                    + "in as4-edelivery2.p12), a TLS key, an evidence-seal key, a container-seal key and a qualified "
                    + "document seal.")
    static final class Init implements Callable<Integer> {

        @Option(names = "--dir", required = true, description = "Where to write the files")
        Path dir;

        @Option(names = "--party", required = true, split = ",", description = "Party names, e.g. at-prosecutor,de-court")
        List<String> parties;

        @Option(names = "--password", required = true, interactive = true, arity = "0..1",
                description = "Password of the PKCS#12 files")
        char[] password;

        @Override
        public Integer call() {
            try {
                GeneratedPki pki = TestPki.generate(dir, parties, password);
                System.out.println("root CA certificate:    " + pki.caCertificate());
                System.out.println("issuing CA certificate: " + pki.issuingCaCertificate());
                System.out.println("trust store:            " + pki.trustStore());
                System.out.println("CRLs:                   " + pki.revocationLists().rootCrl() + ", "
                        + pki.revocationLists().issuingCrl());
                System.out.println("trusted list (" + pki.trustedLists().territory() + "):      "
                        + pki.trustedLists().trustedList() + ", signed by " + pki.trustedLists().trustedListSigner());
                System.out.println("list of trusted lists:  " + pki.trustedLists().listOfTrustedLists()
                        + ", signed by " + pki.trustedLists().listOfTrustedListsSigner());
                System.out.println("advanced signer:        " + pki.advancedSigner().keyStore() + " (not qualified)");
                System.out.println("revoked signer:         " + pki.revokedSigner().keyStore() + " (on the CRL)");
                pki.parties().forEach((name, keys) -> System.out.println(name + ": AS4 key " + keys.as4KeyStore()
                        + ", AS4 2.0 keys " + keys.as4Edelivery2KeyStore() + " (" + TestPki.AS4_SIGN_ALIAS + ", "
                        + TestPki.AS4_DECRYPT_ALIAS + ", " + TestPki.AS4_EC_SIGN_ALIAS + ", "
                        + TestPki.AS4_EC_DECRYPT_ALIAS + ")" + ", TLS key " + keys.tlsKeyStore() + ", evidence-seal key " + keys.sealKeyStore()
                        + ", container-seal key " + keys.containerKeyStore() + ", qualified document seal "
                        + keys.documentSealKeyStore()));
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            }
        }
    }
}
