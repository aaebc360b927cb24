package eu.lexbridge.tools.bench;

import eu.lexbridge.core.flow.DocumentPolicy;
import eu.lexbridge.tools.demo.Demo;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code lexbridge bench load}: see {@link LoadBench}. */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Start two connectors on loopback as the demo does (at-prosecutor sends, de-court receives), "
                + "submit messages through the sender's REST API and fetch and acknowledge them at the receiver.",
            "",
            "Closed loop (default): --in-flight messages at a time, each until DELIVERED at the sender, "
                    + "--messages in all: the rate the connectors sustain.",
            "Open loop: --rate messages a second for --duration, whatever the connectors answer: the latencies at "
                    + "a given load.",
            "",
            "Reports messages/s; p50/p95/p99 from submit to SUBMISSION_ACCEPTANCE, RELAY_REMMD_ACCEPTANCE and "
                    + "DELIVERY at the sender and to AVAILABLE_TO_BACKEND at the receiver; per connector CPU ms "
                    + "and MB allocated per message, GC pause share, peak heap and peak RSS. Checks that every "
                    + "message ends DELIVERED exactly once. Then (--baseline) the same number of exchanges of raw "
                    + "AS4 between two JVMs with the same keys and TLS, and the ratio.",
            "",
            "Exit code 0 when every message was delivered exactly once, 1 otherwise, 2 for unusable options.",
            "Example: ./lexbridge bench load --in-flight 8 --messages 300 --json bench.json"})
public final class LoadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--in-flight", paramLabel = "N",
            description = "Closed loop: messages under way at once (default " + LoadOptions.DEFAULT_IN_FLIGHT + ")")
    Integer inFlight;

    @Option(names = "--messages", paramLabel = "M",
            description = "Closed loop: messages measured (default " + LoadOptions.DEFAULT_MESSAGES + ")")
    Integer messages;

    @Option(names = "--rate", paramLabel = "R/s", description = "Open loop: messages submitted a second, e.g. 20/s")
    String rate;

    @Option(names = "--duration", paramLabel = "D", description = "Open loop: for how long, e.g. 60s or 2m")
    String duration;

    @Option(names = "--warm-up", paramLabel = "K", defaultValue = "30",
            description = "Messages sent first and left out of every figure (default: ${DEFAULT-VALUE})")
    int warmUp;

    @Option(names = "--content-size", paramLabel = "SIZE", defaultValue = "10KB",
            description = "Business content (XML) per message (default: ${DEFAULT-VALUE})")
    String contentSize;

    @Option(names = "--document-size", paramLabel = "SIZE", defaultValue = "100KB",
            description = "Business document (PDF) per message (default: ${DEFAULT-VALUE})")
    String documentSize;

    @Option(names = "--policy", defaultValue = "AUTHENTICATION",
            description = "The service's document policy: ${COMPLETION-CANDIDATES}. QUALIFIED sends the PDF sealed "
                    + "with the test PKI's qualified e-seal and validates it against the trusted lists "
                    + "(default: ${DEFAULT-VALUE}, no document validation)")
    DocumentPolicy policy;

    @Option(names = "--baseline", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also run raw AS4 between two JVMs, same keys, TLS and message sizes (default: on; "
                    + "--no-baseline to skip)")
    boolean baseline;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON to FILE")
    Path json;

    @Option(names = "--consumers", defaultValue = "4",
            description = "Receiving back-end threads that fetch and acknowledge (default: ${DEFAULT-VALUE})")
    int consumers;

    @Option(names = "--timeout", defaultValue = "180s",
            description = "How long to wait for the connectors to start and for the last DELIVERY "
                    + "(default: ${DEFAULT-VALUE})")
    String timeout;

    @Option(names = "--jvm-options", defaultValue = "-Xmx512m -XX:+UseSerialGC",
            description = "JVM options of the connectors and the baseline's peers alike (default: ${DEFAULT-VALUE})")
    String jvmOptions;

    @Option(names = "--dir", defaultValue = "data/bench",
            description = "Where the bench keeps its PKI, configuration, logs and data; the data is emptied at "
                    + "each run (default: ${DEFAULT-VALUE})")
    Path dir;

    @Override
    public Integer call() {
        LoadOptions options = options();
        BenchReport report = new LoadBench(options, Demo.ownJar()).run();
        boolean delivered = report.connectors().delivery().isAllDeliveredOnce();
        boolean baselineOk = report.baseline() == null || report.baseline().failures() == 0;
        return delivered && baselineOk ? 0 : 1;
    }

    LoadOptions options() {
        try {
            List<String> jvm = LoadOptions.parseJvmOptions(jvmOptions);
            LoadOptions options = new LoadOptions(dir, inFlight, messages,
                    rate == null ? null : LoadOptions.parseRate(rate),
                    duration == null ? null : LoadOptions.parseDuration(duration), warmUp,
                    LoadOptions.parseSize(contentSize), LoadOptions.parseSize(documentSize), policy, baseline, json,
                    consumers, LoadOptions.parseDuration(timeout), jvm);
            List<String> problems = options.problems();
            if (!problems.isEmpty()) {
                throw new ParameterException(spec.commandLine(), String.join("\n", problems));
            }
            return options;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
