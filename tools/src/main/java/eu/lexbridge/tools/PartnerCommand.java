package eu.lexbridge.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.lexbridge.core.transport.Partner;
import eu.lexbridge.directory.partner.PModeImport;
import eu.lexbridge.directory.partner.PartnerDocument;
import eu.lexbridge.directory.partner.PartnerRefusedException;
import eu.lexbridge.trust.keys.KeyStores;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lexbridge partner list|add|retire}: the partners of a running connector, changed without a restart through
 * its management port ({@code /actuator/partners}) with an operator's login.
 */
@Command(name = "partner", mixinStandardHelpOptions = true,
        description = "The partners of a running connector: list, add or change, retire; no restart.",
        subcommands = {PartnerCommand.List.class, PartnerCommand.Add.class, PartnerCommand.Retire.class,
                PartnerCommand.ImportPMode.class, PartnerCommand.Hold.class, PartnerCommand.Release.class,
                PartnerCommand.Holds.class})
public final class PartnerCommand implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** Where the management port is and who logs in. */
    static final class Management {
        @Option(names = "--management", defaultValue = "http://127.0.0.1:9090", paramLabel = "URL",
                description = "The connector's management port (default: ${DEFAULT-VALUE})")
        URI management;

        @Option(names = "--user", defaultValue = "operator", description = "An operator login (default: "
                + "${DEFAULT-VALUE})")
        String user;

        @Option(names = "--password-file", paramLabel = "FILE",
                description = "A file whose first line is the login's password (never an argument: shell "
                        + "histories keep those)")
        Path passwordFile;

        /**
         * Exit 0 on 200; 2 on a refusal of what was asked (a 4xx other than a refused login, its sentence printed);
         * 1 when the connector cannot be used (no answer, a refused login, a server error).
         */
        int send(String method, String path, String body) {
            if (passwordFile == null) {
                System.err.println("--password-file is required: the operator login's password");
                return 2;
            }
            try {
                String password = Files.readAllLines(passwordFile, StandardCharsets.UTF_8).get(0).strip();
                String basic = Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8));
                HttpRequest.Builder request = HttpRequest.newBuilder(management.resolve(path))
                        .timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + basic)
                        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body));
                if (body != null) {
                    request.header("Content-Type", "application/json");
                }
                HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
                    System.out.print(json ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                            JSON.readTree(response.body())) + System.lineSeparator() : response.body());
                    return 0;
                }
                JsonNode problem = response.body().isBlank() ? null : JSON.readTree(response.body());
                System.err.println(method + " " + path + " answered " + response.statusCode()
                        + (problem != null && problem.has("detail") ? ": " + problem.get("detail").asText() : ""));
                int status = response.statusCode();
                return status >= 400 && status < 500 && status != 401 && status != 403 ? 2 : 1;
            } catch (IOException | IndexOutOfBoundsException e) {
                System.err.println("the connector at " + management + " cannot be used: " + e.getMessage());
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "The partners in force, with their certificates' subjects and expiry.")
    static final class List implements Callable<Integer> {
        @Mixin
        Management management = new Management();

        @Override
        public Integer call() {
            return management.send("GET", "/actuator/partners", null);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Add a partner, or change the one of that name (a new endpoint, a renewed certificate). "
                    + "The connector checks it with the whole set first (unique names and party ids, https endpoint, "
                    + "certificates valid now) and keeps it for a restart.",
                    "Exit 0: in force; 2: refused (the element named), nothing changed; 1: the connector cannot be "
                            + "used."})
    static final class Add implements Callable<Integer> {
        @Mixin
        Management management = new Management();

        @Option(names = "--name", required = true) String name;
        @Option(names = "--party-id", required = true) String partyId;
        @Option(names = "--party-id-type", description = "default: urn:oasis:names:tc:ebcore:partyid-type:unregistered")
        String partyIdType;
        @Option(names = "--role", description = "default: GW") String role;
        @Option(names = "--endpoint", required = true, description = "its AS4 endpoint, https") String endpoint;

        @Option(names = "--certificate", required = true, paramLabel = "PEM",
                description = "its AS4 certificate: we check its signatures against it (and in 1.x encrypt to it)")
        Path certificate;

        @Option(names = "--as4-profile", paramLabel = "PROFILE",
                description = "the eDelivery AS4 profile it speaks: 1.x (default), 2.0 or 2.0-ecdsa")
        String as4Profile;

        @Option(names = "--encryption-certificate", paramLabel = "PEM",
                description = "for 2.0: its encryption (key agreement) certificate; --certificate is its signing one")
        Path encryptionCertificate;

        @Option(names = "--seal-certificate", paramLabel = "PEM", description = "pins its evidence seal")
        Path sealCertificate;

        @Option(names = "--container-seal-certificate", paramLabel = "PEM",
                description = "pins its container and Trust OK token seal")
        Path containerSealCertificate;

        @Option(names = "--service", paramLabel = "SERVICE=ACTION", description = "a service/action pair its access "
                + "point takes, repeated; without it, every configured pair")
        java.util.Map<String, String> services = new java.util.LinkedHashMap<>();

        @Override
        public Integer call() throws IOException {
            ObjectNode body = JSON.createObjectNode();
            body.put("name", name);
            body.put("partyId", partyId);
            if (partyIdType != null) {
                body.put("partyIdType", partyIdType);
            }
            if (role != null) {
                body.put("role", role);
            }
            body.put("endpoint", endpoint);
            body.put("certificate", Files.readString(certificate, StandardCharsets.US_ASCII));
            if (sealCertificate != null) {
                body.put("sealCertificate", Files.readString(sealCertificate, StandardCharsets.US_ASCII));
            }
            if (containerSealCertificate != null) {
                body.put("containerSealCertificate", Files.readString(containerSealCertificate,
                        StandardCharsets.US_ASCII));
            }
            if (as4Profile != null) {
                body.put("as4Profile", as4Profile);
            }
            if (encryptionCertificate != null) {
                body.put("encryptionCertificate", Files.readString(encryptionCertificate, StandardCharsets.US_ASCII));
            }
            if (!services.isEmpty()) {
                body.put("services", String.join("\n", services.entrySet().stream()
                        .map(pair -> pair.getKey() + " " + pair.getValue()).toList()));
            }
            return management.send("POST", "/actuator/partners", JSON.writeValueAsString(body));
        }
    }

    @Command(name = "retire", mixinStandardHelpOptions = true,
            description = {"Retire a partner: nothing is sent to it or taken from it from now on.",
                    "Exit 0: retired; 2: no such partner; 1: the connector cannot be used."})
    static final class Retire implements Callable<Integer> {
        @Mixin
        Management management = new Management();

        @Parameters(index = "0", paramLabel = "NAME") String name;

        @Override
        public Integer call() {
            return management.send("DELETE", "/actuator/partners/" + URLEncoder.encode(name, StandardCharsets.UTF_8),
                    null);
        }
    }

    @Command(name = "hold", mixinStandardHelpOptions = true,
            description = {"Hold every send to a partner for its announced maintenance: its messages wait, tried again "
                    + "with back-off, until it is released; the relay timeout keeps counting.",
                    "Exit 0: held; 2: no such partner; 1: the connector cannot be used."})
    static final class Hold implements Callable<Integer> {
        @Mixin
        Management management = new Management();

        @Parameters(index = "0", paramLabel = "NAME") String name;

        @Option(names = "--reason", defaultValue = "maintenance", description = "Why, for the others "
                + "(default: ${DEFAULT-VALUE})")
        String reason;

        @Override
        public Integer call() throws IOException {
            return management.send("POST", "/actuator/holds/" + URLEncoder.encode(name, StandardCharsets.UTF_8),
                    JSON.writeValueAsString(JSON.createObjectNode().put("reason", reason)));
        }
    }

    @Command(name = "release", mixinStandardHelpOptions = true,
            description = {"Release the sends to a partner held before: its messages go at their next attempt.",
                    "Exit 0: released (or was not held); 2: no such partner; 1: the connector cannot be used."})
    static final class Release implements Callable<Integer> {
        @Mixin
        Management management = new Management();

        @Parameters(index = "0", paramLabel = "NAME") String name;

        @Override
        public Integer call() {
            return management.send("DELETE", "/actuator/holds/" + URLEncoder.encode(name, StandardCharsets.UTF_8),
                    null);
        }
    }

    @Command(name = "holds", mixinStandardHelpOptions = true,
            description = "The partners whose sends are held, with why, by whom and since when.")
    static final class Holds implements Callable<Integer> {
        @Mixin
        Management management = new Management();

        @Override
        public Integer call() {
            return management.send("GET", "/actuator/holds", null);
        }
    }

    @Command(name = "import-pmode", mixinStandardHelpOptions = true,
            description = {"Add (or change) the partners of a Domibus PMode set: every party but the PMode's own, with "
                    + "its endpoint, party id and type, responder role, and its certificate from the access point's "
                    + "truststore under the party's name. The whole set is checked here first; nothing is sent to "
                    + "the connector when one party does not validate.",
                    "Exit 0: every partner in force; 2: a party refused (named, with its line), or one the "
                            + "connector refused (those before it are in force); 1: the connector cannot be used."})
    static final class ImportPMode implements Callable<Integer> {
        @Mixin
        Management management = new Management();

        @Parameters(index = "0", paramLabel = "PMODE", description = "The Domibus PMode set (XML)")
        Path pmode;

        @Option(names = "--truststore", required = true, paramLabel = "FILE",
                description = "The access point's truststore (PKCS#12 or JKS), certificates under the party names")
        Path truststore;

        @Option(names = "--truststore-password-file", required = true, paramLabel = "FILE",
                description = "A file whose first line is the truststore's password")
        Path truststorePasswordFile;

        @Option(names = "--dry-run", description = "Check and print the partners; change nothing")
        boolean dryRun;

        @Override
        public Integer call() throws IOException {
            java.util.List<Partner> partners;
            try (var in = Files.newInputStream(pmode)) {
                char[] password = Files.readAllLines(truststorePasswordFile, StandardCharsets.UTF_8).get(0).strip()
                        .toCharArray();
                KeyStore store = KeyStores.loadPkcs12(truststore, password);
                partners = PModeImport.read(in, alias -> {
                    try {
                        return store.getCertificate(alias) instanceof X509Certificate x509 ? x509
                                : null;
                    } catch (KeyStoreException e) {
                        return null;
                    }
                }, Instant.now(), false);
            } catch (PartnerRefusedException | IllegalArgumentException
                     | IllegalStateException e) {
                System.err.println(pmode + " is not imported: " + e.getMessage());
                return 2;
            }
            for (var partner : partners) {
                System.out.println((dryRun ? "would add " : "adding ") + partner.name() + ": party "
                        + partner.party().partyId() + " (" + partner.party().partyIdType() + "), role "
                        + partner.party().role() + ", endpoint " + partner.endpoint() + ", certificate "
                        + partner.certificate().getSubjectX500Principal().getName());
                if (!dryRun) {
                    ObjectNode body = PartnerDocument.node(partner);
                    // the management API takes string values: the pairs one a line
                    body.remove("services");
                    if (!partner.services().isEmpty()) {
                        body.put("services", String.join("\n", partner.services().stream()
                                .map(pair -> pair.service() + " " + pair.action()).sorted().toList()));
                    }
                    int exit = management.send("POST", "/actuator/partners", JSON.writeValueAsString(body));
                    if (exit != 0) {
                        return exit;
                    }
                }
            }
            return 0;
        }
    }
}
