package eu.lexbridge.tools.bench;

import eu.lexbridge.tools.demo.Demo;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code lexbridge bench crash}: see {@link CrashRun}. */
@Command(name = "crash", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Start a PostgreSQL server, an Artemis broker (the Apache Artemis distribution: an instance "
                + "per connector created by its bin/artemis create, login required, the queue settings "
                + "broker-settings prints) and two connectors on loopback (at-prosecutor sends, de-court receives), "
                + "send --messages through the sender's REST API, and meanwhile kill a connector with SIGKILL "
                + "--kills times at random moments (sender and receiver in turn), kill and restart the broker once "
                + "and restart the database once.",
            "",
            "Then checks that every message was submitted once (a back-end sends again when an answer is lost), "
                    + "ended DELIVERED at the sender with one evidence of each type, exists once at the receiver and "
                    + "was acknowledged there, and that no dead-letter queue holds anything.",
            "",
            "Exit code 0 when every message was delivered exactly once, 1 otherwise, 2 for unusable options.",
            "Example: ./lexbridge bench crash --messages 2000 --kills 10 --json crash.json"})
public final class CrashCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--messages", defaultValue = "2000", description = "Messages sent (default: ${DEFAULT-VALUE})")
    int messages;

    @Option(names = "--kills", defaultValue = "10", description = "Connector kills (default: ${DEFAULT-VALUE})")
    int kills;

    @Option(names = "--restarts", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Kill and restart the broker, restart the database, once each (default: on; --no-restarts "
                    + "and --kills 0 measure throughput alone, e.g. --replicas 1 against --replicas 2)")
    boolean restarts;

    @Option(names = "--in-flight", defaultValue = "8",
            description = "Messages under way at once (default: ${DEFAULT-VALUE})")
    int inFlight;

    @Option(names = "--replicas", defaultValue = "1",
            description = "Processes of the sending connector behind one address (a TCP balancer on loopback), "
                    + "sharing its database, broker and payload directory; a sender kill kills one of them "
                    + "(default: ${DEFAULT-VALUE})")
    int replicas;

    @Option(names = "--seed", description = "The random moments and the first victim (default: a new one, printed)")
    Long seed;

    @Option(names = "--timeout", defaultValue = "600s",
            description = "For a connector's start and for each message to end (default: ${DEFAULT-VALUE})")
    String timeout;

    @Option(names = "--jvm-options", defaultValue = "-Xmx512m -XX:+UseSerialGC",
            description = "JVM options of the connectors (default: ${DEFAULT-VALUE})")
    String jvmOptions;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON to FILE")
    Path json;

    @Option(names = "--dir", defaultValue = "data/crash",
            description = "Where the run keeps its PKI, configuration, logs, journals and databases; emptied at "
                    + "each run (default: ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--artemis-home", paramLabel = "DIR",
            description = "The unpacked Apache Artemis distribution the broker runs on (default: the one the build "
                    + "unpacks beside the application, tools/target/apache-artemis-<version>)")
    Path artemisHome;

    @Override
    public Integer call() {
        CrashRun.Options options;
        Path jar = Demo.ownJar();
        try {
            long chosen = seed != null ? seed : new java.security.SecureRandom().nextLong();
            System.out.println("seed " + chosen);
            options = new CrashRun.Options(dir, messages, kills, restarts, inFlight, replicas, chosen,
                    LoadOptions.parseDuration(timeout),
                    LoadOptions.parseJvmOptions(jvmOptions),
                    CrashRun.ROUTE_SETTINGS, artemisHome != null ? artemisHome : BrokerProcess.defaultHome(jar));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        CrashReport report = new CrashRun(options, jar).run();
        report.print(System.out);
        if (json != null) {
            report.writeJson(json);
        }
        return report.passed() ? 0 : 1;
    }
}
