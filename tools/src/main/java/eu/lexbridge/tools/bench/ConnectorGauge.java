package eu.lexbridge.tools.bench;

import eu.lexbridge.tools.demo.ConnectorProcess;
import eu.lexbridge.tools.demo.DemoNetwork;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one connector process costs: CPU time from the operating system, allocation, heap and GC pauses from its own
 * Prometheus endpoint (management port, operator login), resident memory from /proc.
 */
final class ConnectorGauge {

    static final String ALLOCATED = "jvm_gc_memory_allocated_bytes_total";
    static final String HEAP_USED = "jvm_memory_used_bytes";
    static final String GC_PAUSE = "jvm_gc_pause_seconds_sum";
    /** The old generation right after the last full collection: what the connector really holds. */
    static final String LIVE_DATA = "jvm_gc_live_data_size_bytes";

    /** The counters at one moment. */
    record Reading(Duration cpu, double allocatedBytes, double gcPauseSeconds) {
    }

    private final ConnectorProcess process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String authorization;
    private volatile double heapPeakBytes;
    private volatile double liveDataPeakBytes;

    ConnectorGauge(ConnectorProcess process) {
        this.process = process;
        Path passwordFile = process.connector().operatorPasswordFile();
        try {
            String password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
            this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                    (DemoNetwork.OPERATOR + ":" + password).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the operator password " + passwordFile, e);
        }
    }

    String party() {
        return process.connector().party();
    }

    Reading read() {
        PrometheusText metrics = scrape();
        return new Reading(process.handle().info().totalCpuDuration().orElseThrow(
                () -> new IllegalStateException("the OS tells no CPU time of " + party())),
                metrics.sum(ALLOCATED).orElseThrow(() -> missing(ALLOCATED)),
                metrics.sum(GC_PAUSE).orElse(0.0));
    }

    /** Samples the heap in use (all heap pools); the highest sample is the peak the report gives. */
    void sampleHeap() {
        PrometheusText metrics = scrape();
        metrics.sum(HEAP_USED, Map.of("area", "heap")).ifPresent(used -> {
            if (used > heapPeakBytes) {
                heapPeakBytes = used;
            }
        });
        metrics.sum(LIVE_DATA).ifPresent(live -> {
            if (live > liveDataPeakBytes) {
                liveDataPeakBytes = live;
            }
        });
    }

    /** Samples the heap every {@code period} until the returned sampler is shut down; a missed sample is skipped. */
    static java.util.concurrent.ScheduledExecutorService sampleHeaps(List<ConnectorGauge> gauges,
                                                                    java.time.Duration period) {
        var sampler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> gauges.forEach(gauge -> {
            try {
                gauge.sampleHeap();
            } catch (RuntimeException e) {
                // a missed sample lowers the peak a little; the run goes on
            }
        }), 0, period.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        return sampler;
    }

    /** The highest old generation after a full collection that the samples saw; 0 when none happened. */
    double liveDataPeakBytes() {
        return liveDataPeakBytes;
    }

    double heapPeakBytes() {
        return heapPeakBytes;
    }

    /** The resident set's high-water mark since the process started (VmHWM), when the OS tells it (Linux). */
    Optional<Long> rssPeakBytes() {
        Path status = Path.of("/proc", Long.toString(process.handle().pid()), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private PrometheusText scrape() {
        var request = HttpRequest.newBuilder(process.connector().managementUri().resolve("/actuator/prometheus"))
                .header("Authorization", authorization).timeout(Duration.ofSeconds(30)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the Prometheus endpoint of " + party() + " answered "
                        + response.statusCode());
            }
            return new PrometheusText(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the metrics of " + party() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private IllegalStateException missing(String metric) {
        return new IllegalStateException("the connector " + party() + " exposes no " + metric);
    }
}
