package eu.lexbridge.gateway.domibus;

import eu.lexbridge.gateway.domibus.StandInDomibus.Submitted;
import eu.lexbridge.gateway.domibus.wire.push.BackendInterface;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;

/**
 * Two stand-in Domibus access points that relay to each other, one per party, for two whole connectors exchanging
 * through Domibus: a message a connector submits to its node (checked against the contract, its payloads held as
 * files) is carried to the node of the header's To party, which pushes it to its own connector as the WS plugin's push
 * does ({@code RECEIVE_SUCCESS}); the sending node then pushes {@code sendSuccess} to its connector, as Domibus does
 * once the partner's AS4 receipt came. A message to a party neither node serves is reported {@code sendFailure}, with
 * an error the sending node records for its {@code getMessageErrors}.
 *
 * <p>A node can be stopped and started again on the same port with what it held, as a Domibus after an outage. While
 * a node is stopped nothing reaches it and it pushes nothing; what is to be carried to it or pushed by it waits and is
 * tried again every half second, as the sending access point and the push rule's retries do. A push still refused
 * after the pair's patience ({@link #PUSH_PATIENCE} unless started with another) stays pending at the node, for the
 * connector's pull; a message whose partner's node is down that long is reported {@code sendFailure}.
 */
public final class DomibusPair implements AutoCloseable {

    /** The plugin user both nodes take ({@code lexbridge.gateway.domibus.username} and {@code password}). */
    public static final String PLUGIN_USER = StandInDomibus.USER;
    public static final String PLUGIN_PASSWORD = StandInDomibus.PASSWORD;
    private static final Duration RETRY = Duration.ofMillis(500);
    /**
     * How long a push is tried again before the message is left for the pull (a push rule's retries), and how long a
     * message waits for the partner's node before the sender reports sendFailure (a PMode's retries).
     */
    public static final Duration PUSH_PATIENCE = Duration.ofMinutes(2);

    private final Duration patience;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final ScheduledThreadPoolExecutor network = new ScheduledThreadPoolExecutor(2, runnable -> {
        Thread thread = new Thread(runnable, "domibus-pair");
        thread.setDaemon(true);
        // not the servlet container's class loader of the request that first scheduled work: a node stopped later
        // would hold on to it
        thread.setContextClassLoader(DomibusPair.class.getClassLoader());
        return thread;
    });

    private DomibusPair(Duration patience) {
        this.patience = patience;
        network.prestartAllCoreThreads();
    }

    /**
     * Starts one node per party on loopback, each at {@code http://127.0.0.1:<port>/services/domibus/services/wsplugin}.
     *
     * @param directory where the nodes hold the payloads they took
     */
    public static DomibusPair start(Path directory, String firstParty, String secondParty) {
        return start(directory, PUSH_PATIENCE, firstParty, secondParty);
    }

    /**
     * As {@link #start(Path, String, String)}, with the nodes giving up sooner (or later) than {@link #PUSH_PATIENCE}: a
     * test that waits for a push to be left for the pull, or for a sendFailure, need not wait two minutes.
     *
     * @param patience how long a push is tried before the message is left for the pull, and a message waits for the
     *     partner's node before the sender reports sendFailure
     */
    public static DomibusPair start(Path directory, Duration patience, String firstParty, String secondParty) {
        if (patience.isNegative() || patience.isZero()) {
            throw new IllegalArgumentException("the patience must be positive, was " + patience);
        }
        if (firstParty.equals(secondParty)) {
            throw new IllegalArgumentException("two parties are needed, got " + firstParty + " twice");
        }
        DomibusPair pair = new DomibusPair(patience);
        for (String party : List.of(firstParty, secondParty)) {
            Path held = directory.resolve(party);
            try {
                Files.createDirectories(held);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            pair.nodes.put(party, pair.new Node(party, new StandInDomibus(held)));
        }
        return pair;
    }

    /** The access point of {@code party}. */
    public Node node(String party) {
        Node node = nodes.get(party);
        if (node == null) {
            throw new IllegalArgumentException("no Domibus node for " + party + "; there are " + nodes.keySet());
        }
        return node;
    }

    @Override
    public void close() throws Exception {
        network.shutdownNow();
        for (Node node : nodes.values()) {
            node.stop();
            node.domibus.close();
        }
    }

    /** The sending node's work once its connector's submission was taken: carry it, then report. */
    private void carry(Node from, Submitted message) {
        String to = message.header().getUserMessage().getPartyInfo().getTo().getPartyId().getValue();
        String id = message.header().getUserMessage().getMessageInfo().getMessageId();
        Node destination = nodes.get(to);
        if (destination == null || destination == from) {
            failed(from, id, "Error dispatching message: no access point serves party " + to);
            return;
        }
        // The AS4 hop: the partner's access point must be up to take it and return its receipt; when the sender's
        // retries (its PMode's) are over, it reports sendFailure. The sender hears of the receipt before the partner's
        // connector gets the message, so the sender's SENT always comes before the partner's evidences (with a real
        // Domibus it nearly always does: the receipt is the AS4 answer, the push to the partner's connector follows).
        retry(patience, destination::running,
                () -> failed(from, id, "Error dispatching message to the access point of " + to
                        + ": connection refused"),
                () -> from.report(port -> port.sendSuccess(id), () -> destination.deliver(message)));
    }

    /** Domibus giving up on a message: the error it records (for getMessageErrors), then its sendFailure push. */
    private static void failed(Node from, String id, String detail) {
        from.domibus.recordError(id, "EBMS_0005", detail, Instant.now());
        from.report(port -> port.sendFailure(id), () -> {
        });
    }

    /**
     * Runs {@code attempt} now and again every {@link #RETRY} until it returns {@code true} ({@code done} then runs) or
     * {@code patience} has passed ({@code gaveUp} then runs).
     */
    private void retry(Duration patience, BooleanSupplier attempt, Runnable gaveUp, Runnable done) {
        long until = System.nanoTime() + patience.toNanos();
        Runnable[] task = new Runnable[1];
        task[0] = () -> {
            boolean succeeded;
            try {
                succeeded = attempt.getAsBoolean();
            } catch (RuntimeException e) {
                succeeded = false;
            }
            if (succeeded) {
                done.run();
            } else if (System.nanoTime() - until < 0) {
                network.schedule(task[0], RETRY.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                gaveUp.run();
            }
        };
        network.execute(task[0]);
    }

    /** One push of Domibus's towards its connector. */
    @FunctionalInterface
    private interface Push {
        void to(BackendInterface port) throws Exception;
    }

    /** One access point: its connector submits to it and it pushes to its connector. */
    public final class Node {
        private final String party;
        private final StandInDomibus domibus;
        private final List<String> pushed = new CopyOnWriteArrayList<>();
        private LoopbackServer server;
        private int port;

        private Node(String party, StandInDomibus domibus) {
            this.party = party;
            this.domibus = domibus;
            domibus.relayWith(message -> carry(this, message));
            start();
        }

        /** The WS plugin's address, for {@code lexbridge.gateway.domibus.url}. */
        public synchronized URI pluginUrl() {
            return URI.create("http://127.0.0.1:" + port + "/services/domibus/services/wsplugin");
        }

        /**
         * Where and as whom this node pushes ({@code wsplugin.push.rules.*.endpoint}, {@code wsplugin.push.auth.*}).
         *
         * @param tls trusts the connector's HTTPS certificate; {@code null} for plain HTTP
         */
        public void pushTo(URI endpoint, String user, String password, SSLContext tls) {
            domibus.pushTo(endpoint.toString(), user, password, tls);
        }

        /** Stops the node's server: its connector meets a refused connection, and the node pushes nothing. */
        public synchronized void stop() throws Exception {
            if (server != null) {
                server.close();
                server = null;
            }
        }

        /** Starts the node again, on the port it had, with what it held. */
        public synchronized void start() {
            if (server == null) {
                server = new LoopbackServer(port);
                port = server.port();
                domibus.publishOn(server);
            }
        }

        public synchronized boolean running() {
            return server != null;
        }

        /** The ebMS MessageIds its connector submitted and it took, in order. */
        public List<String> submitted() {
            return domibus.submitted().stream().map(s -> s.header().getUserMessage().getMessageInfo().getMessageId())
                    .toList();
        }

        /** The ebMS MessageIds it pushed to its connector and the connector took, in order. */
        public List<String> pushed() {
            return List.copyOf(pushed);
        }

        /** The ebMS MessageIds it holds for its connector's pull: pushes it gave up on and no pull took yet. */
        public List<String> pending() {
            return domibus.pendingIds();
        }

        /** Pushes a message it took from the partner's access point to its connector. */
        private void deliver(Submitted message) {
            String id = message.header().getUserMessage().getMessageInfo().getMessageId();
            retry(patience, () -> {
                if (!running() || domibus.pushPort() == null) {
                    return false;
                }
                try {
                    domibus.push(message.header(), message.payloads());
                    return true;
                } catch (Exception e) {
                    return false; // Domibus pushes again by its rule
                }
            }, () -> domibus.stage(message.header(), message.payloads()), () -> pushed.add(id));
        }

        /** Pushes a send report to its connector, again until the connector takes it; then runs {@code then}. */
        private void report(Push push, Runnable then) {
            retry(patience, () -> {
                BackendInterface port = domibus.pushPort();
                if (!running() || port == null) {
                    return false;
                }
                try {
                    push.to(port);
                    return true;
                } catch (Exception e) {
                    return false;
                }
            }, then, then);
        }

        @Override
        public String toString() {
            return "Domibus of " + party;
        }
    }
}
