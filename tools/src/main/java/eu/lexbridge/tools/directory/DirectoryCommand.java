package eu.lexbridge.tools.directory;

import eu.lexbridge.core.authority.AuthorityRole;
import eu.lexbridge.core.authority.Instrument;
import eu.lexbridge.core.authority.Lookup;
import eu.lexbridge.core.authority.RecipientQuery;
import eu.lexbridge.directory.authority.DirectoryIndex;
import eu.lexbridge.directory.authority.Snapshot;
import eu.lexbridge.directory.authority.SnapshotArchive;
import eu.lexbridge.directory.authority.SnapshotRefusedException;
import eu.lexbridge.tools.demo.Demo;
import eu.lexbridge.trust.container.DetachedSeal;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.pki.TestPki;
import eu.lexbridge.trust.port.PublisherSignatures;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lexbridge directory sign|find|serve}: the competent-authorities directory from the command line. */
@Command(name = "directory", mixinStandardHelpOptions = true,
        description = "The competent-authorities directory: seal a snapshot, look up an authority, serve a snapshot.",
        subcommands = {DirectoryCommand.Sign.class, DirectoryCommand.Find.class, DirectoryCommand.Serve.class})
public final class DirectoryCommand implements Runnable {

    /** Where the demo keeps its signed snapshot. */
    public static final String DEMO_SNAPSHOT = Demo.DIRECTORY + "/directory/directory.asics";
    static final String DEMO_PUBLISHER = Demo.PKI_DIRECTORY + "/directory/publisher.crt";
    private static final long MAX_SNAPSHOT_BYTES = 2L * 1024 * 1024 * 1024;

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** The publisher's certificates, and the snapshot file they seal. */
    static final class Source {
        @Option(names = "--snapshot", paramLabel = "FILE", defaultValue = DEMO_SNAPSHOT,
                description = "The signed snapshot file (default: the demo's, ${DEFAULT-VALUE})")
        Path snapshot;

        @Option(names = "--publisher", paramLabel = "CERT", split = ",", defaultValue = DEMO_PUBLISHER,
                description = "Certificates of who may seal it (default: the demo PKI's publisher)")
        List<Path> publishers;

        PublisherSignatures seals() {
            return new PublisherSignatures(new DetachedSeal(publishers.stream().map(KeyStores::readCertificate)
                    .toList(), Clock.systemUTC()));
        }

        Snapshot open() {
            return SnapshotArchive.open(snapshot, seals(), MAX_SNAPSHOT_BYTES);
        }
    }

    @Command(name = "sign", mixinStandardHelpOptions = true,
            description = {"Check a snapshot's JSON and seal it into a signed snapshot file (ASiC-S) with a test "
                    + "PKI's directory-publisher key (never for production).",
                    "Exit 0: sealed; 2: a JSON value that does not hold (named), or a key that cannot be used."})
    static final class Sign implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "JSON", description = "The snapshot's JSON (lexbridge-directory/1)")
        Path json;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The signed snapshot to write")
        Path out;

        @Option(names = "--pki", paramLabel = "DIR", defaultValue = Demo.PKI_DIRECTORY,
                description = "The test PKI with directory/publisher.p12 (default: ${DEFAULT-VALUE})")
        Path pki;

        @Option(names = "--password", interactive = true, arity = "0..1",
                description = "Password of the PKI's key stores (default: the demo's; without a value: asked for)")
        char[] password;

        @Override
        public Integer call() {
            char[] secret = password != null ? password : Demo.PKI_PASSWORD.toCharArray();
            try {
                SealKey key = SealKey.fromKeyStore(KeyStores.loadPkcs12(pki.resolve("directory").resolve(
                        "publisher.p12"), secret), TestPki.DIRECTORY_PUBLISHER_ALIAS, secret);
                var signed = SnapshotPublisher.seal(Files.readAllBytes(json), key, Clock.systemUTC());
                Files.write(out, signed.file());
                System.out.println("sealed snapshot " + signed.snapshot().version() + " ("
                        + signed.snapshot().authorities().size() + " authorities, SHA-256 "
                        + signed.snapshot().sha256() + ") into " + out);
                return 0;
            } catch (SnapshotRefusedException | IllegalArgumentException | IllegalStateException e) {
                System.err.println(json + " is not sealed: " + e.getMessage());
                return 2;
            } catch (IOException e) {
                System.err.println("cannot read " + json + " or write " + out + ": " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "find", mixinStandardHelpOptions = true,
            description = {"Find the authorities competent for an instrument, role and place in a signed snapshot, "
                    + "each with the reason it matched: what a message addressed by competence would resolve to.",
                    "Exit 0: exactly one match; 1: none or several; 2: a bad query or snapshot."})
    static final class Find implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Source source = new Source();

        @Option(names = "--instrument", description = "e.g. EIO, EAW, EPO, ESCP, FREEZING, SERVICE, E-EVIDENCE")
        String instrument;

        @Option(names = "--role", description = "issuing, executing, central, transit, transmitting, receiving, "
                + "court, enforcing or addressee")
        String role;

        @Option(names = "--authority", description = "an authority's directory id")
        String authority;

        @Option(names = "--country") String country;
        @Option(names = "--region", description = "ISO 3166-2, e.g. DE-BE") String region;
        @Option(names = "--postal-code") String postalCode;
        @Option(names = "--area", description = "a named area") String area;
        @Option(names = "--language", description = "ISO 639-1 of the message") String language;

        @Option(names = "--criterion", paramLabel = "NAME=VALUE", description = "e.g. measure=interception; repeat")
        Map<String, String> criteria = new LinkedHashMap<>();

        @Option(names = "--on", paramLabel = "DATE", description = "the day to look up on (default: today)")
        LocalDate on;

        @Override
        public Integer call() {
            RecipientQuery query;
            Snapshot snapshot;
            try {
                query = new RecipientQuery(instrument == null ? null : Instrument.of(instrument),
                        role == null ? null : AuthorityRole.of(role), authority, country, region, postalCode, area,
                        language, criteria);
                snapshot = source.open();
            } catch (IllegalArgumentException | SnapshotRefusedException e) {
                System.err.println(e.getMessage());
                return 2;
            }
            Lookup lookup = new DirectoryIndex(snapshot).find(query, on != null ? on
                    : LocalDate.now(ZoneOffset.UTC));
            System.out.println("searched " + query.describe() + " in " + lookup.source());
            lookup.matches().forEach(m -> print("match", m));
            lookup.undecided().forEach(m -> print("undecided", m));
            if (lookup.matches().isEmpty() && lookup.undecided().isEmpty()) {
                System.out.println("no authority matches");
            }
            return lookup.matches().size() == 1 ? 0 : 1;
        }

        private static void print(String kind, Lookup.Match match) {
            System.out.println(kind + ": " + match.authorityId() + " — " + match.name());
            System.out.println("  address: " + match.address().finalRecipient() + " at party "
                    + match.address().partyId() + " (" + match.address().partyIdType() + ")");
            System.out.println("  because: " + match.reason());
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = {"Serve a signed snapshot as a directory service (docs/directory-api.md): status, the "
                    + "snapshot with its SHA-256 as ETag, lookups, authorities, instruments. The file is checked "
                    + "first, and again whenever it changes; connectors refresh from it with "
                    + "lexbridge.directory.service-url.",
                    "Runs until stopped. Exit 2: the snapshot or key store cannot be used."})
    static final class Serve implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Source source = new Source();

        @Option(names = "--port", defaultValue = "8095", description = "default: ${DEFAULT-VALUE}; 0 for any free")
        int port;

        @Option(names = "--bind", defaultValue = "127.0.0.1", description = "default: ${DEFAULT-VALUE}")
        String bind;

        @Option(names = "--key-store", paramLabel = "P12", description = "TLS key store; without it plain HTTP, "
                + "on a loopback address only")
        Path keyStore;

        @Option(names = "--key-store-password", interactive = true, arity = "0..1")
        char[] keyStorePassword;

        @Override
        public Integer call() throws Exception {
            try (DirectoryServer server = new DirectoryServer(source.snapshot, source.seals(), MAX_SNAPSHOT_BYTES,
                    new InetSocketAddress(InetAddress.getByName(bind), port), tls(), Clock.systemUTC())) {
                System.out.println("serving directory snapshot " + server.snapshot().version() + " at "
                        + server.base());
                new CountDownLatch(1).await();
                return 0;
            } catch (SnapshotRefusedException | IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            }
        }

        private SSLContext tls() throws GeneralSecurityException {
            if (keyStore == null) {
                return null;
            }
            char[] password = keyStorePassword != null ? keyStorePassword : Demo.PKI_PASSWORD.toCharArray();
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(KeyStores.loadPkcs12(keyStore, password), password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        }
    }
}
