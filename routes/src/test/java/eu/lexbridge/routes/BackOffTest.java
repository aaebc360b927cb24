package eu.lexbridge.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.flow.RetryableSendException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackOffTest {

    private final BackOff backOff = new BackOff(Duration.ofSeconds(2), Duration.ofMinutes(5));

    @Test
    void theFirstDeliveryGoesAtOnceThenTheWaitDoublesUpToItsCap() {
        assertThat(backOff.before(1)).isZero();
        assertThat(backOff.before(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backOff.before(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backOff.before(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(backOff.before(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backOff.before(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
    }

    /** The default figures: 300 deliveries take about a day before the dead-letter queue. */
    @Test
    void threeHundredDeliveriesWaitAboutADay() {
        Duration total = Duration.ZERO;
        for (int delivery = 1; delivery <= 300; delivery++) {
            total = total.plus(backOff.before(delivery));
        }
        assertThat(total).isEqualTo(Duration.ofSeconds(510 + 291 * 300));
        assertThat(total.toHours()).isEqualTo(24);
    }

    @Test
    void aRouteAskedToStopDoesNotWaitOutTheRest() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> backOff.await(10, () -> true)).isInstanceOf(RetryableSendException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aWaitIsWaited() {
        var quick = new BackOff(Duration.ofMillis(150), Duration.ofSeconds(1));
        long start = System.nanoTime();

        quick.await(2, () -> false);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }
}
