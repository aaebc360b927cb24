package eu.lexbridge.tools.bench;

import eu.lexbridge.tools.bench.BenchReport.BaselineRun;
import eu.lexbridge.tools.bench.BenchReport.ConnectorRun;
import eu.lexbridge.tools.demo.DemoConnector;
import eu.lexbridge.tools.demo.DemoNetwork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** {@code lexbridge bench load}: the connectors under load, then the AS4 baseline, in one run, and the report. */
public final class LoadBench {

    private final LoadOptions options;
    private final Path jar;

    public LoadBench(LoadOptions options, Path jar) {
        this.options = options;
        this.jar = jar;
    }

    public BenchReport run() {
        Path dir = options.dir().toAbsolutePath().normalize();
        String startedAt = Instant.now().toString();
        DemoNetwork network = new DemoNetwork(dir, options.policy());
        network.prepare();
        // every run starts from empty databases, journals and payload stores: runs stay comparable
        for (DemoConnector connector : new DemoConnector[] {network.issuing(), network.enforcing()}) {
            deleteTree(connector.directory().resolve("data"));
        }
        deleteTree(dir.resolve("baseline"));
        ConnectorRun connectors = new ConnectorLoad(options, network, jar).run();
        BaselineRun baseline = options.baseline()
                ? new As4Baseline(options, network, jar, dir.resolve("baseline")).run() : null;
        Double ratio = baseline == null || baseline.exchangesPerSecond() <= 0 ? null
                : connectors.messagesPerSecond() / baseline.exchangesPerSecond();
        BenchReport report = new BenchReport(startedAt, loadAverage(), settings(), connectors, baseline, ratio);
        report.print(System.out);
        if (options.json() != null) {
            report.writeJson(options.json());
            System.out.println("\nJSON: " + options.json().toAbsolutePath());
        }
        System.out.println("Connector logs: " + network.issuing().logFile() + ", " + network.enforcing().logFile());
        return report;
    }

    private Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("mode", options.openLoop() ? "open loop" : "closed loop");
        if (options.openLoop()) {
            settings.put("rate", options.rate());
            settings.put("duration", options.duration().toString());
        } else {
            settings.put("inFlight", options.effectiveInFlight());
        }
        settings.put("messages", options.measuredMessages());
        settings.put("warmUp", options.warmUp());
        settings.put("contentBytes", options.contentBytes());
        settings.put("documentBytes", options.documentBytes());
        settings.put("policy", options.policy().name());
        settings.put("consumers", options.consumers());
        settings.put("jvmOptions", String.join(" ", options.jvmOptions()));
        settings.put("cpus", Runtime.getRuntime().availableProcessors());
        settings.put("java", System.getProperty("java.version"));
        return settings;
    }

    /** The 1, 5 and 15 minute load averages, or "n/a" where /proc/loadavg does not exist. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + root, e);
        }
    }
}
