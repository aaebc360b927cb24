package eu.lexbridge.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import eu.lexbridge.tools.ScriptJvm;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./lexbridge demo} as an integrator runs it, from the packaged jar in a directory of its own: with
 * {@code --keep-running} both connectors stay up, what it prints is enough to use them (the token answers, a document
 * sealed with {@code document sign} crosses the QUALIFIED service), and SIGTERM stops both; without it, the demo ends
 * by itself and leaves nothing running.
 */
class KeepRunningDemoIT {

    private static final Duration PATIENCE = Duration.ofSeconds(240);
    private static final Pattern BLOCK = Pattern.compile("""
            \\n(?<party>[a-z-]+) - [^\\n]+
              back-end API    https://localhost:(?<port>\\d+)/api/v1/messages   \\(OpenAPI: [^)]+\\)
              back-end        (?<backend>\\S+)
              bearer token    (?<token>[0-9a-f]{48})
              management      http://127\\.0\\.0\\.1:(?<management>\\d+)/actuator/hawtio/   \\(Prometheus: [^)]+\\)
              operator login  operator, password in (?<password>\\S+)
            """);

    @TempDir
    Path work;

    private Path jar;
    private Process demo;
    private final List<ProcessHandle> started = new ArrayList<>();

    @BeforeEach
    void findTheJar() {
        jar = PackagedJar.path();
    }

    /** A failed test leaves no connector behind either. */
    @AfterEach
    void stopWhateverIsLeft() {
        if (demo != null) {
            started.addAll(demo.descendants().toList());
            demo.destroyForcibly();
        }
        started.forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void withKeepRunningBothConnectorsStayUpWithWhatItPrintsAndSigtermStopsBoth() throws Exception {
        demo = lexbridge("demo", "--keep-running");

        String printed = await("the connection details", () -> {
            String out = read("demo.out");
            if (!demo.isAlive()) {
                throw new AssertionError("the demo ended (exit " + demo.exitValue() + "):\n" + out + read("demo.err"));
            }
            return BLOCK.matcher(out).results().count() == 2 ? out : null;
        });
        assertThat(printed).contains("EPOC exchanged end to end").contains("test PKI written to")
                // addressed by competence: the directory's answer, and the timeline's note of it
                .contains("[AT back-end] directory: DE-LG-BERLIN-I (Regional Court Berlin I) at party de-court, "
                        + "because E-EVIDENCE enforcing; postal code 10115 in 10115-14199")
                .contains("recipient DE-LG-BERLIN-I (Regional Court Berlin I) found in directory snapshot 1 of "
                        + "2026-12-01T00:00:00Z for instrument E-EVIDENCE, role enforcing, country DE, postal code "
                        + "10115")
                // a transmission outside the system, recorded, meets the EPOC's production limit in the case timeline
                .containsPattern("\\[DE back-end\\] recorded transmission [0-9a-f-]{36} outside the system: "
                        + "DEMO-2026-0042-data.zip, 3221225472 bytes, SHA-256 [0-9a-f]{64}")
                .containsPattern("DEADLINE +D4 started +The addressee produces the data")
                .containsPattern("D4 +MET +due 20\\d\\d-\\d\\d-\\d\\dT\\d\\d:00:00Z +for the addressee")
                .containsPattern("D11 +RUNNING")
                .contains("Both connectors keep running; Ctrl-C (or SIGTERM) stops them.")
                .contains("TLS: the connectors' certificates are issued by the test CA " + ca());
        Path root = work.resolve("data/demo").toRealPath();
        DemoConnector at = connector(printed, "at-prosecutor", root);
        DemoConnector de = connector(printed, "de-court", root);
        assertThat(at.backend()).isEqualTo("at-case-management");
        assertThat(de.backend()).isEqualTo("de-case-management");

        // The printed token is the back-end's: it answers with it, and not without it.
        var atBackend = new BackendClient(at, ca());
        var deBackend = new BackendClient(de, ca());
        assertThat(atBackend.isUp()).isTrue();
        assertThat(deBackend.inbox().path("messages")).as("the demo's EPOC was acknowledged").isEmpty();
        var stranger = new BackendClient(new DemoConnector(de.party(), de.label(), de.backend(), de.port(),
                de.managementPort(), de.directory(), "0".repeat(48)), ca());
        assertThatThrownBy(stranger::inbox).hasMessageContaining("answered 401");
        for (DemoConnector c : List.of(at, de)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(c.operatorPasswordFile())))
                    .isEqualTo("rw-------");
        }

        // The Austrian clerk records, from the command line, the annex sent by courier in the EPOC's conversation, and
        // reads the conversation's timeline, saving the case as one sealed file. (Refusals: CaseRecordCommandsTest.)
        Matcher conversation = Pattern.compile("\\(conversation ([0-9a-f-]{36})\\)").matcher(printed);
        assertThat(conversation.find()).isTrue();
        Path token = Files.writeString(work.resolve("at-token"), at.backendToken() + "\n");
        Files.write(work.resolve("annex.pdf"), sample("epoc-sample.pdf"));
        String api = at.baseUri().toString();
        Process record = lexbridge("record-transmission", "--api", api, "--token-file", token.toString(),
                "--ca-certificate", ca().toString(), "--conversation", conversation.group(1), "--transmitted-at",
                OffsetDateTime.now().minusMinutes(1).toString(), "--sender", "AT/Staatsanwaltschaft Wien",
                "--recipient", "DE/Landgericht Berlin I", "--file", "annex.pdf", "--reason", "nature-of-material",
                "--channel", "registered mail", "--instrument", "E-EVIDENCE", "--form", "EPOC annex");
        assertThat(record.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(read("record-transmission.out")).contains("\"fileName\" : \"annex.pdf\"")
                .contains("\"value\" : \"" + sha256(sample("epoc-sample.pdf")) + "\"");
        assertThat(record.exitValue()).as(read("record-transmission.err")).isZero();
        Process timeline = lexbridge("timeline", conversation.group(1), "--api", api, "--token-file",
                token.toString(), "--ca-certificate", ca().toString(), "--export", "case.asice");
        assertThat(timeline.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(read("timeline.out")).contains("Conversation " + conversation.group(1))
                .containsPattern("MESSAGE +sent EPOC").containsPattern("EVIDENCE +DELIVERY received")
                .containsPattern("TRANSMISSION +transmitted outside the system +annex.pdf")
                .containsPattern("D4 +RUNNING").doesNotContain("DEMO-2026-0042-data.zip")
                .contains("Saved the sealed case file to case.asice");
        assertThat(timeline.exitValue()).isZero();
        // the case file as saved: an ASiC-E (its seal validated by DSS in CaseExportSealTest) with the annex's record
        try (var zip = new java.util.zip.ZipFile(work.resolve("case.asice").toFile())) {
            assertThat(zip.stream().map(java.util.zip.ZipEntry::getName).toList()).first().isEqualTo("mimetype");
            assertThat(zip.getEntry("META-INF/signatures.xml")).isNotNull();
            assertThat(zip.stream().filter(e -> e.getName().startsWith("records/")).count()).isEqualTo(1);
        }

        // The yearly statistics (Art 28) of the Austrian connector: the demo's EPOC, by its data categories.
        String year = String.valueOf(java.time.Year.now(java.time.ZoneOffset.UTC).getValue());
        Process statistics = lexbridge("statistics", "--year", year, "--management", at.managementUri().toString(),
                "--password-file", at.operatorPasswordFile().toString());
        assertThat(statistics.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(read("statistics.out")).startsWith("year,statistic,measure,data_category,addressee,emergency,")
                .contains(year + ",\"a\",\"EPOC issued\",\"subscriberData\",")
                .contains(year + ",\"a\",\"EPOC issued\",\"trafficData\",");
        assertThat(statistics.exitValue()).as(read("statistics.err")).isZero();

        // The integrator looks up an authority in the demo's signed directory, as the example does.
        Process find = lexbridge("directory", "find", "--instrument", "EIO", "--role", "executing", "--country", "DE",
                "--postal-code", "10115");
        assertThat(find.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(read("directory.out")).contains("match: DE-STA-BERLIN").contains("at party de-court")
                .contains("because: EIO executing; postal code 10115 in 10115-14199");
        assertThat(find.exitValue()).isZero();

        // An operator retires the German partner at run time: the Austrian connector sends nothing to it any more.
        String management = at.managementUri().toString();
        String password = at.operatorPasswordFile().toString();
        Process retire = lexbridge("partner", "retire", "de-court", "--management", management, "--password-file",
                password);
        assertThat(retire.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(read("partner.out")).contains("\"change\" : \"RETIRED\"");
        assertThat(retire.exitValue()).isZero();
        assertThatThrownBy(() -> atBackend.submit("""
                {"backendMessageId":"TO-RETIRED-1","service":"%s","action":"%s","toPartyId":"%s",\
                "originalSender":"AT/Staatsanwaltschaft Wien","finalRecipient":"DE/Amtsgericht Berlin"}"""
                .formatted(DemoNetwork.SERVICE, DemoNetwork.ACTION, de.party()), "epoc.xml", sample("epoc-sample.xml"),
                "epoc.pdf", sample("epoc-sample.pdf"))).hasMessageContaining("LB-1004");
        // It is added again, with its pinned seals, and the next message reaches it: no restart. (A change that does
        // not validate is PartnersEndpointTest's.)
        String pki = "data/demo/pki/" + de.party() + "/";
        Process add = lexbridge("partner", "add", "--management", management, "--password-file", password,
                "--name", "de-court", "--party-id", de.party(), "--endpoint", de.as4Endpoint().toString(),
                "--certificate", pki + "as4.crt", "--seal-certificate", pki + "seal.crt",
                "--container-seal-certificate", pki + "container.crt");
        assertThat(add.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(read("partner.out")).contains("\"change\" : \"ADDED\"");
        assertThat(add.exitValue()).isZero();

        // The integrator seals a document by hand and sends it through the QUALIFIED service.
        Files.write(work.resolve("order.pdf"), sample("epoc-sample.pdf"));
        Process sign = lexbridge("document", "sign", "order.pdf", "--party", "at-prosecutor", "--out", "sealed.pdf");
        assertThat(sign.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(read("document.err")).isEmpty();
        assertThat(sign.exitValue()).isZero();
        Process verify = lexbridge("document", "verify", "sealed.pdf", "--trust", "data/demo/pki/tl/lotl.xml",
                "--list-signer", "data/demo/pki/tl/lotl-signer.crt");
        assertThat(verify.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(read("document.out")).contains("qualified  QUALIFIED (QESeal)").contains("result       VALID");
        assertThat(verify.exitValue()).isZero();
        JsonNode submitted = atBackend.submit("""
                {"backendMessageId":"BY-HAND-1","service":"%s","action":"%s","toPartyId":"%s",\
                "originalSender":"AT/Staatsanwaltschaft Wien","finalRecipient":"DE/Amtsgericht Berlin"}"""
                .formatted(DemoNetwork.SERVICE, DemoNetwork.ACTION, de.party()), "epoc.xml", sample("epoc-sample.xml"),
                "sealed.pdf", Files.readAllBytes(work.resolve("sealed.pdf")));
        await("the sealed document in the German inbox", () -> {
            for (JsonNode m : deBackend.inbox().path("messages")) {
                if (m.path("ebmsMessageId").asText().equals(submitted.path("ebmsMessageId").asText())) {
                    return m;
                }
            }
            return null;
        });
        assertThat(atBackend.timeline(submitted.path("connectorMessageId").asText()).path("entries").toString())
                .contains("business document checked (QUALIFIED), reaches QUALIFIED");

        // SIGTERM, as a service manager or `kill` sends it: both connectors stop, none is left behind.
        List<ProcessHandle> connectors = demo.children().toList();
        assertThat(connectors).as("two connector processes").hasSize(2)
                .allSatisfy(p -> assertThat(p.info().arguments().map(List::of).orElse(List.of())).contains("serve"));
        started.addAll(demo.descendants().toList());
        demo.destroy();
        assertThat(demo.waitFor(90, TimeUnit.SECONDS)).as("the demo ends after SIGTERM").isTrue();
        assertThat(demo.exitValue()).as("the JVM's exit status after SIGTERM").isEqualTo(143);
        assertThat(started).allSatisfy(p -> assertThat(p.isAlive()).as("process " + p.pid()).isFalse());
        assertThat(read("demo.out")).contains("Stopping both connectors...").endsWith("Both connectors stopped.\n");
        assertThat(read("demo.err")).doesNotContain("failed");
        assertThat(atBackend.isUp()).isFalse();
        assertThat(deBackend.isUp()).isFalse();
    }

    /**
     * The demo as a newcomer runs it a second time, here over eDelivery AS4 2.0 ({@code --as4-profile 2.0}: Ed25519 and
     * X25519 keys from the demo PKI, each connector marking the other 2.0): the EPOC and every evidence travel in 2.0,
     * each connector's log saying so for each AS4 message, and the demo ends by itself.
     */
    @Test
    void overAs4_2_0AndWithoutKeepRunningTheDemoEndsByItselfAndLeavesNothingRunning() throws Exception {
        // A PKI already in the demo's folder, as a second run finds its first run's: the demo takes it and generates
        // none (the test above sees a first run generate one).
        SharedDemoPki.into(work.resolve(Demo.DIRECTORY));
        demo = lexbridge("demo", "--as4-profile", "2.0");
        List<ProcessHandle> seen = new ArrayList<>();
        Instant deadline = Instant.now().plus(PATIENCE);
        while (demo.isAlive() && Instant.now().isBefore(deadline)) {
            demo.descendants().filter(p -> !seen.contains(p)).forEach(seen::add);
            Thread.sleep(200);
        }
        started.addAll(seen);
        assertThat(demo.waitFor(1, TimeUnit.SECONDS)).as("the demo ends by itself").isTrue();
        String out = read("demo.out");
        assertThat(demo.exitValue()).as(out + read("demo.err")).isZero();
        assertThat(seen).as("the connectors it started").hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(p -> assertThat(p.isAlive()).as("process " + p.pid()).isFalse());
        assertThat(out).contains("EPOC exchanged end to end").contains("Timeline at de-court (received):")
                .doesNotContain("test PKI written to")
                .doesNotContain("keep running").doesNotContain("bearer token").doesNotContain("Stopping");

        // What travelled, as the demo prints it: the message, its evidences both ways, and what each side checked.
        String sent = between(out, "Timeline at at-prosecutor (sent):", "Timeline at de-court (received):");
        String received = between(out, "Timeline at de-court (received):", "Case timeline at de-court");
        assertThat(out).contains("the two connectors speak eDelivery AS4 2.0 to each other")
                .containsPattern("fetched TRUST_TOKEN +tokenXML +\\d+ bytes, SHA-256 matches")
                .containsPattern("fetched BUSINESS_DOCUMENT epoc\\.pdf +\\d+ bytes, SHA-256 matches");
        assertThat(sent).containsPattern("(?s)state +SUBMITTED.*state +ACCEPTED.*state +SENT.*state +RELAYED.*"
                        + "state +DELIVERED")
                .containsPattern("evidence SUBMISSION_ACCEPTANCE \\(issued\\)")
                .containsPattern("evidence RELAY_REMMD_ACCEPTANCE \\(received\\) .*seal verified")
                .containsPattern("evidence DELIVERY \\(received\\) .*seal verified")
                .containsPattern("business document checked \\(QUALIFIED\\), reaches QUALIFIED.*QESeal");
        assertThat(received).contains("signed by CN=at-prosecutor AS4 Signing") // its Ed25519 key, not the 1.x one
                .containsPattern("(?s)state +RECEIVED.*state +AVAILABLE_TO_BACKEND.*state +DELIVERED_TO_BACKEND")
                .contains("intact and trusted").contains("its Trust OK token (Signature-based) sealed")
                .containsPattern("evidence SUBMISSION_ACCEPTANCE \\(received\\) .*seal verified")
                .containsPattern("evidence RELAY_REMMD_ACCEPTANCE \\(issued\\)")
                .containsPattern("evidence DELIVERY \\(issued\\)");
        // Every AS4 message of the exchange in 2.0, as each side logged it: the EPOC one way, the evidences the other.
        Path root = work.resolve(Demo.DIRECTORY);
        String atLog = Files.readString(root.resolve("at-prosecutor/connector.log"));
        String deLog = Files.readString(root.resolve("de-court/connector.log"));
        assertThat(atLog).contains("to de-court over eDelivery AS4 2.0 delivered in")
                .contains("from de-court over eDelivery AS4 2.0 (").doesNotContain("over eDelivery AS4 1.x");
        assertThat(deLog).contains("from at-prosecutor over eDelivery AS4 2.0 (")
                .contains("to at-prosecutor over eDelivery AS4 2.0 delivered in").doesNotContain("over eDelivery AS4 1.x");
    }

    /** The text of {@code out} from {@code start} to {@code end}. */
    private static String between(String out, String start, String end) {
        int from = out.indexOf(start);
        int to = out.indexOf(end, Math.max(from, 0));
        assertThat(from).as("'" + start + "' printed").isNotNegative();
        assertThat(to).as("'" + end + "' printed after it").isGreaterThan(from);
        return out.substring(from, to);
    }

    private DemoConnector connector(String printed, String party, Path root) {
        Matcher block = BLOCK.matcher(printed);
        while (block.find()) {
            if (block.group("party").equals(party)) {
                Path directory = root.resolve(party);
                assertThat(Path.of(block.group("password"))).isEqualTo(directory.resolve("operator-password"))
                        .isRegularFile();
                return new DemoConnector(party, party, block.group("backend"), Integer.parseInt(block.group("port")),
                        Integer.parseInt(block.group("management")), directory, block.group("token"));
            }
        }
        throw new AssertionError("nothing printed for " + party + " in:\n" + printed);
    }

    private Path ca() {
        try {
            return work.resolve("data/demo/pki/ca.crt").toRealPath();
        } catch (IOException e) {
            throw new AssertionError("no demo CA certificate", e);
        }
    }

    /**
     * {@code ./lexbridge ARGS} in the test's directory, as the script runs it ({@code exec java -jar}: the JVM is the
     * process signals reach); a demo writes to demo.out/err, anything else to document.out/err.
     */
    private Process lexbridge(String... args) throws IOException {
        // The demo's connectors map the class-data archive the build made, if it is there yet (ClassDataArchive): they
        // start on less CPU and behave the same; nothing is made or left running by the demo.
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(ScriptJvm.options(args[0]));
        command.addAll(List.of("-D" + ClassDataArchive.ENABLED + "=" + ClassDataArchive.enabled(), "-jar",
                jar.toString()));
        command.addAll(List.of(args));
        String name = args[0];
        return new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(work.resolve(name + ".out").toFile())
                .redirectError(work.resolve(name + ".err").toFile()).start();
    }

    private String read(String file) {
        try {
            return Files.readString(work.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = KeepRunningDemoIT.class.getResourceAsStream("/demo/" + name)) {
            return in.readAllBytes();
        }
    }

    private static <T> T await(String what, Supplier<T> probe) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
