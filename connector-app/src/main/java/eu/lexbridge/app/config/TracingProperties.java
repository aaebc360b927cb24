package eu.lexbridge.app.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Tracing with OpenTelemetry: the routes, the hops between them, the AS4 send and its reception on the other side, the
 * HTTP requests. Off unless switched on; then spans go to an OTLP collector over HTTP.
 *
 * @param enabled whether spans are made and exported; off by default: then no tracer exists and nothing is sent
 * @param endpoint the collector's OTLP/HTTP traces address, e.g. {@code http://otel-collector:4318/v1/traces};
 *     required when tracing is on
 * @param samplingProbability the share of traces kept, from 0.0 (none) to 1.0 (all); a trace begun by a back-end's
 *     or a partner's request that says it is sampled is kept whatever this says
 */
@Validated
@ConfigurationProperties("lexbridge.tracing")
public record TracingProperties(
        @DefaultValue("false") boolean enabled,
        URI endpoint,
        @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("1.0") double samplingProbability) {

    @AssertTrue(message = "lexbridge.tracing.endpoint must be the collector's http:// or https:// address (e.g. "
            + "http://otel-collector:4318/v1/traces) when lexbridge.tracing.enabled is true")
    public boolean isEndpointSound() {
        if (endpoint == null) {
            return !enabled;
        }
        String scheme = endpoint.getScheme();
        return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && endpoint.getHost() != null;
    }
}
