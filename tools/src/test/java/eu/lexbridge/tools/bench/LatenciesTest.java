package eu.lexbridge.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void nearestRankOfOneToHundredIsTheValueAtThatRank() {
        List<Double> values = new ArrayList<>(IntStream.rangeClosed(1, 100).mapToObj(i -> (double) i).toList());
        Collections.shuffle(values, new Random(1));

        Latencies l = Latencies.of(values);

        assertThat(l.count()).isEqualTo(100);
        assertThat(l.p50()).isEqualTo(50.0);
        assertThat(l.p95()).isEqualTo(95.0);
        assertThat(l.p99()).isEqualTo(99.0);
        assertThat(l.max()).isEqualTo(100.0);
    }

    @Test
    void aSmallSampleGivesMeasuredValuesNeverInterpolatedOnes() {
        Latencies l = Latencies.of(List.of(10.0, 30.0, 20.0));

        // ranks ceil(0.5*3)=2, ceil(0.95*3)=3, ceil(0.99*3)=3
        assertThat(l.p50()).isEqualTo(20.0);
        assertThat(l.p95()).isEqualTo(30.0);
        assertThat(l.p99()).isEqualTo(30.0);
        assertThat(l.p50()).isLessThanOrEqualTo(l.p95()).isLessThanOrEqualTo(l.p99());
    }

    @Test
    void oneValueIsEveryPercentile() {
        Latencies l = Latencies.of(List.of(7.5));

        assertThat(List.of(l.p50(), l.p95(), l.p99(), l.max())).containsOnly(7.5);
    }

    @Test
    void noValuesGiveACountOfZeroAndNoFigures() {
        Latencies l = Latencies.of(List.of());

        assertThat(l.count()).isZero();
        assertThat(l.p50()).isNaN();
    }

    @Test
    void theRankRefusesUnsortedValuesAndPercentsOutOfRange() {
        assertThatThrownBy(() -> Latencies.rank(new double[] {2, 1}, 50)).hasMessageContaining("sorted");
        assertThatThrownBy(() -> Latencies.rank(new double[] {1, 2}, 0)).hasMessageContaining("percent");
        assertThatThrownBy(() -> Latencies.rank(new double[] {1, 2}, 101)).hasMessageContaining("percent");
    }
}
