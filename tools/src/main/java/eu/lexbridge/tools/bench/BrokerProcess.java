package eu.lexbridge.tools.bench;

import eu.lexbridge.messaging.QueueSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.utils.VersionLoader;

/**
 * The Apache Artemis distribution as an operator installs it, for {@code bench crash}: one broker instance per port,
 * created by the distribution's own {@code bin/artemis create} (a user with a password, login required, no web
 * console, one acceptor on loopback), with the queues and address settings that {@code lexbridge broker-settings}
 * prints for the same {@code --lexbridge.routes.*} arguments added to its {@code etc/broker.xml}, and run by the
 * instance's {@code bin/artemis run}. Killed with SIGKILL and started again on the same journal.
 */
final class BrokerProcess implements AutoCloseable {

    private static final java.util.regex.Pattern DISTRIBUTIONS_DEAD_LETTER_ADDRESS = java.util.regex.Pattern.compile(
            "<address name=\"DLQ\">.*?</address>", java.util.regex.Pattern.DOTALL);

    static final String USER = "lexbridge";
    /** What a broker logs once its acceptors take connections ({@code Server is now active}). */
    static final String ACTIVE = "AMQ221007";
    /** The broker's heap; the distribution's profile asks for 2 GB, too much beside four connectors on a bench. */
    private static final String HEAP = "-Xms64m -Xmx256m";

    private final List<Instance> instances;

    private static final class Instance {
        final Path dir;
        final Path log;
        Process process;

        Instance(Path dir) {
            this.dir = dir;
            this.log = dir.resolveSibling(dir.getFileName() + ".log");
        }
    }

    private BrokerProcess(List<Instance> instances) {
        this.instances = instances;
    }

    /** Where the build unpacks the distribution of the client's Artemis version: beside the application jar. */
    static Path defaultHome(Path jar) {
        return jar.toAbsolutePath().getParent().getParent()
                .resolve("apache-artemis-" + VersionLoader.getVersion().getFullVersion());
    }

    /** @throws IllegalArgumentException one sentence, when {@code home} holds no Artemis distribution */
    static void requireDistribution(Path home) {
        if (!Files.isExecutable(home.resolve("bin/artemis"))) {
            throw new IllegalArgumentException("No Artemis distribution at " + home + " (no bin/artemis): build the "
                    + "tools module (./mvnw package -pl tools unpacks it to tools/target) or give --artemis-home.");
        }
    }

    /**
     * Creates one instance per port below {@code dir} ({@code dir/<port>}, its console output in
     * {@code dir/<port>.log}); started by {@link #start}.
     *
     * @param home the unpacked distribution ({@code bin/artemis})
     * @param queues what {@code broker-settings} prints for the connectors' configuration
     */
    static BrokerProcess create(Path home, Path dir, List<Integer> ports, String password, QueueSettings queues,
                                Duration timeout) {
        Path artemis = home.resolve("bin/artemis");
        List<Instance> instances = new ArrayList<>();
        List<Process> creating = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (int port : ports) {
                Instance instance = new Instance(dir.resolve(String.valueOf(port)));
                instances.add(instance);
                creating.add(process(List.of(artemis.toString(), "create", instance.dir.toString(),
                        "--user", USER, "--password", password, "--require-login", "--no-web", "--silent",
                        "--name", "lexbridge-bench-" + port, "--host", "127.0.0.1", "--default-port",
                        String.valueOf(port),
                        // the one acceptor of all protocols on the port; the others would take fixed ports
                        "--no-amqp-acceptor", "--no-mqtt-acceptor", "--no-stomp-acceptor", "--no-hornetq-acceptor"),
                        instance.log));
            }
            for (int i = 0; i < instances.size(); i++) {
                Instance instance = instances.get(i);
                Process process = creating.get(i);
                if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                    process.destroyForcibly();
                    throw new IllegalStateException("artemis create failed for " + instance.dir + "; see "
                            + instance.log);
                }
                Path brokerXml = instance.dir.resolve("etc/broker.xml");
                Files.writeString(brokerXml, withQueues(Files.readString(brokerXml), queues.brokerXml()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the broker instances in " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            creating.forEach(Process::destroyForcibly);
            throw new IllegalStateException("interrupted while creating the broker instances", e);
        }
        return new BrokerProcess(instances);
    }

    /**
     * {@code broker.xml} with the queues' {@code <address>} and {@code <address-setting>} elements added to its own,
     * as an operator pastes them: the distribution's catch-all and management settings stay; its own
     * {@code <address name="DLQ">} gives way to the connector's (operations.md says so), since one address configured
     * twice does not deploy.
     */
    static String withQueues(String brokerXml, String queues) {
        String xml = DISTRIBUTIONS_DEAD_LETTER_ADDRESS.matcher(brokerXml).replaceFirst("");
        for (String element : List.of("addresses", "address-settings")) {
            String open = "<" + element + ">";
            int at = xml.indexOf(open);
            if (at < 0 || xml.indexOf(open, at + 1) >= 0) {
                throw new IllegalStateException("broker.xml has no single " + open + " element");
            }
            String children = queues.substring(queues.indexOf(open) + open.length(),
                    queues.indexOf("</" + element + ">"));
            xml = xml.substring(0, at + open.length()) + children + xml.substring(at + open.length());
        }
        return xml;
    }

    /** Starts every instance and waits until each is active. */
    void start(Duration timeout) {
        List<Long> logged = new ArrayList<>();
        for (Instance instance : instances) {
            try {
                logged.add(Files.exists(instance.log) ? Files.size(instance.log) : 0L);
                instance.process = process(List.of(instance.dir.resolve("bin/artemis").toString(), "run"),
                        instance.log);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the broker in " + instance.dir, e);
            }
        }
        Instant deadline = Instant.now().plus(timeout);
        for (int i = 0; i < instances.size(); i++) {
            Instance instance = instances.get(i);
            while (!active(instance, logged.get(i))) {
                if (!instance.process.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the broker did not start; see " + instance.log);
                }
                ConnectorLoad.pause(Duration.ofMillis(100));
            }
        }
    }

    private static boolean active(Instance instance, long from) {
        try {
            // the log of this start only: an earlier start logged the same line
            byte[] log = Files.readAllBytes(instance.log);
            return new String(log, (int) from, log.length - (int) from, StandardCharsets.ISO_8859_1)
                    .contains(ACTIVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The script with the JVM running the bench, and the broker's heap ({@code JAVA_ARGS_APPEND}, read last). */
    private static Process process(List<String> command, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow(
                () -> new IllegalStateException("cannot tell which java runs the bench")));
        Map<String, String> environment = builder.environment();
        environment.put("JAVA_HOME", java.getParent().getParent().toString());
        environment.put("JAVA_ARGS_APPEND", HEAP);
        return builder.start();
    }

    /** SIGKILL to each broker and whatever its script started: the journal is what survives. */
    void kill() {
        for (Instance instance : instances) {
            Process process = instance.process;
            if (process == null) {
                continue;
            }
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** SIGTERM: the broker's own shutdown; SIGKILL after 30 s. */
    @Override
    public void close() {
        instances.stream().map(i -> i.process).filter(p -> p != null && p.isAlive()).forEach(Process::destroy);
        try {
            for (Instance instance : instances) {
                if (instance.process != null && !instance.process.waitFor(30, TimeUnit.SECONDS)) {
                    kill();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }
}
