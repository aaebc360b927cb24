package eu.lexbridge.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    /** As Spring Boot's Micrometer registry writes them (trimmed from a connector's /actuator/prometheus). */
    private static final String SCRAPE = """
            # HELP jvm_gc_memory_allocated_bytes_total Incremented for an increase in the size of the (young) heap memory pool after one GC to before the next
            # TYPE jvm_gc_memory_allocated_bytes_total counter
            jvm_gc_memory_allocated_bytes_total{application="lexbridge"} 1.2345678E9
            # HELP jvm_memory_used_bytes The amount of used memory
            # TYPE jvm_memory_used_bytes gauge
            jvm_memory_used_bytes{application="lexbridge",area="heap",id="Eden Space"} 1.048576E7
            jvm_memory_used_bytes{application="lexbridge",area="heap",id="Survivor Space"} 524288.0
            jvm_memory_used_bytes{application="lexbridge",area="heap",id="Tenured Gen"} 5.24288E7
            jvm_memory_used_bytes{application="lexbridge",area="nonheap",id="Metaspace"} 1.2E8
            jvm_gc_pause_seconds_sum{action="end of minor GC",application="lexbridge",cause="Allocation Failure",gc="Copy"} 0.25
            jvm_gc_pause_seconds_sum{action="end of major GC",application="lexbridge",cause="Allocation Failure",gc="MarkSweepCompact"} 0.5
            odd_label{path="a \\"quoted\\", comma, and } brace"} 3
            plain_metric 42 1700000000000
            """;

    @Test
    void sumsTheHeapPoolsAndLeavesNonHeapOut() {
        PrometheusText text = new PrometheusText(SCRAPE);

        assertThat(text.sum("jvm_memory_used_bytes", Map.of("area", "heap"))).contains(1.048576E7 + 524288.0 + 5.24288E7);
        assertThat(text.sum("jvm_memory_used_bytes", Map.of("area", "nonheap"))).contains(1.2E8);
    }

    @Test
    void readsACounterInScientificNotationAndAddsEveryGcOfAMetric() {
        PrometheusText text = new PrometheusText(SCRAPE);

        assertThat(text.sum("jvm_gc_memory_allocated_bytes_total")).contains(1.2345678E9);
        assertThat(text.sum("jvm_gc_pause_seconds_sum")).contains(0.75);
    }

    @Test
    void quotedLabelValuesMayHoldCommasBracesAndEscapedQuotes() {
        PrometheusText text = new PrometheusText(SCRAPE);

        assertThat(text.sum("odd_label", Map.of("path", "a \"quoted\", comma, and } brace"))).contains(3.0);
        assertThat(text.sum("plain_metric")).as("a timestamp after the value is not the value").contains(42.0);
    }

    @Test
    void aMetricOrLabelNotThereIsEmptyNotZero() {
        PrometheusText text = new PrometheusText(SCRAPE);

        assertThat(text.sum("jvm_gc_memory_allocated_bytes")).isEmpty();
        assertThat(text.sum("jvm_memory_used_bytes", Map.of("area", "disk"))).isEmpty();
    }

    @Test
    void specialValuesAndBrokenLines() {
        assertThat(PrometheusText.parse("x +Inf").value()).isInfinite();
        assertThat(PrometheusText.parse("x{a=\"1\"} NaN").value()).isNaN();
        assertThat(PrometheusText.parse("# TYPE x counter")).isNull();
        assertThatThrownBy(() -> PrometheusText.parse("x{a=\"1\" 3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrometheusText.parse("novalue")).isInstanceOf(IllegalArgumentException.class);
    }
}
