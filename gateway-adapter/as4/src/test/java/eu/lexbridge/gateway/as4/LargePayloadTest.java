package eu.lexbridge.gateway.as4;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: a payload far larger than the heap goes from one access point to another, both in JVMs of their own with a
 * small heap, signed and encrypted as every e-CODEX message. Size and heap can be raised for a measurement:
 * {@code -Dlexbridge.large.bytes=2147483648 -Dlexbridge.large.heap=512m}.
 */
class LargePayloadTest {

    private static final long MB = 1L << 20;

    @TempDir
    Path work;

    @Test
    void aPayloadLargerThanTheHeapArrivesWhole() throws Exception {
        long bytes = Long.getLong("lexbridge.large.bytes", 100 * MB);
        String heap = System.getProperty("lexbridge.large.heap", "96m");
        long seed = 12;
        String expected = LargeTransfer.sha256OfGenerated(bytes, seed);
        // A kept directory (e.g. for the endpoints' logs) when one is named.
        Path directory = System.getProperty("lexbridge.large.work") != null
                ? Path.of(System.getProperty("lexbridge.large.work")) : work;
        try (LargeTransfer transfer = LargeTransfer.start(directory, heap, bytes + 16 * MB)) {
            LargeTransfer.Result result = transfer.send(bytes, seed);
            System.out.printf("AS4 large payload: %d MB at -Xmx%s on each side in %d ms (%.1f MB/s); largest live "
                            + "heap after GC: sender %d MB, receiver %d MB; %s%n", bytes / MB, heap, result.millis(),
                    bytes / MB / (result.millis() / 1000.0), result.senderPeakHeap() / MB,
                    result.receiverPeakHeap() / MB, result.detail());
            assertThat(result.status()).isEqualTo("DELIVERED");
            assertThat(result.receivedSize()).isEqualTo(bytes);
            assertThat(result.receivedSha256()).isEqualTo(expected);
        }
    }
}
