package eu.lexbridge.app.metrics;

import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.messaging.QueueDepths;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.JMSException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@value #MESSAGES} and {@value #OLDEST} for every queue and dead-letter queue. One reading of the broker serves every
 * gauge for {@code fresh}, so a scrape (or several Prometheus servers) asks the broker at most that often; while the
 * broker cannot be read the gauges are NaN, which Prometheus shows as a gap, not as an empty queue.
 */
final class QueueGauges {

    static final String MESSAGES = "lexbridge.queue.messages";
    static final String OLDEST = "lexbridge.queue.oldest.age";

    private static final Logger LOG = LoggerFactory.getLogger(QueueGauges.class);

    private final QueueDepths depths;
    private final Duration fresh;
    private final Clock clock;
    private Map<String, QueueDepths.Depth> last = Map.of();
    private Instant readAt;

    QueueGauges(QueueDepths depths, Duration fresh, Clock clock) {
        this.depths = depths;
        this.fresh = fresh;
        this.clock = clock;
    }

    void registerTo(MeterRegistry registry) {
        for (String queue : QueueDepths.queues()) {
            gauge(registry, MESSAGES, queue, "messages waiting in the queue, those scheduled for redelivery included",
                    depth -> depth.messages(), null);
            gauge(registry, OLDEST, queue, "how long the oldest message in the queue has waited",
                    depth -> depth.oldest().toMillis() / 1000.0, "seconds");
        }
    }

    private void gauge(MeterRegistry registry, String name, String queue, String description,
                       ToDoubleFunction<QueueDepths.Depth> value, String unit) {
        Gauge.builder(name, this, gauges -> gauges.of(queue).map(value::applyAsDouble).orElse(Double.NaN))
                .description(description).tag("queue", queue).baseUnit(unit).register(registry);
    }

    /** The queue's depth from a reading at most {@code fresh} old, read again when older. */
    synchronized Optional<QueueDepths.Depth> of(String queue) {
        Instant now = clock.instant();
        if (readAt == null || Duration.between(readAt, now).compareTo(fresh) >= 0) {
            readAt = now; // a broker that cannot be read is asked again after fresh, not at every gauge
            last = read();
        }
        return Optional.ofNullable(last.get(queue));
    }

    private Map<String, QueueDepths.Depth> read() {
        try {
            List<QueueDepths.Depth> reading = depths.read();
            return reading.stream().collect(Collectors.toMap(QueueDepths.Depth::queue, Function.identity()));
        } catch (JMSException e) {
            LOG.warn("the queue depths could not be read from the broker: {}", LogSafe.of(String.valueOf(e), 300));
            return Map.of();
        }
    }
}
