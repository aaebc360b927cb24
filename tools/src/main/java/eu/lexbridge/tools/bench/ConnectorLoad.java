package eu.lexbridge.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import eu.lexbridge.core.flow.DocumentPolicy;
import eu.lexbridge.tools.bench.BenchReport.ConnectorCost;
import eu.lexbridge.tools.bench.BenchReport.ConnectorRun;
import eu.lexbridge.tools.bench.BenchReport.DeliveryCheck;
import eu.lexbridge.tools.demo.BackendClient;
import eu.lexbridge.tools.demo.ConnectorProcess;
import eu.lexbridge.tools.demo.DemoConnector;
import eu.lexbridge.tools.demo.DemoNetwork;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The connectors under load, as the demo runs them (AT sends, DE receives): AT's back-end submits over REST, DE's
 * back-end polls its inbox and fetches and acknowledges with a pool of consumers. Both change feeds are followed for
 * the moments each message reached each step.
 */
final class ConnectorLoad {

    /** The latencies reported, in order: three evidences at the sender, then the receiver's inbox. */
    static final List<String> STEPS = List.of("SUBMISSION_ACCEPTANCE", "RELAY_REMMD_ACCEPTANCE", "DELIVERY",
            "AVAILABLE_TO_BACKEND at receiver");
    /**
     * Each scrape of a connector's Prometheus endpoint cost it one BCrypt check of the operator password (the
     * management port is stateless): sampled every 2 s, that was 16-21 % of the connectors' CPU samples under load.
     * A match is now remembered for {@code lexbridge.management.remember-login} (5 min); the samples stay sparse.
     */
    static final int HEAP_SAMPLE_SECONDS = 15;
    /** The final states of a message that did not arrive. */
    static final Set<String> FAILED = Set.of("REJECTED", "RELAY_FAILED", "NOT_DELIVERED", "NOT_RETRIEVED");

    private final LoadOptions options;
    private final DemoNetwork network;
    private final Path jar;

    /** What the sender's feed told about each message, by its connector message id. */
    private final Map<String, Observed> sent = new ConcurrentHashMap<>();
    /** When each received message became available at DE, by DE's connector message id. */
    private final Map<String, Instant> availableAtReceiver = new ConcurrentHashMap<>();
    /** DE's connector message id → the ebMS id, as the inbox lists it. */
    private final Map<String, String> receivedEbmsIds = new ConcurrentHashMap<>();
    /** Acknowledgements at DE by ebMS id: exactly one each is the point. */
    private final Map<String, AtomicInteger> acknowledged = new ConcurrentHashMap<>();
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();
    private final List<String> consumerProblems = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<Submission> submissions = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile boolean stopping;

    ConnectorLoad(LoadOptions options, DemoNetwork network, Path jar) {
        this.options = options;
        this.network = network;
        this.jar = jar;
    }

    /** A submitted message: when the bench started it, and whether it is measured or warm-up. */
    record Submission(String connectorMessageId, String ebmsMessageId, Instant started, boolean measured) {
    }

    /** The sender's feed about one message: first time of each evidence and state, and how many DELIVERY evidences. */
    static final class Observed {
        final Map<String, Instant> first = new ConcurrentHashMap<>();
        final AtomicInteger deliveryEvidences = new AtomicInteger();
        final CompletableFuture<String> finalState = new CompletableFuture<>();
    }

    ConnectorRun run() {
        DemoConnector at = network.issuing();
        DemoConnector de = network.enforcing();
        System.out.println(elapsed() + "starting the connectors " + at.party() + " (sends) and " + de.party()
                + " (receives)...");
        try (ConnectorProcess atProcess = ConnectorProcess.start(at, jar, options.jvmOptions(), List.of());
             ConnectorProcess deProcess = ConnectorProcess.start(de, jar, options.jvmOptions(), List.of())) {
            // Ctrl-C stops the connectors too: none is left running without the bench
            Thread stopHook = new Thread(() -> {
                atProcess.requestStop();
                deProcess.requestStop();
            }, "lexbridge-bench-stop");
            Runtime.getRuntime().addShutdownHook(stopHook);
            BackendClient sender = new BackendClient(at, network.caCertificate());
            BackendClient receiver = new BackendClient(de, network.caCertificate());
            awaitUp(atProcess, sender, options.timeout());
            awaitUp(deProcess, receiver, options.timeout());
            byte[] content = BenchPayloads.xml(options.contentBytes());
            byte[] document = BenchPayloads.pdf(options.documentBytes());
            if (options.policy() == DocumentPolicy.QUALIFIED || options.policy() == DocumentPolicy.ADVANCED_SIGNATURE) {
                document = network.sealDocument(at, document, "document.pdf");
            }
            ExecutorService background = Executors.newCachedThreadPool();
            ScheduledExecutorService sampler = null;
            try {
                BlockingQueue<String> toFetch = new LinkedBlockingQueue<>();
                background.execute(() -> followSender(sender));
                background.execute(() -> followReceiver(receiver, toFetch));
                background.execute(() -> pollInbox(receiver, toFetch));
                for (int i = 0; i < options.consumers(); i++) {
                    background.execute(() -> consume(receiver, toFetch));
                }
                if (options.warmUp() > 0) {
                    System.out.printf("%swarm-up: %d messages, %d in flight...%n", elapsed(), options.warmUp(),
                            options.effectiveInFlight());
                    closedLoop(sender, de, content, document, options.warmUp(), false);
                }
                var gauges = List.of(new ConnectorGauge(atProcess), new ConnectorGauge(deProcess));
                var before = gauges.stream().map(ConnectorGauge::read).toList();
                sampler = ConnectorGauge.sampleHeaps(gauges, Duration.ofSeconds(HEAP_SAMPLE_SECONDS));
                long started = System.nanoTime();
                int measured = options.measuredMessages();
                if (options.openLoop()) {
                    System.out.printf("%smeasuring: %.2f messages/s for %s (%d messages)...%n", elapsed(), options.rate(),
                            options.duration(), measured);
                    openLoop(sender, de, content, document);
                } else {
                    System.out.printf("%smeasuring: %d messages, %d in flight...%n", elapsed(), measured,
                            options.effectiveInFlight());
                    closedLoop(sender, de, content, document, measured, true);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                String loadAverage = LoadBench.loadAverage();
                var after = gauges.stream().map(ConnectorGauge::read).toList();
                sampler.shutdownNow();
                List<ConnectorCost> costs = new ArrayList<>();
                for (int i = 0; i < gauges.size(); i++) {
                    costs.add(cost(gauges.get(i), before.get(i), after.get(i), measured, seconds));
                }
                System.out.println(elapsed() + "checking every message at both ends...");
                DeliveryCheck check = check(sender, receiver);
                return new ConnectorRun(options.openLoop() ? "open loop" : "closed loop", measured,
                        options.openLoop() ? null : options.effectiveInFlight(),
                        options.openLoop() ? options.rate() : null, seconds, measured / seconds, latencies(),
                        "the sender's and receiver's change feeds (event timestamps), against the bench's clock at "
                                + "submit; same host", costs, check, loadAverage);
            } finally {
                stopping = true;
                if (sampler != null) {
                    sampler.shutdownNow();
                }
                background.shutdownNow();
                System.out.println(elapsed() + "stopping the connectors...");
                atProcess.requestStop();
                deProcess.requestStop();
                removeHook(stopHook);
            }
        }
    }

    /** {@code count} messages, {@code inFlight} at a time; each is in flight until DELIVERED at the sender. */
    private void closedLoop(BackendClient sender, DemoConnector to, byte[] content, byte[] document, int count,
                            boolean measured) {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Instant deadline = Instant.now().plus(options.timeout()).plus(Duration.ofSeconds(count));
        ExecutorService workers = Executors.newFixedThreadPool(options.effectiveInFlight());
        for (int w = 0; w < options.effectiveInFlight(); w++) {
            workers.execute(() -> {
                while (failure.get() == null && next.getAndIncrement() < count) {
                    try {
                        Submission s = submit(sender, to, content, document, Instant.now(), measured);
                        awaitFinal(s, deadline);
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                }
            });
        }
        awaitAll(workers);
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    /** Submits on schedule whatever the connectors answer, then waits for every DELIVERY. */
    private void openLoop(BackendClient sender, DemoConnector to, byte[] content, byte[] document) {
        int count = options.measuredMessages();
        long periodNanos = (long) (1e9 / options.rate());
        Instant start = Instant.now().plusMillis(100);
        long startNanos = System.nanoTime() + 100_000_000L;
        ExecutorService submitters = Executors.newCachedThreadPool();
        List<CompletableFuture<Submission>> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long due = startNanos + i * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                sleepNanos(wait);
            }
            // latency from the scheduled moment: a submission the bench could not start on time still counts its wait
            Instant scheduled = start.plusNanos(i * periodNanos);
            all.add(CompletableFuture.supplyAsync(() -> submit(sender, to, content, document, scheduled, true),
                    submitters));
        }
        Instant deadline = Instant.now().plus(options.timeout());
        for (CompletableFuture<Submission> submission : all) {
            awaitFinal(submission.join(), deadline);
        }
        submitters.shutdown();
    }

    private Submission submit(BackendClient sender, DemoConnector to, byte[] content, byte[] document,
                              Instant started, boolean measured) {
        String metadata = """
                {"backendMessageId":"BENCH-%s","service":"%s","action":"%s","toPartyId":"%s",\
                "originalSender":"AT/bench","finalRecipient":"DE/bench"}"""
                .formatted(UUID.randomUUID(), DemoNetwork.SERVICE, DemoNetwork.ACTION, to.party());
        JsonNode answer = sender.submit(metadata, "content.xml", content, "document.pdf", document);
        Submission s = new Submission(answer.path("connectorMessageId").asText(),
                answer.path("ebmsMessageId").asText(), started, measured);
        submissions.add(s);
        return s;
    }

    private void awaitFinal(Submission s, Instant deadline) {
        long millis = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
        try {
            String state = observed(s.connectorMessageId()).finalState.get(millis, TimeUnit.MILLISECONDS);
            if (!"DELIVERED".equals(state)) {
                throw new IllegalStateException("message " + s.connectorMessageId() + " ended " + state);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("message " + s.connectorMessageId() + " not DELIVERED within the timeout"
                    + " (" + options.timeout() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private Observed observed(String connectorMessageId) {
        return sent.computeIfAbsent(connectorMessageId, id -> new Observed());
    }

    /** The sender's feed: evidences and states of every message it sends. */
    private void followSender(BackendClient sender) {
        follow(sender, event -> {
            Observed o = observed(event.path("connectorMessageId").asText());
            Instant at = Instant.parse(event.path("at").asText());
            String evidence = event.path("evidenceType").asText("");
            String state = event.path("state").asText("");
            if (!evidence.isEmpty()) {
                o.first.putIfAbsent(evidence, at);
                if ("DELIVERY".equals(evidence)) {
                    o.deliveryEvidences.incrementAndGet();
                }
            }
            if (!state.isEmpty()) {
                o.first.putIfAbsent("state " + state, at);
                if ("DELIVERED".equals(state) || FAILED.contains(state)) {
                    o.finalState.complete(state);
                }
            }
        });
    }

    /**
     * The receiver's feed: when each message became available to its back-end, which is also when a consumer fetches
     * it (a busy poll of the inbox would cost the receiver CPU that the figures would then charge to the connector).
     */
    private void followReceiver(BackendClient receiver, BlockingQueue<String> toFetch) {
        follow(receiver, event -> {
            if ("AVAILABLE_TO_BACKEND".equals(event.path("state").asText(""))) {
                String id = event.path("connectorMessageId").asText();
                availableAtReceiver.putIfAbsent(id, Instant.parse(event.path("at").asText()));
                if (claimed.add(id)) {
                    toFetch.add(id);
                }
            }
        });
    }

    private void follow(BackendClient backend, java.util.function.Consumer<JsonNode> onEvent) {
        String cursor = "0";
        while (!stopping && !Thread.currentThread().isInterrupted()) {
            try {
                JsonNode page = backend.events(cursor, Duration.ofSeconds(5), 500);
                for (JsonNode event : page.path("events")) {
                    onEvent.accept(event);
                }
                cursor = page.path("cursor").asText(cursor);
            } catch (RuntimeException e) {
                if (stopping) {
                    return;
                }
                consumerProblems.add("reading a change feed: " + e.getMessage());
                pause(Duration.ofMillis(500));
            }
        }
    }

    /**
     * The receiving back-end's inbox, read once a second: what the feed has not announced (none, normally) goes to a
     * consumer all the same, each message to one consumer, once.
     */
    private void pollInbox(BackendClient receiver, BlockingQueue<String> toFetch) {
        while (!stopping && !Thread.currentThread().isInterrupted()) {
            try {
                for (JsonNode m : receiver.inbox(500).path("messages")) {
                    String id = m.path("connectorMessageId").asText();
                    receivedEbmsIds.putIfAbsent(id, m.path("ebmsMessageId").asText());
                    if (claimed.add(id)) {
                        toFetch.add(id);
                    }
                }
                pause(Duration.ofSeconds(1));
            } catch (RuntimeException e) {
                if (stopping) {
                    return;
                }
                consumerProblems.add("polling the inbox: " + e.getMessage());
                pause(Duration.ofMillis(500));
            }
        }
    }

    /** Fetches the message and every payload (hashes checked), then acknowledges it. */
    private void consume(BackendClient receiver, BlockingQueue<String> toFetch) {
        while (!stopping) {
            String id;
            try {
                id = toFetch.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                String ebmsId = fetchAndAcknowledge(receiver, id, consumerProblems::add);
                receivedEbmsIds.putIfAbsent(id, ebmsId);
                acknowledged.computeIfAbsent(receivedEbmsIds.get(id), k -> new AtomicInteger()).incrementAndGet();
            } catch (RuntimeException e) {
                if (stopping) {
                    return;
                }
                consumerProblems.add("consuming " + id + ": " + e.getMessage());
                claimed.remove(id); // the poller offers it again
            }
        }
    }

    /**
     * What a receiving back-end does with one message: fetches it and every payload, checks each payload's SHA-256,
     * then acknowledges it (unless an earlier acknowledgement, whose answer was lost, already did).
     *
     * @return the message's ebMS id
     */
    static String fetchAndAcknowledge(BackendClient receiver, String id, java.util.function.Consumer<String> problems) {
        JsonNode message = receiver.message(id);
        if ("DELIVERED_TO_BACKEND".equals(message.path("state").asText())) {
            // acknowledged before, its answer lost (the connector was killed): nothing more to do
            return message.path("ebmsMessageId").asText();
        }
        for (JsonNode payload : message.path("payloads")) {
            byte[] bytes = receiver.download(payload.path("href").asText());
            if (!sha256(bytes).equals(payload.path("sha256").asText())) {
                problems.accept("payload " + payload.path("name").asText() + " of " + id
                        + " does not match its SHA-256");
            }
        }
        receiver.acknowledge(id);
        return message.path("ebmsMessageId").asText();
    }

    private Map<String, Latencies> latencies() {
        Map<String, String> ebmsToReceived = new ConcurrentHashMap<>();
        receivedEbmsIds.forEach((received, ebms) -> ebmsToReceived.put(ebms, received));
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        STEPS.forEach(step -> millis.put(step, new ArrayList<>()));
        for (Submission s : List.copyOf(submissions)) {
            if (!s.measured()) {
                continue;
            }
            Observed o = observed(s.connectorMessageId());
            for (String step : STEPS.subList(0, 3)) {
                Instant at = o.first.get(step);
                if (at != null) {
                    millis.get(step).add(Duration.between(s.started(), at).toNanos() / 1e6);
                }
            }
            String received = ebmsToReceived.get(s.ebmsMessageId());
            Instant available = received == null ? null : availableAtReceiver.get(received);
            if (available != null) {
                millis.get(STEPS.get(3)).add(Duration.between(s.started(), available).toNanos() / 1e6);
            }
        }
        Map<String, Latencies> result = new LinkedHashMap<>();
        millis.forEach((step, values) -> result.put(step, Latencies.of(values)));
        return result;
    }

    /**
     * Each message submitted: DELIVERED at the sender (its own answer, not only the feed), with one DELIVERY evidence,
     * and acknowledged exactly once at the receiver; nothing else waits in the receiver's inbox.
     */
    private DeliveryCheck check(BackendClient sender, BackendClient receiver) {
        // the last acknowledgements may still be on their way back from the consumers
        Instant settle = Instant.now().plusSeconds(10);
        List<Submission> all = List.copyOf(submissions);
        while (Instant.now().isBefore(settle) && all.stream()
                .anyMatch(s -> acknowledged.getOrDefault(s.ebmsMessageId(), new AtomicInteger()).get() == 0)) {
            pause(Duration.ofMillis(100));
        }
        List<String> problems = new ArrayList<>(consumerProblems);
        int deliveredOnce = 0;
        int acknowledgedOnce = 0;
        for (Submission s : all) {
            String state = sender.message(s.connectorMessageId()).path("state").asText();
            int deliveries = observed(s.connectorMessageId()).deliveryEvidences.get();
            if ("DELIVERED".equals(state) && deliveries == 1) {
                deliveredOnce++;
            } else {
                problems.add("message " + s.connectorMessageId() + " is " + state + " at the sender with "
                        + deliveries + " DELIVERY evidences");
            }
            int acks = acknowledged.getOrDefault(s.ebmsMessageId(), new AtomicInteger()).get();
            if (acks == 1) {
                acknowledgedOnce++;
            } else {
                problems.add("message " + s.ebmsMessageId() + " acknowledged " + acks + " times at the receiver");
            }
        }
        Set<String> submittedIds = ConcurrentHashMap.newKeySet();
        all.forEach(s -> submittedIds.add(s.ebmsMessageId()));
        receivedEbmsIds.values().stream().filter(id -> !submittedIds.contains(id))
                .forEach(id -> problems.add("the receiver got " + id + ", which the bench never submitted"));
        int waiting = receiver.inbox(500).path("messages").size();
        if (waiting > 0) {
            problems.add(waiting + " messages still wait in the receiver's inbox");
        }
        return new DeliveryCheck(all.size(), deliveredOnce, acknowledgedOnce, problems);
    }

    private static ConnectorCost cost(ConnectorGauge gauge, ConnectorGauge.Reading before,
                                      ConnectorGauge.Reading after, int messages, double seconds) {
        double cpuMillis = after.cpu().minus(before.cpu()).toNanos() / 1e6;
        double allocated = after.allocatedBytes() - before.allocatedBytes();
        Double rss = gauge.rssPeakBytes().map(bytes -> bytes / 1048576.0).orElse(null);
        return new ConnectorCost(gauge.party(), cpuMillis / messages, allocated / 1048576.0 / messages,
                (after.gcPauseSeconds() - before.gcPauseSeconds()) / seconds, gauge.heapPeakBytes() / 1048576.0, rss);
    }

    /** Waits until the connector answers its health check; fails at once when its process has ended. */
    static void awaitUp(ConnectorProcess process, BackendClient backend, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("connector " + process.connector().party() + " stopped; see "
                        + process.connector().logFile());
            }
            if (backend.isUp()) {
                return;
            }
            pause(Duration.ofMillis(250));
        }
        throw new IllegalStateException("connector " + process.connector().party() + " did not start within "
                + timeout + "; see " + process.connector().logFile());
    }

    static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs or has run: it stops the processes
        }
    }

    private static void awaitAll(ExecutorService workers) {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(1, TimeUnit.DAYS)) {
                throw new IllegalStateException("the load did not end");
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    /** Time since the bench started, before each progress line: where a long run spends its time. */
    static String elapsed() {
        long millis = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        return String.format(java.util.Locale.ROOT, "[%6.1f s] ", millis / 1000.0);
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
