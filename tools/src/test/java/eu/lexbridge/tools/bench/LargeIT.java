package eu.lexbridge.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench large}, bounded for the test suite: a 500 MiB attachment from the sending back-end's REST upload to the
 * receiving back-end's download, through two whole connectors with -Xmx512m each (container built and sealed,
 * signed and encrypted AS4 over HTTPS, container verified, evidences back). The 2 GiB run is
 * {@code ./lexbridge bench large}.
 */
class LargeIT {

    private static final long SIZE = 500L << 20;

    @TempDir
    Path dir;

    @Test
    void fiveHundredMebibytesArriveWholeThroughConnectorsOfHalfAGigabyteHeap() {
        Path jar = Paths.get(System.getProperty("lexbridge.jar", "target/lexbridge.jar")).toAbsolutePath();
        assertThat(jar).as("the packaged application").exists();
        var options = new LargeRun.Options(dir.resolve("large"), List.of(SIZE), Duration.ofMinutes(10),
                List.of("-Xmx512m", "-XX:+UseSerialGC"), null);

        LargeRun.Report report = new LargeRun(options, jar).run();

        assertThat(report.transfers()).singleElement().satisfies(t -> {
            assertThat(t.problem()).isNull();
            assertThat(t.bytes()).isEqualTo(SIZE);
            assertThat(t.hashesEqual()).as("sent, listed and downloaded SHA-256 equal").isTrue();
            assertThat(t.deliveredSeconds()).as("DELIVERED at the sender").isPositive();
            assertThat(t.leftovers()).as("no staged, spooled or half-written copy left").isEmpty();
            // the heap never held the payload: its highest sample (garbage included; 160-200 MiB in the runs of
            // 2026-12-05 whatever the size) stays well under the 500 MiB a held copy would take, on either side
            assertThat(t.senderHeapPeakMiB()).isPositive().isLessThan(300);
            assertThat(t.receiverHeapPeakMiB()).isPositive().isLessThan(300);
        });
        assertThat(report.passed()).isTrue();
    }
}
