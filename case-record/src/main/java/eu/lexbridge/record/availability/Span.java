package eu.lexbridge.record.availability;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A stretch of time from {@code start} (included) to {@code end} (excluded). */
public record Span(Instant start, Instant end) {

    public Span {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("a span ends at or after its start");
        }
    }

    public boolean covers(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }

    public boolean overlaps(Span other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public Duration length() {
        return Duration.between(start, end);
    }
}
