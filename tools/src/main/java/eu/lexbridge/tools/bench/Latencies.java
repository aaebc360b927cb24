package eu.lexbridge.tools.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * Percentiles of a set of latencies in milliseconds, by the nearest-rank method: every figure is one that was
 * measured, none is interpolated between two.
 *
 * @param count how many latencies
 */
public record Latencies(int count, double p50, double p95, double p99, double max) {

    public Latencies {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
    }

    public static Latencies of(Collection<Double> millis) {
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Latencies(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Latencies(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
                sorted[sorted.length - 1]);
    }

    /** The smallest value at or above which lie at most {@code 100 - percent} % of the values. */
    static double rank(double[] sorted, double percent) {
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be in (0, 100], was " + percent);
        }
        if (!isSorted(sorted)) {
            throw new IllegalArgumentException("values must be sorted");
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    private static boolean isSorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return Arrays.equals(copy, values);
    }
}
