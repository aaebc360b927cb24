package eu.lexbridge.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import eu.lexbridge.core.flow.DocumentPolicy;
import eu.lexbridge.core.port.Hop;
import eu.lexbridge.messaging.QueueSettings;
import eu.lexbridge.tools.BrokerSettingsCommand;
import eu.lexbridge.tools.bench.CrashReport.Disruption;
import eu.lexbridge.tools.demo.BackendClient;
import eu.lexbridge.tools.demo.ConnectorProcess;
import eu.lexbridge.tools.demo.DemoConnector;
import eu.lexbridge.tools.demo.DemoNetwork;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * {@code lexbridge bench crash}: two connectors on an external Artemis broker (the Apache Artemis distribution, set up
 * as an operator sets it up: {@link BrokerProcess}) and an external PostgreSQL server, under a closed-loop load through
 * the REST back-end API, while the run kills either connector with SIGKILL at random moments, kills and restarts the
 * broker once and restarts the database once. Afterwards it checks that every message was delivered exactly once,
 * ended with its evidences, and that no dead-letter queue holds anything.
 *
 * <p>The sending back-end behaves as a real one must: a submission whose answer is lost is sent again with the same
 * {@code backendMessageId}, and a 409 names the message the first attempt created. The receiving back-end fetches,
 * downloads and acknowledges; a message whose acknowledgement is lost is fetched again, which is allowed; what must
 * never happen is a second message at the receiver for one ebMS message.
 */
public final class CrashRun {

    /**
     * The connectors' own settings that the run changes, operators' settings all, and the same for the broker. On this
     * machine a connector killed under load takes 20 to 80 s to be back; a send is tried again until its relay timeout
     * (12 h), and at most 10 s apart here, so that a partner that is back is reached soon. The stalled-work sweep finds
     * a message stranded between its database write and its queue write; one whose send is being retried notes each
     * attempt and is not stranded.
     */
    static final List<String> ROUTE_SETTINGS = List.of(
            "--lexbridge.routes.max-retry-delay=10s", "--lexbridge.routes.stalled-after=5m",
            "--lexbridge.routes.sweep-interval=30s");

    /**
     * @param kills SIGKILLs of a connector, the sender and the receiver in turn (the first chosen at random)
     * @param restarts whether the broker and the database are restarted (once each); without restarts and kills the
     *     run measures throughput, e.g. of one sending replica against two
     * @param replicas processes of the sending connector behind one address, sharing its database, broker and payload
     *     directory; a sender kill kills one of them (each in turn)
     * @param seed the random moments and the first victim; the same seed, the same plan
     * @param timeout the connectors' start, and each message's wait for its final state
     * @param routeSettings {@code --lexbridge.routes.*} arguments of the connectors and the broker, e.g.
     *     {@link #ROUTE_SETTINGS}
     * @param artemisHome the unpacked Artemis distribution the broker runs on, e.g. {@link BrokerProcess#defaultHome}
     */
    public record Options(Path dir, int messages, int kills, boolean restarts, int inFlight, int replicas, long seed,
                          Duration timeout, List<String> jvmOptions, List<String> routeSettings, Path artemisHome) {
        public Options {
            if (messages < 10 || kills < 0 || inFlight < 1 || replicas < 1 || replicas > 4) {
                throw new IllegalArgumentException("at least 10 messages, no negative kills, one in flight, 1 to 4 "
                        + "replicas");
            }
            jvmOptions = List.copyOf(jvmOptions);
            routeSettings = List.copyOf(routeSettings);
            BrokerProcess.requireDistribution(artemisHome);
        }
    }

    enum Kind { KILL_SENDER, KILL_RECEIVER, RESTART_BROKER, RESTART_DATABASE }

    record Planned(int afterMessages, Kind kind) {
    }

    private final Options options;
    private final Path jar;
    private final Random random;
    private final Map<String, CompletableFuture<String>> finalStates = new ConcurrentHashMap<>();
    /** At the receiver: its connector message id → the ebMS id (one each, or a message arrived twice). */
    private final Map<String, String> received = new ConcurrentHashMap<>();
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final List<String> submitted = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger submitRetries = new AtomicInteger();
    private final AtomicInteger answersLost = new AtomicInteger();
    private final AtomicInteger disruptionsStarted = new AtomicInteger();
    /** Ports this run has handed out: each only once. */
    private final Set<Integer> taken = ConcurrentHashMap.newKeySet();
    /** The broker user's, new for each run: the connectors log in as an external broker requires. */
    private final String brokerPassword = UUID.randomUUID().toString().replace("-", "");
    private final long started = System.nanoTime();
    private volatile boolean stopping;

    public CrashRun(Options options, Path jar) {
        this.options = options;
        this.jar = jar;
        this.random = new Random(options.seed());
    }

    /** Kills spread over the run, each at a random moment of its own stretch; the broker and the database between. */
    static List<Planned> plan(int messages, int kills, boolean restarts, Random random) {
        List<Kind> kinds = new ArrayList<>();
        boolean senderFirst = random.nextBoolean();
        for (int i = 0; i < kills; i++) {
            kinds.add((i % 2 == 0) == senderFirst ? Kind.KILL_SENDER : Kind.KILL_RECEIVER);
        }
        if (restarts) {
            kinds.add(kinds.size() / 3, Kind.RESTART_BROKER);
            kinds.add(kinds.size() * 2 / 3 + 1, Kind.RESTART_DATABASE);
        }
        if (kinds.isEmpty()) {
            return List.of();
        }
        List<Planned> plan = new ArrayList<>();
        // the last tenth stays quiet: the last messages must still be able to finish
        double stretch = messages * 0.9 / kinds.size();
        for (int i = 0; i < kinds.size(); i++) {
            int at = (int) (i * stretch + random.nextDouble() * stretch);
            plan.add(new Planned(Math.max(1, at), kinds.get(i)));
        }
        return plan;
    }

    public CrashReport run() {
        Path dir = options.dir().toAbsolutePath().normalize();
        DemoNetwork network = new DemoNetwork(dir, DocumentPolicy.AUTHENTICATION);
        network.prepare();
        for (DemoConnector connector : List.of(network.issuing(), network.enforcing())) {
            LoadBench.deleteTree(connector.directory().resolve("data"));
        }
        LoadBench.deleteTree(dir.resolve("broker"));
        LoadBench.deleteTree(dir.resolve("postgres"));
        taken.addAll(List.of(network.issuing().port(), network.issuing().managementPort(), network.enforcing().port(),
                network.enforcing().managementPort()));
        int databasePort = freePort();
        int senderBroker = freePort();
        int receiverBroker = freePort();
        List<Planned> plan = plan(options.messages(), options.kills(), options.restarts(), random);
        say("plan: " + plan.stream().map(p -> p.kind() + " after " + p.afterMessages()).toList());
        say("starting PostgreSQL on 127.0.0.1:" + databasePort + " and the broker on " + senderBroker + ", "
                + receiverBroker + "...");
        try (PostgresServer postgres = PostgresServer.start(dir.resolve("postgres"), databasePort,
                List.of("lexbridge_at", "lexbridge_de"));
             // one instance per connector, as each had its own embedded broker: the same queue names on each
             BrokerProcess broker = BrokerProcess.create(options.artemisHome(), dir.resolve("broker"),
                     List.of(senderBroker, receiverBroker), brokerPassword,
                     BrokerSettingsCommand.queueSettings(options.routeSettings()), options.timeout())) {
            broker.start(options.timeout());
            Side sender = new Side(network.issuing(), network, settings(senderBroker,
                    postgres.jdbcUrl("lexbridge_at")), options.replicas());
            Side receiver = new Side(network.enforcing(), network, settings(receiverBroker,
                    postgres.jdbcUrl("lexbridge_de")), 1);
            Thread stopHook = new Thread(() -> {
                sender.kill();
                receiver.kill();
                broker.kill();
            }, "lexbridge-crash-stop");
            Runtime.getRuntime().addShutdownHook(stopHook);
            ExecutorService background = Executors.newCachedThreadPool();
            List<Disruption> disruptions = Collections.synchronizedList(new ArrayList<>());
            try {
                say("starting the connectors...");
                sender.start();
                receiver.start();
                sender.awaitUp();
                receiver.awaitUp();
                BlockingQueue<String> toFetch = new LinkedBlockingQueue<>();
                background.execute(() -> followSender(sender.client));
                background.execute(() -> pollInbox(receiver.client, toFetch));
                for (int i = 0; i < 4; i++) {
                    background.execute(() -> consume(receiver.client, toFetch));
                }
                var disrupting = CompletableFuture.runAsync(() -> disrupt(plan, sender, receiver, broker, postgres,
                        disruptions, background), background);
                say("sending " + options.messages() + " messages, " + options.inFlight() + " in flight...");
                long loadStarted = System.nanoTime();
                load(sender.client, network.enforcing(), plan);
                double seconds = (System.nanoTime() - loadStarted) / 1e9;
                disrupting.join();
                say("checking every message at both ends...");
                return check(sender.client, receiver.client, List.of(senderBroker, receiverBroker), disruptions,
                        seconds);
            } finally {
                stopping = true;
                background.shutdownNow();
                say("stopping the connectors...");
                sender.stop();
                receiver.stop();
                ConnectorLoad.removeHook(stopHook);
            }
        }
    }

    private List<String> settings(int brokerPort, String jdbcUrl) {
        List<String> settings = new ArrayList<>(List.of("--spring.artemis.mode=native",
                "--spring.artemis.broker-url=tcp://127.0.0.1:" + brokerPort,
                "--spring.artemis.user=" + BrokerProcess.USER, "--spring.artemis.password=" + brokerPassword,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + PostgresServer.USER, "--spring.datasource.password="));
        settings.addAll(options.routeSettings());
        return settings;
    }

    private int freePort() {
        int port;
        do {
            port = DemoNetwork.freePort();
        } while (!taken.add(port));
        return port;
    }

    /**
     * A connector as its partner and its back-end see it: one address. With replicas, a {@link LoopbackBalancer}
     * listens there and each replica has ports, a data directory and a log of its own, and shares the payload
     * directory (as it shares the database and the broker).
     */
    private final class Side {
        final BackendClient client;
        final List<Node> replicas = new ArrayList<>();
        final LoopbackBalancer balancer;
        private int nextVictim;

        Side(DemoConnector connector, DemoNetwork network, List<String> settings, int count) {
            this.client = new BackendClient(connector, network.caCertificate());
            if (count == 1) {
                replicas.add(new Node(connector, network, settings));
                balancer = null;
                return;
            }
            for (int i = 1; i <= count; i++) {
                Path directory = connector.directory().resolve("replica-" + i);
                DemoConnector replica = new DemoConnector(connector.party(), connector.label() + ", replica " + i,
                        connector.backend(), freePort(), freePort(), directory, connector.backendToken());
                try {
                    Files.createDirectories(directory);
                    Files.copy(connector.configFile(), replica.configFile(), StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot lay out " + directory, e);
                }
                LoadBench.deleteTree(directory.resolve("data"));
                List<String> own = new ArrayList<>(settings);
                own.addAll(List.of("--server.port=" + replica.port(),
                        "--management.server.port=" + replica.managementPort(),
                        "--lexbridge.connector.data-directory=" + directory.resolve("data"),
                        "--lexbridge.connector.payload-directory=" + connector.directory().resolve("data")
                                .resolve("payloads")));
                replicas.add(new Node(replica, network, own));
            }
            balancer = new LoopbackBalancer(connector.port(), replicas.stream().map(n -> n.connector.port())
                    .toList());
        }

        void start() {
            replicas.forEach(Node::start);
        }

        void awaitUp() {
            replicas.forEach(Node::awaitUp);
        }

        /** The replica the next kill takes: each in turn. */
        Node victim() {
            return replicas.get(nextVictim++ % replicas.size());
        }

        void kill() {
            replicas.forEach(Node::kill);
        }

        void stop() {
            replicas.forEach(Node::requestStop);
            replicas.forEach(Node::stop);
            if (balancer != null) {
                balancer.close();
            }
        }
    }

    /** One connector process, started again after each kill. */
    private final class Node {
        final DemoConnector connector;
        final BackendClient client;
        final List<String> settings;
        final AtomicReference<ConnectorProcess> process = new AtomicReference<>();
        /** Done when the process is up; a restart after a kill replaces it. */
        volatile CompletableFuture<Void> up = CompletableFuture.completedFuture(null);

        Node(DemoConnector connector, DemoNetwork network, List<String> settings) {
            this.connector = connector;
            this.client = new BackendClient(connector, network.caCertificate());
            this.settings = settings;
        }

        void start() {
            process.set(ConnectorProcess.start(connector, jar, options.jvmOptions(), settings));
        }

        void awaitUp() {
            ConnectorLoad.awaitUp(process.get(), client, options.timeout());
        }

        void kill() {
            ConnectorProcess current = process.get();
            if (current != null) {
                current.kill();
            }
        }

        void requestStop() {
            ConnectorProcess current = process.get();
            if (current != null) {
                current.requestStop();
            }
        }

        void stop() {
            ConnectorProcess current = process.get();
            if (current != null) {
                current.close();
            }
        }
    }

    /** Runs the plan: each disruption when enough messages have ended, the next once everything is up again. */
    /**
     * Runs the plan: each disruption once enough messages have ended. A killed connector starts again in the
     * background while the plan goes on (a later kill of the same process waits until it is up: no kill of a process
     * still starting); the broker and the database are restarted before the plan goes on.
     */
    private void disrupt(List<Planned> plan, Side sender, Side receiver, BrokerProcess broker, PostgresServer postgres,
                         List<Disruption> done, ExecutorService background) {
        List<CompletableFuture<Void>> restarts = new ArrayList<>();
        for (Planned planned : plan) {
            while (completed.get() < planned.afterMessages() && !stopping) {
                ConnectorLoad.pause(Duration.ofMillis(50));
            }
            if (stopping) {
                return;
            }
            String what = planned.kind().name();
            Node victim = null;
            if (planned.kind() == Kind.KILL_SENDER || planned.kind() == Kind.KILL_RECEIVER) {
                Side side = planned.kind() == Kind.KILL_SENDER ? sender : receiver;
                victim = side.victim();
                victim.up.join();
                if (side.replicas.size() > 1) {
                    what += " (replica " + (side.replicas.indexOf(victim) + 1) + " of " + side.replicas.size() + ")";
                }
            }
            int at = completed.get();
            double atSeconds = (System.nanoTime() - started) / 1e9;
            long down = System.nanoTime();
            disruptionsStarted.incrementAndGet();
            Runnable recorded = record(what, at, atSeconds, down, done);
            switch (planned.kind()) {
                case KILL_SENDER, KILL_RECEIVER -> {
                    Node killed = victim;
                    killed.kill();
                    // down for a moment or for a while: work in flight meets either
                    long downFor = random.nextInt(3000);
                    killed.up = CompletableFuture.runAsync(() -> {
                        ConnectorLoad.pause(Duration.ofMillis(downFor));
                        killed.start();
                        killed.awaitUp();
                        recorded.run();
                    }, background);
                    restarts.add(killed.up);
                }
                case RESTART_BROKER -> {
                    broker.kill();
                    ConnectorLoad.pause(Duration.ofMillis(random.nextInt(3000)));
                    broker.start(options.timeout());
                    recorded.run();
                }
                case RESTART_DATABASE -> {
                    postgres.restart();
                    recorded.run();
                }
            }
        }
        restarts.forEach(CompletableFuture::join);
    }

    private Runnable record(String what, int at, double atSeconds, long down, List<Disruption> done) {
        return () -> {
            Disruption d = new Disruption(what, at, atSeconds, (System.nanoTime() - down) / 1e9);
            done.add(d);
            say(String.format(java.util.Locale.ROOT, "%s after %d messages: back in %.1f s", d.what(),
                    d.afterMessages(), d.downSeconds()));
        };
    }

    /**
     * Holds message {@code index} back until every disruption planned well before it has begun: a disruption that
     * waits for the previous one must still meet messages under way, not a run that has ended meanwhile.
     */
    private void awaitDisruptionsBefore(int index, List<Planned> plan) {
        long due = plan.stream().filter(p -> p.afterMessages() + 2L * options.inFlight() <= index).count();
        while (disruptionsStarted.get() < due && !stopping) {
            ConnectorLoad.pause(Duration.ofMillis(50));
        }
    }

    /** {@code messages} in all, {@code inFlight} at a time, each until it ends at the sender. */
    private void load(BackendClient sender, DemoConnector to, List<Planned> plan) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        AtomicInteger next = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(options.inFlight());
        for (int w = 0; w < options.inFlight(); w++) {
            workers.execute(() -> {
                int i;
                while ((i = next.getAndIncrement()) < options.messages() && !stopping) {
                    awaitDisruptionsBefore(i, plan);
                    String id = submit(sender, to, "CRASH-" + run + "-" + i);
                    if (id != null) {
                        awaitFinal(sender, id);
                    }
                    int done = completed.incrementAndGet();
                    if (done % 100 == 0) {
                        say(done + " messages ended");
                    }
                }
            });
        }
        workers.shutdown();
        try {
            workers.awaitTermination(1, TimeUnit.DAYS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Submits until the connector answers: 201, or 409 with the message an earlier attempt created. */
    private String submit(BackendClient sender, DemoConnector to, String backendMessageId) {
        String metadata = """
                {"backendMessageId":"%s","service":"%s","action":"%s","toPartyId":"%s",\
                "originalSender":"AT/crash","finalRecipient":"DE/crash"}"""
                .formatted(backendMessageId, DemoNetwork.SERVICE, DemoNetwork.ACTION, to.party());
        Instant deadline = Instant.now().plus(options.timeout());
        boolean retried = false;
        while (Instant.now().isBefore(deadline) && !stopping) {
            try {
                JsonNode answer = sender.submitOrFind(metadata, "content.xml", CONTENT, "document.pdf", DOCUMENT);
                String id = answer.path("connectorMessageId").asText("");
                if (id.isEmpty()) {
                    throw new IllegalStateException("no connectorMessageId in the answer");
                }
                if (answer.has("status")) {
                    answersLost.incrementAndGet(); // a problem document: the first attempt had stored it
                }
                submitted.add(id);
                return id;
            } catch (RuntimeException e) {
                if (!retried) {
                    submitRetries.incrementAndGet();
                    retried = true;
                }
                ConnectorLoad.pause(Duration.ofMillis(500));
            }
        }
        problems.add(backendMessageId + " could not be submitted within " + options.timeout());
        return null;
    }

    private void awaitFinal(BackendClient sender, String id) {
        Instant deadline = Instant.now().plus(options.timeout());
        CompletableFuture<String> state = finalStates.computeIfAbsent(id, k -> new CompletableFuture<>());
        while (Instant.now().isBefore(deadline)) {
            try {
                state.get(10, TimeUnit.SECONDS);
                return;
            } catch (TimeoutException e) {
                // the feed is the fast way; the message itself settles it when the feed was interrupted
                try {
                    String now = sender.message(id).path("state").asText();
                    if ("DELIVERED".equals(now) || ConnectorLoad.FAILED.contains(now)) {
                        state.complete(now);
                    }
                } catch (RuntimeException down) {
                    // the sender is down; ask again later
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                return;
            }
        }
        problems.add("message " + id + " did not end at the sender within " + options.timeout());
    }

    private void followSender(BackendClient sender) {
        String cursor = "0";
        while (!stopping) {
            try {
                JsonNode page = sender.events(cursor, Duration.ofSeconds(5), 500);
                for (JsonNode event : page.path("events")) {
                    String state = event.path("state").asText("");
                    if ("DELIVERED".equals(state) || ConnectorLoad.FAILED.contains(state)) {
                        finalStates.computeIfAbsent(event.path("connectorMessageId").asText(),
                                k -> new CompletableFuture<>()).complete(state);
                    }
                }
                cursor = page.path("cursor").asText(cursor);
            } catch (RuntimeException e) {
                ConnectorLoad.pause(Duration.ofMillis(500)); // down: follow on from the same cursor once it is back
            }
        }
    }

    /** The receiving back-end's inbox, twice a second: each waiting message to one consumer. */
    private void pollInbox(BackendClient receiver, BlockingQueue<String> toFetch) {
        while (!stopping) {
            try {
                for (JsonNode m : receiver.inbox(500).path("messages")) {
                    String id = m.path("connectorMessageId").asText();
                    received.putIfAbsent(id, m.path("ebmsMessageId").asText());
                    if (claimed.add(id)) {
                        toFetch.add(id);
                    }
                }
            } catch (RuntimeException e) {
                // down: poll again
            }
            ConnectorLoad.pause(Duration.ofMillis(500));
        }
    }

    /** Fetches the message and its payloads (hashes checked), then acknowledges it; a failure leaves it for later. */
    private void consume(BackendClient receiver, BlockingQueue<String> toFetch) {
        while (!stopping) {
            String id;
            try {
                id = toFetch.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                ConnectorLoad.fetchAndAcknowledge(receiver, id, problems::add);
            } catch (RuntimeException e) {
                // As a back-end must: the same message again in a moment. Once fetched, it is left out of the inbox
                // for fetch-lease (5 minutes); waiting for the inbox to offer it again would wait that long.
                ConnectorLoad.pause(Duration.ofSeconds(1));
                toFetch.add(id);
            }
        }
    }

    private CrashReport check(BackendClient sender, BackendClient receiver, List<Integer> brokerPorts,
                              List<Disruption> disruptions, double seconds) {
        List<String> found = new ArrayList<>(problems);
        // at the sender: every message DELIVERED, each evidence type once
        Map<String, String> ebmsIds = new LinkedHashMap<>();
        int deliveredOnce = 0;
        for (String id : List.copyOf(submitted)) {
            JsonNode message = retrying(() -> sender.message(id));
            ebmsIds.put(id, message.path("ebmsMessageId").asText());
            Map<String, Integer> evidences = new LinkedHashMap<>();
            message.path("evidences").forEach(e -> evidences.merge(e.path("type").asText(), 1, Integer::sum));
            String state = message.path("state").asText();
            boolean once = evidences.values().stream().allMatch(n -> n == 1);
            if ("DELIVERED".equals(state) && evidences.getOrDefault("DELIVERY", 0) == 1 && once) {
                deliveredOnce++;
            } else {
                found.add("message " + id + " is " + state + " at the sender with evidences " + evidences);
            }
        }
        // at the receiver: one message for each ebMS message, acknowledged; nothing else
        Map<String, List<String>> byEbms = new LinkedHashMap<>();
        received.forEach((id, ebms) -> byEbms.computeIfAbsent(ebms, k -> new ArrayList<>()).add(id));
        int receivedOnce = 0;
        for (String ebms : ebmsIds.values()) {
            List<String> ids = byEbms.getOrDefault(ebms, List.of());
            if (ids.size() == 1) {
                receivedOnce++;
            } else {
                found.add("the receiver holds " + ids.size() + " messages for " + ebms + ": " + ids);
            }
        }
        byEbms.keySet().stream().filter(ebms -> !ebmsIds.containsValue(ebms))
                .forEach(ebms -> found.add("the receiver got " + ebms + ", which the run never submitted"));
        int acknowledgedAtReceiver = 0;
        for (String id : received.keySet()) {
            String state = retrying(() -> receiver.message(id)).path("state").asText();
            if ("DELIVERED_TO_BACKEND".equals(state)) {
                acknowledgedAtReceiver++;
            } else {
                found.add("message " + id + " is " + state + " at the receiver");
            }
        }
        int waiting = retrying(() -> receiver.inbox(500)).path("messages").size();
        if (waiting > 0) {
            found.add(waiting + " messages still wait in the receiver's inbox");
        }
        Map<String, Integer> deadLetters = new LinkedHashMap<>();
        for (int port : brokerPorts) {
            deadLetters.putAll(deadLetters(port, found));
        }
        return new CrashReport(options.messages(), options.replicas(), options.messages() / seconds, submitted.size(), deliveredOnce, receivedOnce,
                acknowledgedAtReceiver, submitRetries.get(), answersLost.get(), List.copyOf(disruptions), deadLetters,
                found, seconds);
    }

    /**
     * Every dead-letter queue of the broker on {@code port}, browsed: what is there, by connector message id. The
     * distribution's broker creates the {@code DLQ.lexbridge.*} queues at its start, on the address {@code DLQ} that
     * its own {@code broker.xml} declares with a catch-all queue {@code DLQ}: each is browsed by its fully qualified
     * name (a plain name would ask for a queue of that name on an address of that name), the catch-all too.
     */
    private Map<String, Integer> deadLetters(int port, List<String> found) {
        List<String> queues = new ArrayList<>(List.of(QueueSettings.DEAD_LETTER_ADDRESS));
        for (Hop hop : Hop.values()) {
            queues.add(QueueSettings.DEAD_LETTER_QUEUE_PREFIX + hop.queue());
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (var factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port, BrokerProcess.USER,
                brokerPassword);
             Connection connection = factory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            connection.start();
            for (String queue : queues) {
                int count = 0;
                try (QueueBrowser browser = session.createBrowser(session.createQueue(
                        QueueSettings.DEAD_LETTER_ADDRESS + "::" + queue))) {
                    for (Enumeration<?> e = browser.getEnumeration(); e.hasMoreElements(); count++) {
                        Message m = (Message) e.nextElement();
                        found.add("dead letter on " + queue + " (broker " + port + "): message "
                                + (m instanceof TextMessage t ? t.getText() : m.getJMSMessageID()));
                    }
                }
                counts.put(port + "/" + queue, count);
            }
        } catch (JMSException e) {
            found.add("cannot browse the dead-letter queues of the broker on " + port + ": " + e.getMessage());
        }
        return counts;
    }

    private static JsonNode retrying(java.util.function.Supplier<JsonNode> call) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                last = e;
                ConnectorLoad.pause(Duration.ofMillis(500));
            }
        }
        throw last;
    }

    private void say(String line) {
        System.out.println(ConnectorLoad.elapsed() + line);
    }

    private static final byte[] CONTENT = BenchPayloads.xml(10 * 1024);
    private static final byte[] DOCUMENT = BenchPayloads.pdf(100 * 1024);
}
