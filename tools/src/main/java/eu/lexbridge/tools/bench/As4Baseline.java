package eu.lexbridge.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.lexbridge.tools.bench.BenchReport.BaselineRun;
import eu.lexbridge.tools.demo.DemoNetwork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The baseline beside the connectors: two {@code lexbridge bench as4-peer} processes with the demo network's keys and
 * TLS, the same JVM options, the same message count and concurrency, and nothing but AS4 between them.
 */
final class As4Baseline {

    /** The size of each evidence-sized part; the connector's evidences and token are of this order. */
    static final int EVIDENCE_BYTES = 8 * 1024;

    private final LoadOptions options;
    private final DemoNetwork network;
    private final Path jar;
    private final Path dir;

    As4Baseline(LoadOptions options, DemoNetwork network, Path jar, Path dir) {
        this.options = options;
        this.network = network;
        this.jar = jar;
        this.dir = dir;
    }

    BaselineRun run() {
        String sender = network.issuing().party();
        String answerer = network.enforcing().party();
        int senderPort = DemoNetwork.freePort();
        int answererPort = DemoNetwork.freePort();
        while (answererPort == senderPort) {
            answererPort = DemoNetwork.freePort();
        }
        Path result = dir.resolve("result.json");
        Path senderReady = dir.resolve("sender.ready");
        Path answererReady = dir.resolve("answerer.ready");
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(result);
            Files.deleteIfExists(senderReady);
            Files.deleteIfExists(answererReady);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int messages = options.measuredMessages();
        int inFlight = options.effectiveInFlight();
        System.out.printf("%sbaseline: raw AS4, %d exchanges (after %d warm-up), %d in flight...%n",
                ConnectorLoad.elapsed(), messages,
                options.warmUp(), inFlight);
        Process answering = start(peer(As4Peer.Role.ANSWER, answerer, sender, answererPort, senderPort, 0, 0,
                answererReady, result, 0), "answerer.log");
        List<Process> peers = new java.util.concurrent.CopyOnWriteArrayList<>(List.of(answering));
        Thread stopHook = new Thread(() -> peers.forEach(Process::destroy), "lexbridge-baseline-stop");
        Runtime.getRuntime().addShutdownHook(stopHook);
        try {
            // both JVMs start at once; the sender waits for the answerer's ready file before its first message
            Process sending = start(peer(As4Peer.Role.SEND, sender, answerer, senderPort, answererPort, messages,
                    inFlight, senderReady, result, answering.pid()), "sender.log");
            peers.add(sending);
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.timeout().toSeconds() + messages);
                while (!sending.waitFor(200, TimeUnit.MILLISECONDS)) {
                    if (!answering.isAlive()) {
                        throw new IllegalStateException("the baseline's answering peer stopped; see "
                                + dir.resolve("answerer.log"));
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the baseline did not end in time; see " + dir);
                    }
                }
                if (!Files.exists(result)) {
                    throw new IllegalStateException("the baseline sender ended (" + sending.exitValue()
                            + ") without a result; see " + dir.resolve("sender.log"));
                }
            } finally {
                sending.destroyForcibly();
            }
            System.out.println(ConnectorLoad.elapsed() + "baseline done");
            return read(result);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } finally {
            ConnectorLoad.removeHook(stopHook);
            answering.destroy();
            try {
                answering.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answering.destroyForcibly();
        }
    }

    private List<String> peer(As4Peer.Role role, String party, String partner, int port, int partnerPort,
                              int messages, int inFlight, Path ready, Path result, long partnerPid) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(options.jvmOptions());
        command.addAll(List.of("-jar", jar.toString(), "bench", "as4-peer",
                "--role", role.name().toLowerCase(java.util.Locale.ROOT),
                "--pki", network.pkiDirectory().toAbsolutePath().toString(),
                "--party", party, "--partner", partner,
                "--port", Integer.toString(port), "--partner-port", Integer.toString(partnerPort),
                "--data", dir.resolve(party).toAbsolutePath().toString(),
                "--messages", Integer.toString(messages), "--warm-up", Integer.toString(options.warmUp()),
                "--in-flight", Integer.toString(Math.max(1, inFlight)),
                "--content-size", Integer.toString(options.contentBytes()),
                "--document-size", Integer.toString(options.documentBytes()),
                "--evidence-size", Integer.toString(EVIDENCE_BYTES),
                "--ready", ready.toAbsolutePath().toString(), "--result", result.toAbsolutePath().toString(),
                "--partner-pid", Long.toString(partnerPid)));
        if (role == As4Peer.Role.SEND) {
            command.addAll(List.of("--partner-ready", dir.resolve("answerer.ready").toAbsolutePath().toString()));
        }
        return command;
    }

    private Process start(List<String> command, String log) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(log).toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start an AS4 peer", e);
        }
    }


    static BaselineRun read(Path result) {
        try {
            JsonNode json = new ObjectMapper().readTree(result.toFile());
            int exchanges = json.path("exchanges").asInt();
            Map<String, Latencies> latencies = new LinkedHashMap<>();
            json.path("latenciesMillis").properties().forEach(e -> latencies.put(e.getKey(), new Latencies(
                    e.getValue().path("count").asInt(), e.getValue().path("p50").asDouble(),
                    e.getValue().path("p95").asDouble(), e.getValue().path("p99").asDouble(),
                    e.getValue().path("max").asDouble())));
            return new BaselineRun(exchanges, json.path("inFlight").asInt(), json.path("seconds").asDouble(),
                    json.path("exchangesPerSecond").asDouble(), latencies,
                    1000 * json.path("senderCpuSeconds").asDouble() / exchanges,
                    1000 * json.path("answererCpuSeconds").asDouble() / exchanges, json.path("failures").asInt(),
                    LoadBench.loadAverage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the baseline's result " + result, e);
        }
    }
}
