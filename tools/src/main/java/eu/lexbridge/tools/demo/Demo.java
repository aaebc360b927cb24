package eu.lexbridge.tools.demo;

import com.fasterxml.jackson.databind.JsonNode;
import eu.lexbridge.core.flow.DocumentPolicy;
import eu.lexbridge.core.transport.As4Profile;
import eu.lexbridge.tools.CaseTimelinePrinter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * The demo: an Austrian prosecutor's office notifies a European Production Order Certificate to a German court, over
 * two real connectors exchanging signed and encrypted AS4 on loopback, and both timelines are printed.
 */
public final class Demo {

    /** Where the demo keeps its data unless told otherwise, relative to the working directory. */
    public static final String DIRECTORY = "data/demo";
    /** The demo's test PKI, below {@link #DIRECTORY}. */
    public static final String PKI_DIRECTORY = DIRECTORY + "/pki";
    /** The password of the demo PKI's key stores: demo only; a real deployment takes its passwords from outside. */
    public static final String PKI_PASSWORD = "demo-only-changeit";
    /** Who the demo's EPOC is for: the German enforcing authority for Berlin (Regulation 2023/1543 Art 8). */
    static final String RECIPIENT_QUERY = "instrument=E-EVIDENCE&role=enforcing&country=DE&postalCode=10115";

    private final Path dir;
    private final Duration timeout;
    private final boolean keepRunning;
    private final As4Profile profile;
    /** Set by the shutdown hook (Ctrl-C, SIGTERM): the connectors stopping then is no failure. */
    private volatile boolean stopping;

    /**
     * @param keepRunning after the exchange, leave both connectors up and print how to reach them, until the JVM is
     *     asked to stop (Ctrl-C, SIGTERM)
     * @param profile the eDelivery AS4 profile the two connectors speak: 1.x, e-CODEX's today, or 2.0
     */
    public Demo(Path dir, int timeoutSeconds, boolean keepRunning, As4Profile profile) {
        this.dir = dir.toAbsolutePath().normalize();
        this.timeout = Duration.ofSeconds(timeoutSeconds);
        this.keepRunning = keepRunning;
        this.profile = profile;
    }

    /** @return true when the EPOC went across and both sides show DELIVERY */
    public boolean run() {
        Instant started = Instant.now();
        System.out.println("LexBridge demo - data in " + dir);
        DemoNetwork network = new DemoNetwork(dir, DocumentPolicy.QUALIFIED, profile);
        network.prepare();
        Path jar = ownJar();
        DemoConnector at = network.issuing();
        DemoConnector de = network.enforcing();
        for (DemoConnector connector : java.util.List.of(at, de)) {
            System.out.println("  management of " + connector.party() + ": " + connector.managementUri()
                    + "/actuator/hawtio/ - login " + DemoNetwork.OPERATOR + ", password in "
                    + connector.operatorPasswordFile());
        }
        System.out.println("  the two connectors speak eDelivery AS4 " + profile.label() + " to each other");
        System.out.println("  starting " + at.party() + " (" + at.label() + ") on " + at.baseUri());
        System.out.println("  starting " + de.party() + " (" + de.label() + ") on " + de.baseUri());
        Thread stopHook = null;
        try (ConnectorProcess atProcess = ConnectorProcess.start(at, jar);
             ConnectorProcess deProcess = ConnectorProcess.start(de, jar)) {
            // Ctrl-C or SIGTERM at any point stops both connectors: none is left running without the demo.
            stopHook = new Thread(() -> stopBoth(atProcess, deProcess), "lexbridge-demo-stop");
            Runtime.getRuntime().addShutdownHook(stopHook);
            var atBackend = new BackendClient(at, network.caCertificate());
            var deBackend = new BackendClient(de, network.caCertificate());
            await("both connectors to start", () -> {
                requireAlive(atProcess);
                requireAlive(deProcess);
                return atBackend.isUp() && deBackend.isUp();
            });
            Instant exchangeStart = Instant.now();
            System.out.printf("  both connectors up after %.1f s%n", seconds(started, exchangeStart));

            byte[] epoc = resource("epoc-sample.xml");
            // The issuing authority seals its order (PAdES-B, qualified e-seal): the service's policy is QUALIFIED.
            byte[] pdf = network.sealDocument(at, resource("epoc-sample.pdf"), "epoc.pdf");
            System.out.println("\n[AT back-end] sealed epoc.pdf (PAdES-BASELINE-B) with the qualified e-seal "
                    + network.documentSeal(at).certificate().getSubjectX500Principal().getName());
            String backendMessageId = "AT-EPOC-" + Instant.now().toEpochMilli();
            // Addressed by competence, not by party: the directory finds the enforcing authority for the place.
            JsonNode found = atBackend.authorities(RECIPIENT_QUERY);
            for (JsonNode match : found.path("matches")) {
                System.out.println("[AT back-end] directory: " + match.path("authorityId").asText() + " ("
                        + match.path("name").asText() + ") at party " + match.path("address").path("partyId")
                        .asText() + ", because " + match.path("reason").asText());
            }
            String metadata = """
                    {"backendMessageId":"%s","service":"%s","action":"%s",\
                    "originalSender":"AT/Staatsanwaltschaft Wien",\
                    "recipient":{"instrument":"E-EVIDENCE","role":"enforcing","country":"DE","postalCode":"10115"}}"""
                    .formatted(backendMessageId, DemoNetwork.SERVICE, DemoNetwork.ACTION);
            JsonNode submitted = atBackend.submit(metadata, "epoc.xml", epoc, "epoc.pdf", pdf);
            String sentId = submitted.path("connectorMessageId").asText();
            System.out.println("\n[AT back-end] submitted EPOC " + backendMessageId + " -> connector message " + sentId);

            JsonNode arrived = await("the EPOC to reach the German back-end", () -> {
                for (JsonNode m : deBackend.inbox().path("messages")) {
                    if (m.path("ebmsMessageId").asText().equals(submitted.path("ebmsMessageId").asText())) {
                        return m;
                    }
                }
                return null;
            });
            String receivedId = arrived.path("connectorMessageId").asText();
            JsonNode received = deBackend.message(receivedId);
            for (JsonNode payload : received.path("payloads")) {
                byte[] bytes = deBackend.download(payload.path("href").asText());
                boolean intact = sha256(bytes).equals(payload.path("sha256").asText());
                System.out.printf("[DE back-end] fetched %-16s %-22s %6d bytes, SHA-256 %s%n",
                        payload.path("kind").asText(), payload.path("name").asText(), bytes.length,
                        intact ? "matches" : "DOES NOT MATCH");
                if (!intact) {
                    return false;
                }
            }
            deBackend.acknowledge(receivedId);
            System.out.println("[DE back-end] acknowledged message " + receivedId);

            await("DELIVERY to reach the Austrian connector", () ->
                    "DELIVERED".equals(atBackend.message(sentId).path("state").asText()) ? Boolean.TRUE : null);
            Instant done = Instant.now();

            System.out.println("\nTimeline at " + at.party() + " (sent):");
            TimelinePrinter.print(atBackend.timeline(sentId));
            System.out.println("\nTimeline at " + de.party() + " (received):");
            TimelinePrinter.print(deBackend.timeline(receivedId));

            // The data are too large for the system (Art 19(5)): the German side hands them over on a disk, and
            // records that transmission in the system, sealed, in the EPOC's conversation (Art 19(6)).
            String conversationId = received.path("conversationId").asText();
            JsonNode record = deBackend.recordTransmission(offSystemRecord(conversationId, receivedId));
            System.out.println("\n[DE back-end] recorded transmission " + record.path("recordId").asText()
                    + " outside the system: " + record.path("fileName").asText() + ", "
                    + record.path("fileSize").asLong() + " bytes, " + record.at("/contentHash/algorithm").asText()
                    + " " + record.at("/contentHash/value").asText() + ", to " + record.path("recipient").asText()
                    + " by " + record.path("channel").asText() + ", because of " + record.path("reasonText").asText()
                    + "; sealed record SHA-256 " + record.path("documentSha256").asText());
            System.out.println("\nCase timeline at " + de.party() + " (conversation " + conversationId
                    + "), with the time limits of its EPOC:");
            CaseTimelinePrinter.print(deBackend.conversationTimeline(conversationId), System.out);
            System.out.printf("%nEPOC exchanged end to end in %.1f s (submit to DELIVERY at the sender); "
                    + "whole demo %.1f s.%n", seconds(exchangeStart, done), seconds(started, done));
            System.out.println("Connector logs: " + at.logFile() + ", " + de.logFile());
            if (keepRunning) {
                printConnections(network, at, de);
                keepRunning(atProcess, deProcess);
            }
            return true;
        } catch (DemoFailure e) {
            System.err.println("\nThe demo " + (stopping ? "was stopped" : "failed") + ": " + e.getMessage());
            System.err.println("Connector logs: " + at.logFile() + ", " + de.logFile());
            return false;
        } catch (RuntimeException e) {
            System.err.println("\nThe demo " + (stopping ? "was stopped" : "failed") + ": " + e);
            System.err.println("Connector logs: " + at.logFile() + ", " + de.logFile());
            return false;
        } finally {
            if (stopHook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(stopHook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or has run: it stops the connectors
                }
            }
        }
    }

    /**
     * The record of the demo's off-system transmission: the data an EPOC asks for, too large for the system, on an
     * encrypted disk. The digest stands for the disk image's; the demo has no 3 GiB file to hash.
     */
    private static String offSystemRecord(String conversationId, String relatedMessageId) {
        String digest = sha256(("DEMO-2026-0042 data " + conversationId).getBytes(StandardCharsets.UTF_8));
        return """
                {"backendRecordId":"DE-REC-%s","conversationId":"%s","relatedMessageId":"%s",\
                "transmittedAt":"%s","sender":"DE/Landgericht Berlin I (demo)",\
                "recipient":"AT/Staatsanwaltschaft Wien (demo)","fileName":"DEMO-2026-0042-data.zip",\
                "fileSize":3221225472,"reason":"data-size","channel":"encrypted disk by courier (demo)",\
                "contentHash":{"algorithm":"SHA-256","value":"%s"},"instrument":"E-EVIDENCE","form":"EPOC data",\
                "operator":"Geschäftsstelle (demo)"}""".formatted(Instant.now().toEpochMilli(), conversationId,
                relatedMessageId, Instant.now(), digest);
    }

    /**
     * What an integrator needs to point a back-end or a browser at each connector. The tokens are this run's (the
     * configuration keeps only their SHA-256); the operator passwords stay in their owner-only files.
     */
    private static void printConnections(DemoNetwork network, DemoConnector... connectors) {
        System.out.println("\nBoth connectors keep running; Ctrl-C (or SIGTERM) stops them.");
        System.out.println("TLS: the connectors' certificates are issued by the test CA " + network.caCertificate());
        for (DemoConnector c : connectors) {
            URI api = c.baseUri().resolve("/api/v1/messages");
            System.out.println("\n" + c.party() + " - " + c.label());
            System.out.println("  back-end API    " + api + "   (OpenAPI: " + c.baseUri().resolve("/v3/api-docs")
                    + ")");
            System.out.println("  back-end        " + c.backend());
            System.out.println("  bearer token    " + c.backendToken());
            System.out.println("  management      " + c.managementUri() + "/actuator/hawtio/   (Prometheus: "
                    + c.managementUri() + "/actuator/prometheus)");
            System.out.println("  operator login  " + DemoNetwork.OPERATOR + ", password in "
                    + c.operatorPasswordFile());
            System.out.println("  log             " + c.logFile());
            System.out.println("  try             curl --cacert " + network.caCertificate() + " -H 'Authorization: "
                    + "Bearer " + c.backendToken() + "' " + api + "/inbox");
        }
        System.out.flush();
    }

    /** Until the JVM is asked to stop (the shutdown hook then stops both), or a connector stops on its own. */
    private void keepRunning(ConnectorProcess... processes) {
        while (!stopping) {
            for (ConnectorProcess process : processes) {
                // Ctrl-C reaches the connectors too (one process group): give the hook a moment to say so first.
                if (!process.isAlive() && !pause(Duration.ofSeconds(1)) && !stopping) {
                    throw new DemoFailure("connector " + process.connector().party() + " stopped on its own; see "
                            + process.connector().logFile());
                }
            }
            if (pause(Duration.ofMillis(500))) {
                return;
            }
        }
        // The shutdown hook is stopping the connectors; the JVM ends when it is done.
        try {
            new java.util.concurrent.CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return true when interrupted */
    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Both at once (SIGTERM to each, then wait for each): a graceful stop takes the time of the slower one. */
    private void stopBoth(ConnectorProcess... processes) {
        stopping = true;
        boolean running = java.util.Arrays.stream(processes).anyMatch(ConnectorProcess::isAlive);
        if (running) {
            System.out.println("\nStopping both connectors...");
        }
        for (ConnectorProcess process : processes) {
            process.requestStop();
        }
        for (ConnectorProcess process : processes) {
            process.close();
        }
        if (running) {
            System.out.println("Both connectors stopped.");
        }
    }

    private <T> T await(String what, Supplier<T> probe) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            T value = probe.get();
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoFailure("interrupted while waiting for " + what);
            }
        }
        throw new DemoFailure("timed out after " + timeout.toSeconds() + " s waiting for " + what);
    }

    private static void requireAlive(ConnectorProcess process) {
        if (!process.isAlive()) {
            throw new DemoFailure("connector " + process.connector().party() + " stopped; see "
                    + process.connector().logFile());
        }
    }

    /** The demo (and the bench) starts connectors from the same jar it runs from. */
    public static Path ownJar() {
        String explicit = System.getProperty("lexbridge.jar");
        String path = explicit != null ? explicit : System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0];
        if (!path.endsWith(".jar")) {
            throw new DemoFailure("the demo must run from the application jar (./lexbridge demo), not from " + path);
        }
        return Paths.get(path).toAbsolutePath();
    }

    private static byte[] resource(String name) {
        try (InputStream in = Demo.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("demo resource " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    /** A step that did not happen in time; the message says which. */
    private static final class DemoFailure extends RuntimeException {
        DemoFailure(String message) {
            super(message);
        }
    }
}
