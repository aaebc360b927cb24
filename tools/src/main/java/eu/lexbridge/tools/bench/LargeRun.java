package eu.lexbridge.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import eu.lexbridge.core.flow.DocumentPolicy;
import eu.lexbridge.tools.demo.BackendClient;
import eu.lexbridge.tools.demo.BackendClient.Part;
import eu.lexbridge.tools.demo.ConnectorProcess;
import eu.lexbridge.tools.demo.DemoConnector;
import eu.lexbridge.tools.demo.DemoNetwork;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code lexbridge bench large}: one message a size, each with one attachment of that size, from the sending
 * back-end's REST upload to the receiving back-end's download, through two whole connectors (container built and
 * sealed, signed and encrypted AS4 over HTTPS, container verified, evidences sealed and verified) with the heap the
 * options give them. The attachment is made as it is uploaded and hashed as it is downloaded, so the bench holds none
 * of it either.
 */
final class LargeRun {

    /** Heap samples, each a scrape of the connector's Prometheus endpoint. */
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(3);

    /**
     * @param sizes the attachment of each message, in bytes, sent one after the other
     * @param timeout for a connector's start, and for each message from upload to DELIVERED
     */
    record Options(Path dir, List<Long> sizes, Duration timeout, List<String> jvmOptions, Path json) {
    }

    /**
     * One message's figures. Seconds count from the start of the upload; CPU is each connector process's CPU time
     * over the same span; heap figures are the highest samples (heap in use, and old generation after a full
     * collection); RSS the process's high-water mark since it started.
     */
    record Transfer(long bytes, double uploadSeconds, double availableSeconds, double downloadedSeconds,
                    double deliveredSeconds, double mebibytesPerSecond, double senderCpuSeconds,
                    double receiverCpuSeconds, double senderHeapPeakMiB, double receiverHeapPeakMiB,
                    double senderLiveDataPeakMiB, double receiverLiveDataPeakMiB, Double senderRssPeakMiB,
                    Double receiverRssPeakMiB, boolean hashesEqual, List<String> leftovers, String problem) {

        boolean passed() {
            return problem == null && hashesEqual && leftovers.isEmpty();
        }
    }

    record Report(String startedAt, String java, int cpus, String jvmOptions, String loadAverageBefore,
                  String loadAverageAfter, List<Transfer> transfers) {

        boolean passed() {
            return !transfers.isEmpty() && transfers.stream().allMatch(Transfer::passed);
        }

        void print(PrintStream out) {
            out.printf("%nLarge payloads through two connectors (%s; Java %s, %d CPUs; load %s → %s)%n", jvmOptions,
                    java, cpus, loadAverageBefore, loadAverageAfter);
            out.println("| attachment | upload | available | downloaded | DELIVERED | MiB/s to available "
                    + "| CPU s sender / receiver | heap peak MiB | old gen after full GC MiB | RSS peak MiB | hashes |");
            out.println("|---|---|---|---|---|---|---|---|---|---|---|");
            for (Transfer t : transfers) {
                out.printf(Locale.ROOT, "| %s | %.1f s | %.1f s | %.1f s | %.1f s | %.1f | %.1f / %.1f | %.0f / %.0f "
                                + "| %.0f / %.0f | %s / %s | %s |%n", size(t.bytes()), t.uploadSeconds(),
                        t.availableSeconds(), t.downloadedSeconds(), t.deliveredSeconds(), t.mebibytesPerSecond(),
                        t.senderCpuSeconds(), t.receiverCpuSeconds(), t.senderHeapPeakMiB(),
                        t.receiverHeapPeakMiB(), t.senderLiveDataPeakMiB(), t.receiverLiveDataPeakMiB(),
                        mib(t.senderRssPeakMiB()), mib(t.receiverRssPeakMiB()),
                        t.problem() != null ? "FAILED: " + t.problem() : t.hashesEqual() ? "equal" : "DIFFER");
                if (!t.leftovers().isEmpty()) {
                    out.println("  left behind in temporary directories: " + String.join(", ", t.leftovers()));
                }
            }
            out.println(passed() ? "PASSED" : "FAILED");
        }

        void writeJson(Path file) {
            BenchReport.writeJson(this, file);
        }

        private static String mib(Double value) {
            return value == null ? "n/a" : String.format(Locale.ROOT, "%.0f", value);
        }
    }

    /**
     * What a run adds to a connector's settings once the network is laid out (its ports chosen), e.g. the access point
     * it reaches when that is not the embedded one.
     */
    @FunctionalInterface
    interface ConnectorSettings {
        List<String> of(DemoNetwork network, DemoConnector connector);
    }

    private final Options options;
    private final Path jar;
    private final ConnectorSettings extra;

    LargeRun(Options options, Path jar) {
        this(options, jar, (network, connector) -> List.of());
    }

    LargeRun(Options options, Path jar, ConnectorSettings extra) {
        this.options = options;
        this.jar = jar;
        this.extra = extra;
    }

    Report run() {
        Path dir = options.dir().toAbsolutePath().normalize();
        String startedAt = Instant.now().toString();
        String loadBefore = LoadBench.loadAverage();
        // the bench's PDF is not signed: the document policy that asks for no signature, as bench load's default
        DemoNetwork network = new DemoNetwork(dir, DocumentPolicy.AUTHENTICATION);
        network.prepare();
        DemoConnector at = network.issuing();
        DemoConnector de = network.enforcing();
        for (DemoConnector connector : List.of(at, de)) {
            LoadBench.deleteTree(connector.directory().resolve("data"));
        }
        List<String> settings = settings(options.sizes().stream().mapToLong(Long::longValue).max().orElseThrow());
        List<Transfer> transfers = new ArrayList<>();
        System.out.println(ConnectorLoad.elapsed() + "starting the connectors " + at.party() + " (sends) and "
                + de.party() + " (receives), " + String.join(" ", options.jvmOptions()) + "...");
        try (ConnectorProcess atProcess = ConnectorProcess.start(at, jar, options.jvmOptions(),
                with(settings, extra.of(network, at)));
             ConnectorProcess deProcess = ConnectorProcess.start(de, jar, options.jvmOptions(),
                     with(settings, extra.of(network, de)))) {
            Thread stopHook = new Thread(() -> {
                atProcess.requestStop();
                deProcess.requestStop();
            }, "lexbridge-bench-stop");
            Runtime.getRuntime().addShutdownHook(stopHook);
            try {
                BackendClient sender = new BackendClient(at, network.caCertificate());
                BackendClient receiver = new BackendClient(de, network.caCertificate());
                ConnectorLoad.awaitUp(atProcess, sender, options.timeout());
                ConnectorLoad.awaitUp(deProcess, receiver, options.timeout());
                for (long size : options.sizes()) {
                    System.out.println(ConnectorLoad.elapsed() + "sending " + size(size) + "...");
                    Transfer transfer = transfer(size, sender, receiver, atProcess, deProcess);
                    transfers.add(transfer);
                    if (!transfer.passed()) {
                        break;
                    }
                }
            } finally {
                System.out.println(ConnectorLoad.elapsed() + "stopping the connectors...");
                atProcess.requestStop();
                deProcess.requestStop();
                ConnectorLoad.removeHook(stopHook);
            }
        }
        Report report = new Report(startedAt, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), String.join(" ", options.jvmOptions()), loadBefore,
                LoadBench.loadAverage(), transfers);
        report.print(System.out);
        if (options.json() != null) {
            report.writeJson(options.json());
            System.out.println("JSON: " + options.json().toAbsolutePath());
        }
        System.out.println("Connector logs: " + at.logFile() + ", " + de.logFile());
        return report;
    }

    private static List<String> with(List<String> settings, List<String> more) {
        List<String> all = new ArrayList<>(settings);
        all.addAll(more);
        return all;
    }

    /** The limits a connector needs to take a payload of {@code largest} bytes from its back-end and over AS4. */
    static List<String> settings(long largest) {
        String limit = Math.max(largest, 1L << 20) + "B";
        String request = (largest + (16L << 20)) + "B";
        return List.of("--lexbridge.connector.max-payload-size=" + limit,
                "--spring.servlet.multipart.max-file-size=" + limit,
                "--spring.servlet.multipart.max-request-size=" + request);
    }

    private Transfer transfer(long size, BackendClient sender, BackendClient receiver, ConnectorProcess atProcess,
                              ConnectorProcess deProcess) {
        DemoConnector to = deProcess.connector();
        // gauges of their own: each transfer reports its own peaks
        ConnectorGauge atGauge = new ConnectorGauge(atProcess);
        ConnectorGauge deGauge = new ConnectorGauge(deProcess);
        long seed = size ^ 0x1e8b_41d6L;
        AtomicReference<MessageDigest> sent = new AtomicReference<>();
        Part attachment = new Part("attachments", "evidence-" + size + ".bin", "application/octet-stream", size,
                () -> {
                    MessageDigest digest = sha256();
                    sent.set(digest);
                    return new DigestInputStream(new RandomPayload(seed, size), digest);
                });
        String metadata = """
                {"backendMessageId":"LARGE-%s","service":"%s","action":"%s","toPartyId":"%s",\
                "originalSender":"AT/bench","finalRecipient":"DE/bench"}"""
                .formatted(UUID.randomUUID(), DemoNetwork.SERVICE, DemoNetwork.ACTION, to.party());
        List<Part> parts = List.of(
                Part.of("businessContent", "content.xml", "application/xml", BenchPayloads.xml(4096)),
                Part.of("businessDocument", "document.pdf", "application/pdf", BenchPayloads.pdf(20_000)),
                attachment);
        Duration atCpu = cpu(atProcess);
        Duration deCpu = cpu(deProcess);
        long start = System.nanoTime();
        Instant deadline = Instant.now().plus(options.timeout());
        double upload = Double.NaN;
        double available = Double.NaN;
        double downloaded = Double.NaN;
        double delivered = Double.NaN;
        boolean equal = false;
        List<String> leftovers = new ArrayList<>();
        String problem = null;
        ScheduledExecutorService sampler = ConnectorGauge.sampleHeaps(List.of(atGauge, deGauge), SAMPLE_EVERY);
        try {
            JsonNode answer = sender.submit(metadata, parts, options.timeout());
            upload = seconds(start);
            String sentHash = HexFormat.of().formatHex(sent.get().digest());
            String ebmsId = answer.path("ebmsMessageId").asText();
            String senderId = answer.path("connectorMessageId").asText();
            System.out.printf(Locale.ROOT, "%s  uploaded in %.1f s%n", ConnectorLoad.elapsed(), upload);
            String receivedId = awaitAvailable(sender, senderId, receiver, ebmsId, deadline);
            available = seconds(start);
            System.out.printf(Locale.ROOT, "%s  available at the receiver after %.1f s%n", ConnectorLoad.elapsed(),
                    available);
            JsonNode message = receiver.message(receivedId);
            JsonNode payload = null;
            for (JsonNode p : message.path("payloads")) {
                if (p.path("size").asLong() == size) {
                    payload = p;
                }
            }
            if (payload == null) {
                throw new IllegalStateException("the received message lists no payload of " + size + " bytes");
            }
            MessageDigest received = sha256();
            long count = receiver.download(payload.path("href").asText(),
                    new DigestOutputStream(OutputStream.nullOutputStream(), received), options.timeout());
            downloaded = seconds(start);
            String receivedHash = HexFormat.of().formatHex(received.digest());
            equal = count == size && sentHash.equals(receivedHash)
                    && sentHash.equals(payload.path("sha256").asText());
            receiver.acknowledge(receivedId);
            awaitDelivered(sender, senderId, deadline);
            delivered = seconds(start);
            leftovers.addAll(leftovers(atProcess.connector()));
            leftovers.addAll(leftovers(to));
        } catch (RuntimeException e) {
            problem = e.getMessage();
        } finally {
            sampler.shutdownNow();
        }
        double toAvailable = Double.isNaN(available) ? Double.NaN : size / 1048576.0 / available;
        return new Transfer(size, upload, available, downloaded, delivered, toAvailable,
                cpu(atProcess).minus(atCpu).toMillis() / 1000.0, cpu(deProcess).minus(deCpu).toMillis() / 1000.0,
                atGauge.heapPeakBytes() / 1048576.0, deGauge.heapPeakBytes() / 1048576.0,
                atGauge.liveDataPeakBytes() / 1048576.0, deGauge.liveDataPeakBytes() / 1048576.0,
                atGauge.rssPeakBytes().map(b -> b / 1048576.0).orElse(null),
                deGauge.rssPeakBytes().map(b -> b / 1048576.0).orElse(null), equal, leftovers, problem);
    }

    /**
     * Files left in a connector's temporary directories once its message is done (container staging, the AS4
     * spools, payloads being written): each would be a copy of a payload, gigabytes here, that nothing removes.
     */
    static List<String> leftovers(DemoConnector connector) {
        Path data = connector.directory().resolve("data");
        List<String> found = new ArrayList<>();
        for (Path dir : List.of(data.resolve("work"), data.resolve("as4"), data.resolve("payloads").resolve("tmp"))) {
            if (!java.nio.file.Files.isDirectory(dir)) {
                continue;
            }
            try (var files = java.nio.file.Files.walk(dir)) {
                files.filter(java.nio.file.Files::isRegularFile)
                        .forEach(file -> found.add(connector.party() + ": " + data.relativize(file)));
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                found.add(connector.party() + ": cannot list " + data.relativize(dir) + " (" + e.getMessage() + ")");
            }
        }
        return found;
    }

    /** The receiver's id of the message once its back-end may fetch it. */
    private static String awaitAvailable(BackendClient sender, String senderId, BackendClient receiver,
                                         String ebmsId, Instant deadline) {
        for (int round = 1; Instant.now().isBefore(deadline); round++) {
            for (JsonNode m : receiver.inbox(500).path("messages")) {
                if (ebmsId.equals(m.path("ebmsMessageId").asText())) {
                    return m.path("connectorMessageId").asText();
                }
            }
            if (round % 10 == 0) {
                failedAtSender(sender, senderId);
            }
            ConnectorLoad.pause(Duration.ofMillis(200));
        }
        throw new IllegalStateException("not available at the receiver within the timeout");
    }

    private static void awaitDelivered(BackendClient sender, String id, Instant deadline) {
        while (Instant.now().isBefore(deadline)) {
            if ("DELIVERED".equals(failedAtSender(sender, id))) {
                return;
            }
            ConnectorLoad.pause(Duration.ofMillis(200));
        }
        throw new IllegalStateException("not DELIVERED at the sender within the timeout");
    }

    /** The message's state at the sender; throws when it is a final failure, with the reason the sender gives. */
    private static String failedAtSender(BackendClient sender, String id) {
        JsonNode message = sender.message(id);
        String state = message.path("state").asText();
        if (ConnectorLoad.FAILED.contains(state)) {
            throw new IllegalStateException("the message ended " + state + " at the sender (its timeline and the "
                    + "sender's log say why)");
        }
        return state;
    }

    private static Duration cpu(ConnectorProcess process) {
        return process.handle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String size(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GiB";
        }
        if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        return bytes + " bytes";
    }
}
