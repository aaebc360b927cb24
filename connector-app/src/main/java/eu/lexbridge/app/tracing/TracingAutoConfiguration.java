package eu.lexbridge.app.tracing;

import eu.lexbridge.app.config.TracingProperties;
import eu.lexbridge.core.port.GatewayLink;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.gateway.as4.OutgoingRequestHeaders;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.otlp.OtlpTracingConnectionDetails;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Tracing with OpenTelemetry when {@code lexbridge.tracing.enabled} is true; nothing at all otherwise (nor Spring
 * Boot's own tracing: {@link TracingSwitch}).
 *
 * <p>Spring Boot makes the OpenTelemetry SDK, the spans of Spring's observations (HTTP server requests, the message
 * bus's JMS sends, which carry {@code traceparent} to the route that takes them) and the OTLP/HTTP exporter; this adds
 * the collector's address and the sampling from {@link TracingProperties}, Camel's own OpenTelemetry support over the
 * routes ({@link RouteTracer}: the trace context rides on each queue message from route to route), and the AS4 hop: a
 * client span around each send ({@link TracedGateway}) whose context the AS4 request carries, so that the partner's
 * connector continues the trace.
 */
@AutoConfiguration(before = {OpenTelemetryTracingAutoConfiguration.class, OtlpTracingAutoConfiguration.class})
@ConditionalOnProperty(prefix = "lexbridge.tracing", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(TracingProperties.class)
public class TracingAutoConfiguration {

    /** Camel's timers fire every second or minute: a trace of each tick would drown the messages' traces. */
    static final String UNTRACED_ENDPOINTS = "timer:*";

    /** Spring Boot's OTLP exporter, sending to our endpoint (OTLP over HTTP, protobuf). */
    @Bean
    @ConditionalOnMissingBean
    OtlpTracingConnectionDetails lexbridgeOtlpTracingConnection(TracingProperties tracing) {
        String endpoint = tracing.endpoint().toString();
        return transport -> endpoint;
    }

    /** Our share of new traces; a trace begun elsewhere keeps its caller's decision, so no trace is cut in two. */
    @Bean
    @ConditionalOnMissingBean
    Sampler lexbridgeSampler(TracingProperties tracing) {
        return Sampler.parentBased(Sampler.traceIdRatioBased(tracing.samplingProbability()));
    }

    /**
     * Camel's OpenTelemetry support on every route but the timers'. It finds Spring Boot's tracer and propagators in
     * the registry; registered here, before Camel creates the routes when the application has started.
     */
    @Bean
    @ConditionalOnMissingBean(org.apache.camel.telemetry.Tracer.class)
    RouteTracer camelRouteTracer(CamelContext camel, ObjectProvider<MessageStore> store) {
        RouteTracer tracer = new RouteTracer(store::getObject);
        tracer.setExcludePatterns(UNTRACED_ENDPOINTS);
        tracer.init(camel);
        return tracer;
    }

    /** The W3C trace context of the current span (the AS4 send's) on each AS4 request. */
    @Bean
    @ConditionalOnMissingBean
    OutgoingRequestHeaders as4TraceContext(OpenTelemetry openTelemetry) {
        return header -> openTelemetry.getPropagators().getTextMapPropagator()
                .inject(Context.current(), header, (carrier, name, value) -> carrier.accept(name, value));
    }

    /** Every gateway, a replaced one too, sends inside its span. */
    @Bean
    static BeanPostProcessor tracedGateway(ObjectProvider<Tracer> tracer) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof GatewayLink gateway && !(bean instanceof TracedGateway)) {
                    return new TracedGateway(gateway, tracer.getObject());
                }
                return bean;
            }
        };
    }
}
