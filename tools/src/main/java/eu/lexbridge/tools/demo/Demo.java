package eu.lexbridge.tools.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

    private final Path dir;
    private final Duration timeout;

    public Demo(Path dir, int timeoutSeconds) {
        this.dir = dir.toAbsolutePath().normalize();
        this.timeout = Duration.ofSeconds(timeoutSeconds);
    }

    /** @return true when the EPOC went across and both sides show DELIVERY */
    public boolean run() {
        Instant started = Instant.now();
        System.out.println("LexBridge demo - data in " + dir);
        DemoNetwork network = new DemoNetwork(dir);
        network.prepare();
        Path jar = ownJar();
        DemoConnector at = network.issuing();
        DemoConnector de = network.enforcing();
        for (DemoConnector connector : java.util.List.of(at, de)) {
            System.out.println("  management of " + connector.party() + ": " + connector.managementUri()
                    + "/actuator/hawtio/ - login " + DemoNetwork.OPERATOR + ", password in "
                    + connector.operatorPasswordFile());
        }
        System.out.println("  starting " + at.party() + " (" + at.label() + ") on " + at.baseUri());
        System.out.println("  starting " + de.party() + " (" + de.label() + ") on " + de.baseUri());
        try (ConnectorProcess atProcess = ConnectorProcess.start(at, jar);
             ConnectorProcess deProcess = ConnectorProcess.start(de, jar)) {
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
            String metadata = """
                    {"backendMessageId":"%s","service":"%s","action":"%s","toPartyId":"%s",\
                    "originalSender":"AT/Staatsanwaltschaft Wien","finalRecipient":"DE/Amtsgericht Berlin"}"""
                    .formatted(backendMessageId, DemoNetwork.SERVICE, DemoNetwork.ACTION, de.party());
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
            System.out.printf("%nEPOC exchanged end to end in %.1f s (submit to DELIVERY at the sender); "
                    + "whole demo %.1f s.%n", seconds(exchangeStart, done), seconds(started, done));
            System.out.println("Connector logs: " + at.logFile() + ", " + de.logFile());
            return true;
        } catch (DemoFailure e) {
            System.err.println("\nThe demo failed: " + e.getMessage());
            System.err.println("Connector logs: " + at.logFile() + ", " + de.logFile());
            return false;
        } catch (RuntimeException e) {
            System.err.println("\nThe demo failed: " + e);
            System.err.println("Connector logs: " + at.logFile() + ", " + de.logFile());
            return false;
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

    /** The demo starts connectors from the same jar it runs from. */
    private static Path ownJar() {
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
