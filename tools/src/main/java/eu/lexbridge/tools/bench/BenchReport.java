package eu.lexbridge.tools.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a {@code lexbridge bench load} run measured: the connectors, the AS4 baseline beside them, and their ratio.
 *
 * @param loadAverage the machine's load average (1, 5, 15 min) when the run ended, as /proc/loadavg tells it
 * @param ratioToBaseline connector messages/s ÷ baseline exchanges/s; null without a baseline
 */
public record BenchReport(String startedAt, String loadAverage, Map<String, Object> settings, ConnectorRun connectors,
                          BaselineRun baseline, Double ratioToBaseline) {

    /**
     * @param latencySource where the end of each latency comes from
     * @param latenciesMillis from the submission (closed loop: the request; open loop: its scheduled time)
     * @param loadAverage the machine's load average at the end of the measured window
     */
    public record ConnectorRun(String mode, int messages, Integer inFlight, Double offeredPerSecond, double seconds,
                               double messagesPerSecond, Map<String, Latencies> latenciesMillis, String latencySource,
                               List<ConnectorCost> perConnector, DeliveryCheck delivery, String loadAverage) {
    }

    /** One connector's cost over the measured window, divided by the messages measured. */
    public record ConnectorCost(String party, double cpuMillisPerMessage, double allocatedMegabytesPerMessage,
                                double gcPauseShare, double heapPeakMegabytes, Double rssPeakMegabytes) {
    }

    /**
     * Every message submitted (warm-up included) checked at both ends.
     *
     * @param deliveredOnce DELIVERED at the sender with exactly one DELIVERY evidence
     * @param acknowledgedOnce fetched and acknowledged exactly once at the receiver
     */
    public record DeliveryCheck(int submitted, int deliveredOnce, int acknowledgedOnce, List<String> problems) {

        public boolean isAllDeliveredOnce() {
            return problems.isEmpty() && deliveredOnce == submitted && acknowledgedOnce == submitted;
        }
    }

    /**
     * Raw AS4 between two JVMs: per exchange a business message and two evidence-sized messages back.
     *
     * @param loadAverage the machine's load average when the baseline ended
     */
    public record BaselineRun(int exchanges, int inFlight, double seconds, double exchangesPerSecond,
                              Map<String, Latencies> latenciesMillis, double senderCpuMillisPerExchange,
                              double answererCpuMillisPerExchange, int failures, String loadAverage) {
    }

    public void print(PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "LexBridge bench - %s, load average %s%n", startedAt, loadAverage);
        out.println("settings: " + settings);
        ConnectorRun c = connectors;
        if (c != null) {
            out.printf(Locale.ROOT, "%nConnectors (%s): %d messages in %.1f s = %.2f messages/s%s; load average %s%n",
                    c.mode(), c.messages(), c.seconds(), c.messagesPerSecond(), c.offeredPerSecond() == null ? ""
                            : String.format(Locale.ROOT, " (offered %.2f/s)", c.offeredPerSecond()), c.loadAverage());
            out.println("  latency from submit, ms (" + c.latencySource() + ")");
            out.printf("  %-28s %6s %9s %9s %9s %9s%n", "to", "count", "p50", "p95", "p99", "max");
            c.latenciesMillis().forEach((to, l) -> out.printf(Locale.ROOT, "  %-28s %6d %9.1f %9.1f %9.1f %9.1f%n",
                    to, l.count(), l.p50(), l.p95(), l.p99(), l.max()));
            out.printf("  %-16s %14s %16s %10s %14s %13s%n", "connector", "CPU ms/message", "allocated MB/msg",
                    "GC pauses", "heap peak MB", "RSS peak MB");
            for (ConnectorCost cost : c.perConnector()) {
                out.printf(Locale.ROOT, "  %-16s %14.1f %16.1f %9.1f%% %14.0f %13s%n", cost.party(),
                        cost.cpuMillisPerMessage(), cost.allocatedMegabytesPerMessage(), 100 * cost.gcPauseShare(),
                        cost.heapPeakMegabytes(), cost.rssPeakMegabytes() == null ? "n/a"
                                : String.format(Locale.ROOT, "%.0f", cost.rssPeakMegabytes()));
            }
            DeliveryCheck d = c.delivery();
            out.printf("  delivery: %d submitted, %d DELIVERED once at the sender, %d acknowledged once at the "
                    + "receiver: %s%n", d.submitted(), d.deliveredOnce(), d.acknowledgedOnce(),
                    d.isAllDeliveredOnce() ? "every message delivered exactly once" : "NOT every message delivered once");
            d.problems().stream().limit(20).forEach(p -> out.println("    " + p));
        }
        BaselineRun b = baseline;
        if (b != null) {
            out.printf(Locale.ROOT, "%nBaseline, raw AS4 (%d in flight): %d exchanges in %.1f s = %.2f exchanges/s,"
                    + " %d failed; load average %s%n", b.inFlight(), b.exchanges(), b.seconds(),
                    b.exchangesPerSecond(), b.failures(), b.loadAverage());
            out.printf(Locale.ROOT, "  CPU ms/exchange: sender %.1f, answerer %.1f%n", b.senderCpuMillisPerExchange(),
                    b.answererCpuMillisPerExchange());
            b.latenciesMillis().forEach((to, l) -> out.printf(Locale.ROOT,
                    "  %-28s %6d %9.1f %9.1f %9.1f %9.1f%n", to, l.count(), l.p50(), l.p95(), l.p99(), l.max()));
        }
        if (ratioToBaseline != null) {
            out.printf(Locale.ROOT, "%nConnector rate / baseline rate = %.2f%s%n", ratioToBaseline,
                    c != null && c.offeredPerSecond() != null
                            ? " (open loop: compares with saturation only when more was offered than the connectors sustain)" : "");
        }
    }

    public void writeJson(Path file) {
        writeJson(this, file);
    }

    /** Writes a report as indented JSON, creating the file's folder. */
    static void writeJson(Object report, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
