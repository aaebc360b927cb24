package eu.lexbridge.trust.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 200 MB payload built into a container and opened again, in a JVM whose heap is capped at 96 MB (the surefire
 * execution {@code large-container} in trust-store/pom.xml): memory does not grow with the payload size.
 */
@Tag("large-heap")
class LargeContainerTest {

    private static final long SIZE = 200L << 20;
    private static final long MB = 1 << 20;

    @TempDir
    Path dir;

    @Test
    void twoHundredMegabytesStreamThroughASmallHeap() throws Exception {
        long maxHeap = Runtime.getRuntime().maxMemory();
        assertThat(maxHeap).as("run with -Xmx96m (surefire execution large-container)").isLessThanOrEqualTo(100 * MB);
        ContainerPki pki = ContainerPki.generate(Files.createDirectories(dir.resolve("pki")), "at-court");
        EcodexContainerBuilder builder = new EcodexContainerBuilder(pki.containerKey("at-court"), Clock.systemUTC(),
                dir);
        EcodexContainerReader reader = new EcodexContainerReader(List.of(pki.ca()), Clock.systemUTC(),
                ContainerLimits.DEFAULT, dir);
        ContainerContent content = new ContainerContent(
                new ContainerPart("mainDocument.pdf", "application/pdf", () -> Payloads.pdfLike(SIZE, 42)), null,
                List.of(ContainerPart.ofBytes("annex.xml", "application/xml", "<annex/>".getBytes())));
        Path container = dir.resolve("large.asics");
        resetPeaks();

        long start = System.nanoTime();
        BuiltContainer built = builder.build(content, Payloads.authenticationBased(), container);
        long built_ms = (System.nanoTime() - start) / 1_000_000;
        long buildPeak = heapPeak();
        resetPeaks();
        start = System.nanoTime();
        OpenedContainer opened = reader.open(container, dir.resolve("out"));
        long open_ms = (System.nanoTime() - start) / 1_000_000;
        long openPeak = heapPeak();

        assertThat(opened.verification().valid()).as(opened.verification().problems().toString()).isTrue();
        ExtractedEntry document = opened.entries().get(0);
        assertThat(document.size()).isEqualTo(SIZE);
        String expected = sha256(Payloads.pdfLike(SIZE, 42));
        assertThat(HexFormat.of().formatHex(document.sha256())).isEqualTo(expected);
        assertThat(Payloads.sha256(document.file())).isEqualTo(expected);
        assertThat(HexFormat.of().formatHex(built.token().document().sha256())).isEqualTo(expected);
        System.out.printf("200 MB container: build %d ms (heap peak %d MB), open+verify+extract %d ms (heap peak %d MB),"
                        + " container %d MB, max heap %d MB%n", built_ms, buildPeak / MB, open_ms, openPeak / MB,
                Files.size(container) / MB, maxHeap / MB);
        assertThat(Math.max(buildPeak, openPeak)).isLessThan(64 * MB);
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks: an upper bound of the peak heap in use. */
    private static long heapPeak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[65536];
        for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
