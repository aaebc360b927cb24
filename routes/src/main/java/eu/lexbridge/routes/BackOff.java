package eu.lexbridge.routes;

import eu.lexbridge.core.flow.RetryableSendException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Capped exponential back-off, waited out by the consumer of a hop the broker redelivers at once (the back-end hops:
 * a delay of the broker's own would let a conversation's next message overtake the one redelivered). Before the
 * {@code n}-th delivery of a message the consumer waits {@code first × 2^(n-2)}, at most {@code max}; the first
 * delivery does not wait.
 *
 * <p>The wait holds the consumer, and with it the other conversations the broker gave to that consumer: the price of
 * keeping each conversation in order while its back-end is down.
 */
public record BackOff(Duration first, Duration max) {

    /** How often a waiting consumer looks whether it is asked to stop. */
    private static final long SLICE_MS = 100;

    public BackOff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (first.isNegative() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("the back-off must start at zero or more and end at its start or later");
        }
    }

    /** The wait before delivery {@code deliveryCount} (1 for the first delivery). */
    public Duration before(int deliveryCount) {
        if (deliveryCount <= 1) {
            return Duration.ZERO;
        }
        int doublings = Math.min(deliveryCount - 2, 40); // 2^40 × anything passes any sensible cap
        long millis = first.toMillis() << doublings;
        return millis < 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }

    /**
     * Waits before delivery {@code deliveryCount}, in slices, so that a route asked to stop does not wait out the rest.
     *
     * @throws RetryableSendException when {@code stopping} says so (or the thread is interrupted): the step is rolled
     *     back and the message stays on its queue for the next start
     */
    void await(int deliveryCount, BooleanSupplier stopping) {
        long until = System.nanoTime() + before(deliveryCount).toNanos();
        try {
            while (System.nanoTime() < until) {
                if (stopping.getAsBoolean()) {
                    throw new RetryableSendException("stopping while waiting to retry; the message stays queued");
                }
                Thread.sleep(Math.max(1, Math.min(SLICE_MS, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableSendException("interrupted while waiting to retry; the message stays queued");
        }
    }
}
