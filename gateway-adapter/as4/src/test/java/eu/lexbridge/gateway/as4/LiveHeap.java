package eu.lexbridge.gateway.as4;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The largest heap in use right after a collection (live data, not garbage waiting to be collected), sampled every
 * 20 ms by a daemon thread: what a payload really holds in the heap.
 */
final class LiveHeap {

    private final AtomicLong peak = new AtomicLong();
    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null).toList();

    static LiveHeap sample() {
        LiveHeap heap = new LiveHeap();
        Thread sampler = new Thread(() -> {
            while (true) {
                heap.peak.accumulateAndGet(heap.now(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "live-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        return heap;
    }

    private long now() {
        return pools.stream().mapToLong(pool -> pool.getCollectionUsage().getUsed()).sum();
    }

    long peak() {
        return peak.get();
    }

    /** Starts a new peak from the live heap after a full collection now. */
    void reset() {
        System.gc();
        peak.set(now());
    }
}
