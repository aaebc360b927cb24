package eu.lexbridge.backend.rest.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that moves one millisecond per reading, so every event has its own instant and orders are exact. */
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
}
