package eu.lexbridge.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.lexbridge.core.flow.DocumentPolicy;
import eu.lexbridge.tools.bench.BenchReport.ConnectorCost;
import eu.lexbridge.tools.demo.PackagedJar;
import eu.lexbridge.tools.demo.SharedDemoPki;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench load} end to end, kept short for the test suite: two connectors from the packaged jar, 10 messages
 * closed loop, and the raw-AS4 baseline. Checks that every figure is there and plausible, never how fast anything is.
 */
class BenchIT {

    /** Measured messages, and baseline exchanges: enough for every percentile to be a figure. */
    private static final int MESSAGES = 10;

    @TempDir
    Path dir;

    @Test
    void aShortRunReportsEveryFigureAndDeliversEveryMessageOnce() throws Exception {
        Path jar = PackagedJar.path();
        Path json = dir.resolve("report.json");
        // C1 only: a test run lives for seconds; the figures are checked for presence, not for speed. The timeout
        // bounds the connectors' start, which takes minutes when other builds load the machine.
        SharedDemoPki.into(dir.resolve("bench"));
        var options = new LoadOptions(dir.resolve("bench"), 4, MESSAGES, null, null, 2, 10 * 1024, 100 * 1024,
                DocumentPolicy.AUTHENTICATION, true, json, 2, Duration.ofSeconds(300),
                List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));

        BenchReport report = new LoadBench(options, jar).run();

        var connectors = report.connectors();
        assertThat(connectors.delivery().problems()).isEmpty();
        assertThat(connectors.delivery().submitted()).as("warm-up and measured").isEqualTo(MESSAGES + 2);
        assertThat(connectors.delivery().deliveredOnce()).isEqualTo(MESSAGES + 2);
        assertThat(connectors.delivery().acknowledgedOnce()).isEqualTo(MESSAGES + 2);
        assertThat(connectors.delivery().isAllDeliveredOnce()).isTrue();
        assertThat(connectors.messages()).isEqualTo(MESSAGES);
        assertThat(connectors.messagesPerSecond()).isPositive();
        assertThat(connectors.latenciesMillis()).containsOnlyKeys(ConnectorLoad.STEPS);
        connectors.latenciesMillis().forEach((step, l) -> {
            assertThat(l.count()).as(step).isEqualTo(MESSAGES);
            assertThat(l.p50()).as(step).isPositive().isLessThanOrEqualTo(l.p95());
            assertThat(l.p95()).as(step).isLessThanOrEqualTo(l.p99());
            assertThat(l.p99()).as(step).isLessThanOrEqualTo(l.max());
        });
        var at = connectors.latenciesMillis();
        assertThat(at.get("SUBMISSION_ACCEPTANCE").p50()).as("the sender accepts before the receiver relays")
                .isLessThan(at.get("RELAY_REMMD_ACCEPTANCE").p50());
        assertThat(at.get("RELAY_REMMD_ACCEPTANCE").p50()).isLessThan(at.get("DELIVERY").p50());
        assertThat(connectors.perConnector()).extracting(ConnectorCost::party)
                .containsExactly("at-prosecutor", "de-court");
        for (ConnectorCost cost : connectors.perConnector()) {
            assertThat(cost.cpuMillisPerMessage()).as(cost.party()).isPositive();
            assertThat(cost.allocatedMegabytesPerMessage()).as(cost.party()).isPositive();
            assertThat(cost.gcPauseShare()).as(cost.party()).isBetween(0.0, 1.0);
            assertThat(cost.heapPeakMegabytes()).as(cost.party()).isPositive().isLessThanOrEqualTo(512);
            assertThat(cost.rssPeakMegabytes()).as(cost.party()).isNotNull().isGreaterThan(cost.heapPeakMegabytes());
        }

        var baseline = report.baseline();
        assertThat(baseline.failures()).isZero();
        assertThat(baseline.exchanges()).isEqualTo(MESSAGES);
        assertThat(baseline.exchangesPerSecond()).isPositive();
        assertThat(baseline.senderCpuMillisPerExchange()).isPositive();
        assertThat(baseline.answererCpuMillisPerExchange()).isPositive();
        assertThat(baseline.latenciesMillis()).containsOnlyKeys("RECEIPT", "RELAY_REMMD_ACCEPTANCE", "DELIVERY");
        baseline.latenciesMillis().forEach((step, l) -> {
            assertThat(l.count()).as(step).isEqualTo(MESSAGES);
            assertThat(l.p50()).as(step).isPositive().isLessThanOrEqualTo(l.p95());
        });
        assertThat(report.ratioToBaseline()).isPositive()
                .isEqualTo(connectors.messagesPerSecond() / baseline.exchangesPerSecond());

        var written = new ObjectMapper().readTree(json.toFile());
        assertThat(written.path("connectors").path("delivery").path("allDeliveredOnce").asBoolean()).isTrue();
        assertThat(written.path("connectors").path("latenciesMillis").path("DELIVERY").path("p95").asDouble())
                .isEqualTo(at.get("DELIVERY").p95());
        assertThat(written.path("baseline").path("exchangesPerSecond").asDouble()).isPositive();
    }
}
