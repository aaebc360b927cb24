package eu.lexbridge.gateway.as4;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The large-payload measurement of docs/performance.md without Maven around it: for each size, two fresh endpoint
 * JVMs with the given heap, {@code runs} transfers, hashes compared; prints one line per run and the median.
 * Arguments: {@code <work directory> <heap, e.g. 512m> <runs> <size in MiB>...}.
 */
public final class LargeTransferBench {

    private static final long MB = 1L << 20;

    private LargeTransferBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        String heap = args[1];
        int runs = Integer.parseInt(args[2]);
        for (String size : Arrays.copyOfRange(args, 3, args.length)) {
            long bytes = Long.parseLong(size) * MB;
            String expected = LargeTransfer.sha256OfGenerated(bytes, 12);
            Path directory = Files.createTempDirectory(work, "large-" + size + "-");
            List<Double> rates = new ArrayList<>();
            try (LargeTransfer transfer = LargeTransfer.start(directory, heap, bytes + 16 * MB)) {
                for (int run = 1; run <= runs; run++) {
                    LargeTransfer.Result result = transfer.send(bytes, 12);
                    boolean whole = "DELIVERED".equals(result.status()) && result.receivedSize() == bytes
                            && expected.equals(result.receivedSha256());
                    double rate = bytes / (double) MB / (result.millis() / 1000.0);
                    rates.add(rate);
                    System.out.printf("%d MiB -Xmx%s run %d: %s, hash %s, %d ms, %.1f MiB/s, live heap after GC "
                                    + "sender %d MiB receiver %d MiB, CPU sender %.1f s receiver %.1f s%n", bytes / MB,
                            heap, run, result.status(), whole ? "equal" : "DIFFERENT", result.millis(), rate,
                            result.senderPeakHeap() / MB, result.receiverPeakHeap() / MB,
                            result.senderCpuMillis() / 1000.0, result.receiverCpuMillis() / 1000.0);
                }
            }
            rates.sort(null);
            System.out.printf("%d MiB -Xmx%s: median %.1f MiB/s (min %.1f, max %.1f) over %d runs%n", bytes / MB, heap,
                    rates.get(rates.size() / 2), rates.get(0), rates.get(rates.size() - 1), runs);
        }
    }
}
