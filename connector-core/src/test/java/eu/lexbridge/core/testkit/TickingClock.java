package eu.lexbridge.core.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves one millisecond per reading, so every event has its own instant and orders are exact; tests move
 * it further with {@link #advance} to let timeouts expire.
 */
public final class TickingClock extends Clock {

    private final AtomicReference<Instant> now;

    public TickingClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now.getAndUpdate(i -> i.plus(Duration.ofMillis(1)));
    }

    /** Moves the clock forward; it never goes back. */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("a clock does not go back: " + by);
        }
        now.updateAndGet(i -> i.plus(by));
    }

    /** The instant the next reading returns, without taking it. */
    public Instant peek() {
        return now.get();
    }
}
