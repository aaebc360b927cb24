package eu.lexbridge.tools.demo;

import eu.lexbridge.core.flow.DocumentPolicy;
import eu.lexbridge.core.transport.As4Profile;
import eu.lexbridge.tools.directory.SnapshotPublisher;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.TestPki;
import eu.lexbridge.trust.signature.PdfSealer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Lays out two connectors on loopback: a test PKI, free ports, and one configuration file each. Everything lives below
 * one directory; a second run reuses the PKI and the databases and gets fresh ports and tokens.
 */
public final class DemoNetwork {

    public static final String SERVICE = "EEvidence";
    public static final String SERVICE_TYPE = "urn:e-codex:services:";
    public static final String ACTION = "EPOC";
    /** The management login the demo gives each connector, with the operator role. */
    public static final String OPERATOR = "operator";
    /** {@link Demo#PKI_PASSWORD}: demo key stores only; a real deployment takes its passwords from the environment. */
    static final char[] PKI_PASSWORD = Demo.PKI_PASSWORD.toCharArray();
    /** The parties of the demo's PKI, in the order {@link #prepare} generates it: the issuing, then the enforcing. */
    static final List<String> PARTIES = List.of("at-prosecutor", "de-court");

    private final Path root;
    private final DocumentPolicy policy;
    private final As4Profile profile;
    private final DemoConnector issuing;
    private final DemoConnector enforcing;

    public DemoNetwork(Path root) {
        this(root, DocumentPolicy.QUALIFIED);
    }

    /** @param policy the document policy of the demo's one service (the demo itself: QUALIFIED) */
    public DemoNetwork(Path root, DocumentPolicy policy) {
        this(root, policy, As4Profile.EDELIVERY_1);
    }

    /**
     * @param policy the document policy of the demo's one service (the demo itself: QUALIFIED)
     * @param profile the eDelivery AS4 profile both connectors speak to each other: 1.x, e-CODEX's today, or 2.0 (its
     *     Common Usage Profile or EC option) with the 2.0 keys of the demo's PKI
     */
    public DemoNetwork(Path root, DocumentPolicy policy, As4Profile profile) {
        this.root = root;
        this.policy = policy;
        this.profile = java.util.Objects.requireNonNull(profile, "profile");
        // Four distinct ports: each is free when picked, but none is bound until the connectors start, so a later
        // pick could otherwise return an earlier one (and a connector then fails with "port already in use").
        var ports = new java.util.LinkedHashSet<Integer>();
        while (ports.size() < 4) {
            ports.add(freePort());
        }
        var free = ports.iterator();
        this.issuing = new DemoConnector(PARTIES.get(0), "Austria, public prosecutor's office (issuing authority)",
                "at-case-management", free.next(), free.next(), root.resolve(PARTIES.get(0)), token());
        this.enforcing = new DemoConnector(PARTIES.get(1), "Germany, court (enforcing authority)", "de-case-management",
                free.next(), free.next(), root.resolve(PARTIES.get(1)), token());
    }

    public DemoConnector issuing() {
        return issuing;
    }

    public DemoConnector enforcing() {
        return enforcing;
    }

    public Path caCertificate() {
        return root.resolve("pki").resolve("ca.crt");
    }

    /**
     * Seals a PDF as the connector's authority does before it submits (PAdES-BASELINE-B with its qualified e-seal):
     * the demo's service requires a QUALIFIED document.
     */
    public byte[] sealDocument(DemoConnector connector, byte[] pdf, String name) {
        SealKey seal = documentSeal(connector);
        return new PdfSealer(seal, Clock.systemUTC()).seal(pdf, name);
    }

    /** The qualified document seal of a connector's authority. */
    SealKey documentSeal(DemoConnector connector) {
        Path keyStore = root.resolve("pki").resolve(connector.party()).resolve("document-seal.p12");
        return SealKey.fromKeyStore(KeyStores.loadPkcs12(keyStore, PKI_PASSWORD), TestPki.DOCUMENT_SEAL_ALIAS,
                PKI_PASSWORD);
    }

    /** The test PKI's directory: each party's key stores below its party id, the trust store beside them. */
    public Path pkiDirectory() {
        return root.resolve("pki");
    }

    public void prepare() {
        Path pki = root.resolve("pki");
        // Renews a PKI written by an older version (before document seals and trusted lists) and one whose CRLs near
        // their next update (a week): a stale CRL would leave revocation undetermined.
        Path crl = pki.resolve("crl").resolve("issuing.crl");
        if (!Files.exists(pki.resolve(issuing.party()).resolve("document-seal.p12")) || !Files.exists(crl)
                || !Files.exists(pki.resolve("directory").resolve("publisher.p12"))
                || olderThan(crl, java.time.Duration.ofDays(6))) {
            GeneratedPki generated = TestPki.generate(pki, List.of(issuing.party(), enforcing.party()), PKI_PASSWORD);
            System.out.println("  test PKI written to " + generated.directory());
        }
        sealDirectory();
        write(issuing, enforcing);
        write(enforcing, issuing);
    }

    /** The signed snapshot both connectors start from: the sample in config/directory, sealed by the PKI's publisher. */
    public Path directorySnapshot() {
        return root.resolve("directory").resolve("directory.asics");
    }

    public Path directoryPublisher() {
        return root.resolve("pki").resolve("directory").resolve("publisher.crt");
    }

    private void sealDirectory() {
        SealKey publisher = SealKey.fromKeyStore(KeyStores.loadPkcs12(root.resolve("pki").resolve("directory")
                .resolve("publisher.p12"), PKI_PASSWORD), TestPki.DIRECTORY_PUBLISHER_ALIAS, PKI_PASSWORD);
        byte[] json;
        try (var in = DemoNetwork.class.getResourceAsStream("/demo/directory.json")) {
            if (in == null) {
                throw new IllegalStateException("the sample directory demo/directory.json is missing from the jar");
            }
            json = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var signed = SnapshotPublisher.seal(json, publisher, Clock.systemUTC());
        try {
            Files.createDirectories(directorySnapshot().getParent());
            Files.write(directorySnapshot(), signed.file());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + directorySnapshot(), e);
        }
    }

    private void write(DemoConnector self, DemoConnector partner) {
        Path pki = root.resolve("pki").toAbsolutePath();
        String password = new String(PKI_PASSWORD);
        String yaml = """
                # Written by `lexbridge demo` for %1$s; rewritten on every run.
                server:
                  port: %2$d
                  address: 127.0.0.1
                  ssl:
                    key-store: %3$s/%1$s/tls.p12
                    key-store-type: PKCS12
                    key-store-password: %4$s
                    key-alias: tls
                management:
                  server:
                    port: %13$d
                lexbridge:
                  management:
                    users:
                      - name: %16$s
                        password-hash: "%17$s"
                        role: OPERATOR
                  connector:
                    party-id: %1$s
                    ebms-id-domain: %1$s.lexbridge.demo
                    data-directory: %5$s
                    default-backend: %6$s
                  network:
                    partners:
                      - name: %7$s
                        party-id: %7$s
                        endpoint: %8$s
                %21$s
                        seal-certificate: %3$s/%7$s/seal.crt
                        container-seal-certificate: %3$s/%7$s/container.crt
                    services:
                      - service: %9$s
                        service-type: "%10$s"
                        action: %11$s
                        document-policy: %18$s
                  directory:
                    snapshot: %19$s
                    publisher-certificates:
                      - %3$s/directory/publisher.crt
                  document-validation:
                    revocation: CRL
                    trusted-lists:
                      lotl-url: %15$s
                      lotl-signers:
                        - %3$s/tl/lotl-signer.crt
                  evidence:
                    seal:
                      key-store: %3$s/%1$s/seal.p12
                      key-store-password: %4$s
                    trust-store: %3$s/truststore.p12
                    trust-store-password: %4$s
                  container:
                    country: %14$s
                    seal:
                      key-store: %3$s/%1$s/container.p12
                      key-store-password: %4$s
                      key-alias: container
                  as4:
                    key-store: %3$s/%1$s/as4.p12
                    key-store-password: %4$s
                    trust-store: %3$s/truststore.p12
                    trust-store-password: %4$s
                    tls-trust-store: %3$s/truststore.p12
                    tls-trust-store-password: %4$s
                %22$s
                  rest:
                    backends:
                      %6$s:
                        token-sha256: %12$s
                  case-record:
                    partner-states:
                      %7$s: %20$s
                    steps:
                      - service: %9$s
                        action: %11$s
                        step: EPOC
                        flags:
                          EMERGENCY: Emergency=true
                          ENFORCING_AUTHORITY_NOTIFIED: NotifiedEnforcingState
                      - instrument: E-EVIDENCE
                        form: EPOC data
                        step: DATA_PRODUCED
                """.formatted(self.party(), self.port(), pki, password, self.directory().toAbsolutePath().resolve("data"),
                self.backend(), partner.party(), partner.as4Endpoint(), SERVICE, SERVICE_TYPE, ACTION,
                sha256(self.backendToken()), self.managementPort(),
                self.party().substring(0, 2).toUpperCase(java.util.Locale.ROOT),
                pki.resolve("tl").resolve("lotl.xml").toUri(), OPERATOR, operatorPasswordHash(self), policy,
                directorySnapshot().toAbsolutePath(),
                partner.party().substring(0, 2).toUpperCase(java.util.Locale.ROOT), partnerAs4(pki, partner),
                ownEdelivery2Keys(pki, self));
        try {
            Files.createDirectories(self.directory());
            Files.writeString(self.configFile(), yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + self.configFile(), e);
        }
    }

    /** The partner's AS4 profile and certificates: lines of its {@code lexbridge.network.partners} entry. */
    private String partnerAs4(Path pki, DemoConnector partner) {
        Path theirs = pki.resolve(partner.party());
        if (!profile.separateEncryptionKey()) {
            return "        certificate: " + theirs.resolve("as4.crt");
        }
        boolean ec = profile == As4Profile.EDELIVERY_2_ECDSA;
        return String.join("\n",
                "        as4-profile: \"" + profile.label() + "\"",
                "        certificate: " + theirs.resolve((ec ? TestPki.AS4_EC_SIGN_ALIAS : TestPki.AS4_SIGN_ALIAS)
                        + ".crt"),
                "        encryption-certificate: " + theirs.resolve((ec ? TestPki.AS4_EC_DECRYPT_ALIAS
                        : TestPki.AS4_DECRYPT_ALIAS) + ".crt"));
    }

    /** The connector's own eDelivery AS4 2.0 keys ({@code lexbridge.as4.edelivery2}) when it speaks 2.0: lines. */
    private String ownEdelivery2Keys(Path pki, DemoConnector self) {
        if (!profile.separateEncryptionKey()) {
            return "";
        }
        String keys = String.join("\n", "    edelivery2:",
                "      key-store: " + pki.resolve(self.party()).resolve("as4-edelivery2.p12"),
                "      key-store-password: " + new String(PKI_PASSWORD));
        return profile != As4Profile.EDELIVERY_2_ECDSA ? keys : String.join("\n", keys,
                "      ec-signing-alias: " + TestPki.AS4_EC_SIGN_ALIAS,
                "      ec-decryption-alias: " + TestPki.AS4_EC_DECRYPT_ALIAS);
    }

    /**
     * The hash of the connector's operator password, from its file; a first run writes a random password there,
     * readable by its owner only, and later runs keep it.
     */
    private static String operatorPasswordHash(DemoConnector connector) {
        Path file = connector.operatorPasswordFile();
        try {
            Files.createDirectories(connector.directory());
            if (!Files.exists(file)) {
                if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
                }
                Files.writeString(file, token() + "\n", StandardCharsets.UTF_8);
            }
            String password = Files.readString(file, StandardCharsets.UTF_8).strip();
            return PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(password);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static boolean olderThan(Path file, java.time.Duration age) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(java.time.Instant.now().minus(age));
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * A port free now, below the kernel's ephemeral range (Linux: from 32768): the connectors bind their ports only
     * later, and meanwhile an outgoing connection (a retried AS4 send to a connector that is down) could take a port
     * picked from that range as its local port.
     */
    public static int freePort() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = random.nextInt(20_000, 32_000);
            try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new UncheckedIOException(new IOException("no free port between 20000 and 32000 on loopback"));
    }

    private static String token() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
