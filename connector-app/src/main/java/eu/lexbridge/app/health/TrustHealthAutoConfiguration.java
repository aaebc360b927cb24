package eu.lexbridge.app.health;

import eu.lexbridge.app.RepeatingTask;
import eu.lexbridge.trust.document.TrustedListRefresh;
import eu.lexbridge.trust.signature.FetchedCrls;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The freshness of the trust data: each trusted list's and each CRL's next update as the gauge
 * {@code lexbridge.trust.next.update} (seconds to it, below zero once past; tags {@code kind} and {@code source}) and
 * the health component {@code trust}, DOWN when one is past it by over an hour. Not part of readiness: a CA late with
 * its CRL is the same for every replica, and stopping traffic would not bring it.
 */
@AutoConfiguration(afterName = {"eu.lexbridge.app.trust.DocumentValidationAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"})
public class TrustHealthAutoConfiguration {

    /** Often enough for an alert within minutes of a next update passing. */
    static final Duration EVERY = Duration.ofMinutes(1);

    @Bean
    TrustFreshness trustHealthIndicator(ObjectProvider<TrustedListRefresh> lists, ObjectProvider<Clock> clock) {
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        return new TrustFreshness(() -> {
            TrustedListRefresh refresh = lists.getIfAvailable();
            return refresh == null ? List.of() : refresh.summary().lists();
        }, FetchedCrls.PROCESS::all, time::instant);
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    RepeatingTask trustNextUpdateGauges(TrustFreshness freshness, ObjectProvider<MeterRegistry> registry,
                                        ObjectProvider<Clock> clock) {
        MeterRegistry meters = registry.getIfAvailable();
        MultiGauge gauges = meters == null ? null : MultiGauge.builder("lexbridge.trust.next.update")
                .baseUnit("seconds").description("seconds until the next update of a trusted list or of a CRL in use; "
                        + "below zero once past").register(meters);
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        return new RepeatingTask("trust-freshness", EVERY, () -> {
            if (gauges != null) {
                Instant now = time.instant();
                gauges.register(freshness.sources().stream().filter(source -> source.nextUpdate() != null)
                        .map(source -> MultiGauge.Row.of(Tags.of("kind", source.kind(), "source",
                                source.location()), Duration.between(now, source.nextUpdate()).toSeconds()))
                        .toList(), true);
            }
        });
    }
}
