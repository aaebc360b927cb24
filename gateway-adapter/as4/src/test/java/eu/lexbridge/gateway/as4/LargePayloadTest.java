package eu.lexbridge.gateway.as4;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.transport.As4Profile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: a payload larger than the heap goes from one access point to another, both in JVMs of their own with a
 * small heap, signed and encrypted as every e-CODEX message; before, 100 MB needed ~250 MB of heap on the receiver and
 * 200 MB ended in OutOfMemoryError at the sender at -Xmx512m. The runs are eDelivery AS4 1.x, then one more in 2.0
 * (X25519 key agreement, AES-128 key wrap; the payload is AES-128-GCM in both, through the same streaming cipher).
 * Size, heap and runs can be raised for a measurement
 * (docs/performance.md): {@code -Dlexbridge.large.bytes=2147483648 -Dlexbridge.large.heap=512m
 * -Dlexbridge.large.runs=3}.
 */
class LargePayloadTest {

    private static final long MB = 1L << 20;

    @TempDir
    Path work;

    @Test
    void aPayloadLargerThanTheHeapArrivesWholeAndTheHeapStaysSmall() throws Exception {
        long bytes = Long.getLong("lexbridge.large.bytes", 100 * MB);
        String heap = System.getProperty("lexbridge.large.heap", "96m");
        int runs = Integer.getInteger("lexbridge.large.runs", 1);
        // Live heap after GC on each side; the payload alone is larger than the whole heap by default.
        long heapBound = Long.getLong("lexbridge.large.heap-bound", 64 * MB);
        // A kept directory (e.g. for the endpoints' logs) when one is named.
        Path directory = System.getProperty("lexbridge.large.work") != null
                ? Path.of(System.getProperty("lexbridge.large.work")) : work;
        long seed = 12;
        String expected = LargeTransfer.sha256OfGenerated(bytes, seed);
        try (LargeTransfer transfer = LargeTransfer.start(directory, heap, bytes + 16 * MB)) {
            for (int run = 1; run <= runs; run++) {
                check(transfer.send(bytes, seed), "1.x run " + run + "/" + runs, bytes, heap, expected, heapBound);
            }
            transfer.speak(As4Profile.EDELIVERY_2_EDDSA);
            check(transfer.send(bytes, seed), "2.0 run", bytes, heap, expected, heapBound);
        }
        // Nothing of the payload is left on either side: spooled, gzipped or decrypted copies are deleted.
        for (Path spool : new Path[] {directory.resolve("sender/data/outgoing-spool"),
                directory.resolve("sender/data/" + As4Runtime.TEMP), directory.resolve("receiver/data/" + As4Runtime.TEMP),
                directory.resolve("receiver/data/" + As4ReceivingServlet.SPOOL)}) {
            try (Stream<Path> left = Files.list(spool)) {
                assertThat(left).as(spool.toString()).isEmpty();
            }
        }
    }

    private static void check(LargeTransfer.Result result, String run, long bytes, String heap, String expected,
                              long heapBound) {
        System.out.printf("AS4 large payload %s: %d MB at -Xmx%s on each side in %d ms (%.1f MB/s);"
                        + " largest live heap after GC: sender %d MB, receiver %d MB; CPU sender %d ms, "
                        + "receiver %d ms; %s%n", run, bytes / MB, heap, result.millis(),
                bytes / (double) MB / (result.millis() / 1000.0), result.senderPeakHeap() / MB,
                result.receiverPeakHeap() / MB, result.senderCpuMillis(), result.receiverCpuMillis(),
                result.detail());
        assertThat(result.status()).as(result.detail()).isEqualTo("DELIVERED");
        assertThat(result.receivedSize()).isEqualTo(bytes);
        assertThat(result.receivedSha256()).isEqualTo(expected);
        assertThat(result.senderPeakHeap()).as("sender live heap").isLessThan(heapBound);
        assertThat(result.receiverPeakHeap()).as("receiver live heap").isLessThan(heapBound);
    }
}
