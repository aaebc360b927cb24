package eu.lexbridge.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TickingClockTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void everyReadingIsOneMillisecondLater() {
        var clock = new TickingClock(START);

        assertThat(clock.instant()).isEqualTo(START);
        assertThat(clock.instant()).isEqualTo(START.plusMillis(1));
        assertThat(clock.peek()).isEqualTo(START.plusMillis(2));
    }

    @Test
    void advanceMovesForwardOnly() {
        var clock = new TickingClock(START);

        clock.advance(Duration.ofHours(2));

        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofHours(2)));
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
