package eu.lexbridge.app.metrics;

import eu.lexbridge.core.port.GatewayLink;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.messaging.QueueDepths;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * LexBridge's own metrics beside Spring Boot's and Camel's: the depth and age of every queue and dead-letter queue,
 * evidences by type with their time from submission, and AS4 send attempts by partner and outcome.
 */
@AutoConfiguration(afterName = {"eu.lexbridge.app.messaging.MessagingAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"})
public class MetricsAutoConfiguration {

    /** A scrape every 15 s (Prometheus's usual interval) reads the broker at most once. */
    static final Duration QUEUES_FRESH = Duration.ofSeconds(10);

    @Bean
    QueueGauges queueGauges(QueueDepths depths, MeterRegistry registry, ObjectProvider<Clock> clock) {
        QueueGauges gauges = new QueueGauges(depths, QUEUES_FRESH, clock.getIfAvailable(Clock::systemUTC));
        gauges.registerTo(registry);
        return gauges;
    }

    /**
     * The message store counted where evidences are recorded, the gateway timed where it sends: both seen through a
     * view, so that every implementation, a replaced one too, is measured and none has to know about metrics.
     */
    @Bean
    static BeanPostProcessor meteredPorts(ObjectProvider<MeterRegistry> registry) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof MessageStore store) {
                    return EvidenceMetrics.observe(store, registry.getObject());
                }
                if (bean instanceof GatewayLink gateway) {
                    return new MeteredGateway(gateway, registry.getObject());
                }
                return bean;
            }
        };
    }
}
