package eu.lexbridge.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.lexbridge.trust.pki.PartyKeys;
import eu.lexbridge.trust.pki.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two connector processes from the packaged jar, real HTTPS and AS4 on loopback, real Artemis journals and databases,
 * on the embedded access point only: what this class checks is that access point's own (its retries while the receiver
 * is down, the AS4 signature it checks). With Domibus, a message waits in Domibus and Domibus checks the AS4 signature:
 * {@link DomibusModeIT}. Its static helpers serve the other end-to-end tests of this package.
 */
class TwoConnectorsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    /** Short broker back-off so that a retry happens within the test. */
    private static final List<String> QUICK_RETRIES = List.of("--lexbridge.routes.first-retry-delay=1s",
            "--lexbridge.routes.max-retry-delay=3s");

    @TempDir
    Path root;

    private Path jar;
    private DemoNetwork network;

    @BeforeEach
    void prepare() {
        jar = PackagedJar.path();
        network = SharedDemoPki.network(root);
    }

    /**
     * One German connector, and the Austrian one started three times around it (starting connectors is the suite's most
     * expensive step). First a message Austria sent while Germany was down survives Austria's restart and arrives once.
     * Then Austria signs its AS4 message with a key of the right name from a CA that Germany does not trust, and the
     * message fails at the sender with nothing delivered. (A container sealed by the wrong key is the connectors' own
     * check, on either access point: {@link WrongSealsIT}.)
     */
    @Test
    void aMessageSentWhileTheReceiverWasDownArrivesOnceAndAMessageSignedByAnUntrustedKeyIsRefused() throws Exception {
        DemoConnector at = network.issuing();
        DemoConnector de = network.enforcing();
        JsonNode submitted;
        String sentId;
        try (var a = ConnectorProcess.start(at, jar, QUICK_RETRIES)) {
            var atBackend = up(a);
            submitted = submit(atBackend, de);
            sentId = submitted.path("connectorMessageId").asText();
            // each failed attempt is a line of the message's timeline, and the broker tries again until the relay timeout
            await("a failed attempt", () -> atBackend.timeline(sentId).path("entries").toString()
                    .contains("send attempt ") ? true : null);
            assertThat(atBackend.message(sentId).path("state").asText()).isEqualTo("ACCEPTED");
        }
        String delivered = submitted.path("ebmsMessageId").asText();
        try (var b = ConnectorProcess.start(de, jar)) {
            var deBackend = up(b);
            // The pending send lives in the Artemis journal, not in memory: it goes on after a restart.
            try (var a = ConnectorProcess.start(at, jar, QUICK_RETRIES)) {
                var atBackend = up(a);
                JsonNode arrived = await("the message after the receiver came back",
                        () -> find(deBackend.inbox(), submitted));
                assertThat(arrived.path("ebmsMessageId").asText()).isEqualTo(delivered);
                await("RELAYED at the sender", () -> states(atBackend.timeline(sentId)).contains("RELAYED") ? true
                        : null);
                assertThat(others(deBackend.inbox(), delivered)).as("delivered once").isEmpty();
                assertThat(deBackend.inbox().path("messages")).hasSize(1);
                assertThat(states(atBackend.timeline(sentId))).containsSubsequence("SUBMITTED", "ACCEPTED", "RELAYED");
            }

            replaceWithKeyFromAnotherCa(root, at, "as4.p12", PartyKeys::as4KeyStore);
            int securityEventsBefore = countOf("lexbridge.security", Files.readString(de.logFile()));
            try (var a = ConnectorProcess.start(at, jar)) {
                var atBackend = up(a);
                String refusedId = submit(atBackend, de).path("connectorMessageId").asText();

                await("RELAY_FAILED at the sender", () -> "RELAY_FAILED".equals(atBackend.message(refusedId)
                        .path("state").asText()) ? true : null);
                assertThat(evidences(atBackend.timeline(refusedId))).contains("RELAY_REMMD_FAILURE/ISSUED");
                assertThat(others(deBackend.inbox(), delivered)).isEmpty();
            }
            int securityEvents = countOf("lexbridge.security", Files.readString(de.logFile()));
            assertThat(securityEvents).as("the refused signature in Germany's security log")
                    .isGreaterThan(securityEventsBefore);
        }
    }

    /** The inbox's messages other than the one with ebMS id {@code delivered}. */
    private static List<JsonNode> others(JsonNode inbox, String delivered) {
        return StreamSupport.stream(inbox.path("messages").spliterator(), false)
                .filter(m -> !m.path("ebmsMessageId").asText().equals(delivered)).toList();
    }

    /** How often {@code needle} occurs in {@code text}. */
    static int countOf(String needle, String text) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            count++;
        }
        return count;
    }

    /** Swaps one of a party's key stores for one with the same name issued by a CA nobody trusts. */
    static void replaceWithKeyFromAnotherCa(Path root, DemoConnector connector, String file,
                                            java.util.function.Function<PartyKeys, Path> keyStore) throws Exception {
        var rogue = TestPki.generate(root.resolve("rogue-pki"), List.of(connector.party()), DemoNetwork.PKI_PASSWORD)
                .parties().get(connector.party());
        Files.copy(keyStore.apply(rogue), root.resolve("pki").resolve(connector.party()).resolve(file),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** The log is in the test's temporary directory, which is gone once the test failed: the failure carries it. */
    static String logTail(DemoConnector connector, int lines) {
        try {
            List<String> all = Files.readAllLines(connector.logFile(), StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (java.io.IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private BackendClient up(ConnectorProcess process) {
        return up(process, network);
    }

    /** The connector's back-end, once the connector is up. */
    static BackendClient up(ConnectorProcess process, DemoNetwork network) {
        var client = new BackendClient(process.connector(), network.caCertificate());
        await(process.connector().party() + " to start", () -> {
            if (!process.isAlive()) {
                throw new AssertionError(process.connector().party() + " stopped while starting; the end of its log:\n"
                        + logTail(process.connector(), 40));
            }
            return client.isUp() ? true : null;
        });
        return client;
    }

    private JsonNode submit(BackendClient backend, DemoConnector to) throws Exception {
        return submit(network, backend, to);
    }

    /** The demo's EPOC, its PDF sealed by the issuing authority, submitted by the issuing connector's back-end. */
    static JsonNode submit(DemoNetwork network, BackendClient backend, DemoConnector to) throws Exception {
        String metadata = """
                {"backendMessageId":"IT-%d","service":"%s","action":"%s","toPartyId":"%s",\
                "originalSender":"AT/Staatsanwaltschaft Wien","finalRecipient":"DE/Amtsgericht Berlin"}"""
                .formatted(System.nanoTime(), DemoNetwork.SERVICE, DemoNetwork.ACTION, to.party());
        byte[] xml;
        byte[] pdf;
        try (var x = TwoConnectorsIT.class.getResourceAsStream("/demo/epoc-sample.xml");
             var p = TwoConnectorsIT.class.getResourceAsStream("/demo/epoc-sample.pdf")) {
            xml = x.readAllBytes();
            pdf = p.readAllBytes();
        }
        return backend.submit(metadata, "epoc.xml", xml, "epoc.pdf",
                network.sealDocument(network.issuing(), pdf, "epoc.pdf"));
    }

    /**
     * The demo's EPOC as the receiving back-end sees it: from {@code sender}, its four-corner names, its content, and
     * the document that travelled sealed in the e-CODEX container with the Trust OK token beside it.
     */
    static void assertTheEpocArrivedWhole(JsonNode received, BackendClient receiver, DemoConnector sender)
            throws Exception {
        assertThat(received.path("originalSender").asText()).isEqualTo("AT/Staatsanwaltschaft Wien");
        assertThat(received.path("finalRecipient").asText()).isEqualTo("DE/Amtsgericht Berlin");
        assertThat(received.path("from").path("partyId").asText()).isEqualTo(sender.party());
        byte[] content = receiver.download(payload(received, "BUSINESS_CONTENT").path("href").asText());
        assertThat(new String(content, StandardCharsets.UTF_8)).contains("DEMO-2026-0042");
        assertThat(payload(received, "CONTAINER").path("name").asText()).isEqualTo("ASIC-S");
        assertThat(payload(received, "TRUST_TOKEN").path("name").asText()).isEqualTo("tokenXML");
        assertThat(received.path("payloads").findValuesAsText("name")).contains("tokenPDF");
        assertThat(payload(received, "BUSINESS_DOCUMENT").path("name").asText()).isEqualTo("epoc.pdf");
        assertThat(receiver.download(payload(received, "BUSINESS_DOCUMENT").path("href").asText()))
                .startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
    }

    static JsonNode find(JsonNode inbox, JsonNode submitted) {
        for (JsonNode m : inbox.path("messages")) {
            if (m.path("ebmsMessageId").asText().equals(submitted.path("ebmsMessageId").asText())) {
                return m;
            }
        }
        return null;
    }

    static JsonNode payload(JsonNode message, String kind) {
        for (JsonNode p : message.path("payloads")) {
            if (kind.equals(p.path("kind").asText())) {
                return p;
            }
        }
        throw new AssertionError("no " + kind + " payload in " + message);
    }

    /** The states a REST timeline lists, in order. */
    static List<String> states(JsonNode timeline) {
        List<String> states = new ArrayList<>();
        timeline.path("entries").forEach(e -> {
            if (e.hasNonNull("state")) {
                states.add(e.path("state").asText());
            }
        });
        return states;
    }

    static List<String> evidences(JsonNode timeline) {
        List<String> evidences = new ArrayList<>();
        timeline.path("evidences").forEach(e -> evidences.add(e.path("type").asText() + "/" + e.path("origin").asText()));
        return evidences;
    }

    static <T> T await(String what, Supplier<T> probe) {
        Instant deadline = Instant.now().plus(PATIENCE);
        AssertionError last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                T value = probe.get();
                if (value != null) {
                    return value;
                }
            } catch (IllegalStateException e) {
                last = new AssertionError(e.getMessage(), e); // the connector not answering yet
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
        throw last != null ? new AssertionError("timed out waiting for " + what + "; last: " + last.getMessage())
                : new AssertionError("timed out waiting for " + what);
    }
}
